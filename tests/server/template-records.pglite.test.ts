// One file per contract so vitest runs them in parallel (PGlite is single-threaded WASM).
import { afterAll } from 'vitest';
import { pgliteBackend } from './backends';
import { defineTemplateRecordsContract } from './template-records-contract';

const backend = pgliteBackend();
afterAll(() => backend.cleanup());

defineTemplateRecordsContract(backend);
