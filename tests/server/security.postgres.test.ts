// The security contracts (SPEC [SEC1]-[SEC6]) on the real PostgreSQL.
import { afterAll, beforeAll } from 'vitest';
import { defineAdminTokensContract } from './admin-tokens-contract';
import { postgresBackend } from './backends';
import { defineSecurityContract } from './security-contract';

const backend = postgresBackend();
beforeAll(() => backend.assertReady());
afterAll(() => backend.cleanup());

defineAdminTokensContract(backend);
defineSecurityContract(backend);
