import { afterAll } from 'vitest';
import { pgliteBackend } from './backends';
import { defineStoreContract } from './store-contract';

// Every test database is a real data directory on disk, so close/reopen exercises persistence.
const backend = pgliteBackend();
afterAll(() => backend.cleanup());

defineStoreContract(backend);
