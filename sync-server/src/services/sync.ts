/** Wires the sync services over one Store and one EventHub: what buildApp needs for /api/v1 sync. */
import { AdminTokenStore } from '../store/admin-token-store';
import { ApprovalStore } from '../store/approval-store';
import { IntegrationStore } from '../store/integration-store';
import type { Store } from '../store/store';
import { AdminTokenService } from './admin-tokens';
import { ApprovalService } from './approvals';
import { AuthService } from './auth';
import type { EventHub } from './hub';
import { StreamRegistry } from './hub';
import { IntegrationService } from './integration';
import { PullService } from './pull';
import { PushService } from './push';
import { RecordService } from './records';
import { StaffAdminService } from './staff-admin';

export interface SyncServices {
  auth: AuthService;
  /** Admin tokens: startup, scope, CLI create/rotate/revoke (SPEC [SEC1]-[SEC3]). */
  adminTokens: AdminTokenService;
  /** This process's open event streams, per device ([SEC6]). */
  streams: StreamRegistry;
  push: PushService;
  pull: PullService;
  /** Master-data records push and pull (routes/records.ts, SPEC [MD6], [MD7]). */
  records: RecordService;
  /** Staff and locations through the admin API, own PIN changes (routes/staff-admin.ts, [A9], [A8], [A9]). */
  staffAdmin: StaffAdminService;
  /** Stock, visit COGS and recall reads (routes/integration.ts). */
  integration: IntegrationService;
  hub: EventHub;
  /** This database's epoch (SPEC [S5]). */
  epoch: string;
  /** SSE heartbeat period; 15 s unless a test wants it faster. */
  heartbeatMs?: number;
}

export interface SyncOptions {
  now?: () => Date;
  /** PBKDF2 iterations for PINs set through the admin API (tests lower it; default 210,000). */
  pinIterations?: number;
  heartbeatMs?: number;
}

/** The store must be migrated (the epoch is read here). */
export async function createSyncServices(
  store: Store,
  hub: EventHub,
  opts: SyncOptions = {},
): Promise<SyncServices> {
  const epoch = await store.events.epoch();
  const approvalStore = new ApprovalStore(store.driver);
  const approvals = new ApprovalService(approvalStore, opts.now);
  return {
    auth: new AuthService(store.devices, opts.now),
    adminTokens: new AdminTokenService(new AdminTokenStore(store.driver), opts.now),
    streams: new StreamRegistry(),
    push: new PushService(store.devices, store.events, hub, approvals, opts.now),
    pull: new PullService(store.events, epoch, opts.now),
    records: new RecordService(store.records, hub, epoch, approvals, opts.now),
    staffAdmin: new StaffAdminService(store.records, approvalStore, hub, opts.pinIterations, opts.now),
    integration: new IntegrationService(new IntegrationStore(store.driver)),
    hub,
    epoch,
    heartbeatMs: opts.heartbeatMs,
  };
}
