import { afterAll, beforeAll } from 'vitest';
import { defineApprovalsContract } from './approvals-contract';
import { postgresBackend } from './backends';
import { defineCatalogRecordsContract } from './catalog-records-contract';
import { defineRecordsProjectionContract } from './records-projection-contract';
import { defineRecordsPullContract } from './records-pull-contract';
import { defineRecordsPushContract } from './records-push-contract';
import { defineRecordsRulesContract } from './records-rules-contract';
import { defineTemplateRecordsContract } from './template-records-contract';

const backend = postgresBackend();
beforeAll(() => backend.assertReady());
afterAll(() => backend.cleanup());

defineRecordsPushContract(backend);
defineRecordsRulesContract(backend);
defineRecordsPullContract(backend);
defineRecordsProjectionContract(backend);
defineApprovalsContract(backend);
defineCatalogRecordsContract(backend);
defineTemplateRecordsContract(backend);
