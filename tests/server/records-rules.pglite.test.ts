// One file per contract so vitest runs them in parallel (PGlite is single-threaded WASM).
import { afterAll } from 'vitest';
import { pgliteBackend } from './backends';
import { defineRecordsRulesContract } from './records-rules-contract';

const backend = pgliteBackend();
afterAll(() => backend.cleanup());

defineRecordsRulesContract(backend);
