// One file per contract so vitest runs them in parallel (PGlite is single-threaded WASM).
import { afterAll } from 'vitest';
import { pgliteBackend } from './backends';
import { defineCatalogRecordsContract } from './catalog-records-contract';

const backend = pgliteBackend();
afterAll(() => backend.cleanup());

defineCatalogRecordsContract(backend);
