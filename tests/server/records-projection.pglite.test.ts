// One file per contract so vitest runs them in parallel (PGlite is single-threaded WASM).
import { afterAll } from 'vitest';
import { pgliteBackend } from './backends';
import { defineRecordsProjectionContract } from './records-projection-contract';

const backend = pgliteBackend();
afterAll(() => backend.cleanup());

defineRecordsProjectionContract(backend);
