import { afterAll } from 'vitest';
import { pgliteBackend } from './backends';
import { defineIntegrationContract } from './integration-contract';
import { defineRecallContract } from './integration-recall-contract';

const backend = pgliteBackend();
afterAll(() => backend.cleanup());

defineIntegrationContract(backend);
defineRecallContract(backend);
