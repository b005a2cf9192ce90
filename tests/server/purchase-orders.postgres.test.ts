import { afterAll, beforeAll } from 'vitest';
import { postgresBackend } from './backends';
import { definePurchaseOrdersContract } from './purchase-orders-contract';

const backend = postgresBackend();
beforeAll(() => backend.assertReady());
afterAll(() => backend.cleanup());

definePurchaseOrdersContract(backend);
