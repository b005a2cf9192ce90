// One file per contract so vitest runs them in parallel (PGlite is single-threaded WASM).
import { afterAll } from 'vitest';
import { pgliteBackend } from './backends';
import { defineIntegrationPurchasingContract } from './integration-purchasing-contract';

const backend = pgliteBackend();
afterAll(() => backend.cleanup());

defineIntegrationPurchasingContract(backend);
