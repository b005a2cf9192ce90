import { afterAll, beforeAll } from 'vitest';
import { postgresBackend } from './backends';
import { defineEnrollCodeContract } from './enroll-code-contract';
import { defineSyncAuthContract } from './sync-auth-contract';
import { defineSyncPullContract } from './sync-pull-contract';
import { defineSyncPushContract } from './sync-push-contract';

const backend = postgresBackend();
beforeAll(() => backend.assertReady());
afterAll(() => backend.cleanup());

defineSyncAuthContract(backend);
defineEnrollCodeContract(backend);
defineSyncPushContract(backend);
defineSyncPullContract(backend);
