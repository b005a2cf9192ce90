import { afterAll, beforeAll } from 'vitest';
import { postgresBackend } from './backends';
import { defineSerialsContract } from './serials-contract';

const backend = postgresBackend();
beforeAll(() => backend.assertReady());
afterAll(() => backend.cleanup());

defineSerialsContract(backend);
