import { afterAll, beforeAll } from 'vitest';
import { postgresBackend } from './backends';
import { defineIntegrationContract } from './integration-contract';
import { defineIntegrationPurchasingContract } from './integration-purchasing-contract';
import { defineRecallContract } from './integration-recall-contract';

const backend = postgresBackend();
beforeAll(() => backend.assertReady());
afterAll(() => backend.cleanup());

defineIntegrationContract(backend);
defineRecallContract(backend);
defineIntegrationPurchasingContract(backend);
