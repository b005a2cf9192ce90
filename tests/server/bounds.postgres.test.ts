import { afterAll, beforeAll } from 'vitest';
import { postgresBackend } from './backends';
import { defineBoundsContract } from './bounds-contract';

const backend = postgresBackend();
beforeAll(() => backend.assertReady());
afterAll(() => backend.cleanup());

defineBoundsContract(backend);
