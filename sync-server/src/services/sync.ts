/** Wires the sync services over one Store and one EventHub: what buildApp needs for /api/v1 sync. */
import { IntegrationStore } from '../store/integration-store';
import type { Store } from '../store/store';
import { AuthService } from './auth';
import type { EventHub } from './hub';
import { IntegrationService } from './integration';
import { PullService } from './pull';
import { PushService } from './push';
import { RecordService } from './records';

export interface SyncServices {
  auth: AuthService;
  push: PushService;
  pull: PullService;
  /** Master-data records push and pull (routes/records.ts, SPEC [MD6], [MD7]). */
  records: RecordService;
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
  heartbeatMs?: number;
}

/** The store must be migrated (the epoch is read here). */
export async function createSyncServices(
  store: Store,
  hub: EventHub,
  opts: SyncOptions = {},
): Promise<SyncServices> {
  const epoch = await store.events.epoch();
  return {
    auth: new AuthService(store.devices, opts.now),
    push: new PushService(store.devices, store.events, hub),
    pull: new PullService(store.events, epoch, opts.now),
    records: new RecordService(store.records, hub, epoch, opts.now),
    integration: new IntegrationService(new IntegrationStore(store.driver)),
    hub,
    epoch,
    heartbeatMs: opts.heartbeatMs,
  };
}
