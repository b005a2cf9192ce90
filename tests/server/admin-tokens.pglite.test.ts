// One file per contract so vitest runs them in parallel (PGlite is single-threaded WASM).
import { afterAll } from 'vitest';
import { defineAdminTokensContract } from './admin-tokens-contract';
import { pgliteBackend } from './backends';

const backend = pgliteBackend();
afterAll(() => backend.cleanup());

defineAdminTokensContract(backend);
