/**
 * A sync server for tests: a fresh database on one backend, migrated, with the demo clinic and a
 * second organization ("Other Clinic": one location, one manager), an admin token, and a fastify
 * app with the sync API (not listening; `listen()` for SSE over real HTTP).
 */
import { randomUUID } from 'node:crypto';
import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import { buildApp } from '../../sync-server/src/app';
import type { HardeningConfig } from '../../sync-server/src/security';
import { PROTOCOL_VERSION } from '../../src/domain/sync/wire';
import { LocalHub } from '../../sync-server/src/services/hub';
import type { EventHub } from '../../sync-server/src/services/hub';
import { createSyncServices } from '../../sync-server/src/services/sync';
import type { SyncServices } from '../../sync-server/src/services/sync';
import { PgHub } from '../../sync-server/src/store/pg-listener';
import { Store } from '../../sync-server/src/store/store';
import { approvalProof, deriveApprovalKey, encodeApprovalKey } from '../../src/auth/approval';
import { eventApprovalText } from '../../src/domain/approval';
import { buildDemoClinic, demoId, DEMO_IDS } from '../../src/domain/demo/clinic';
import type { LedgerEvent } from '../../src/domain/model';
import type { TestDatabase } from './backends';

export const TODAY = '2025-06-15';
/** When the harness seeds the demo: its records' clocks (SPEC [MD2]) are from this instant. */
export const SEED_TIME = new Date('2025-06-15T08:00:00Z');
export const ADMIN_TOKEN = 'test-admin-token-0123456789';
export const ORG = DEMO_IDS.organization;
export const MAIN = DEMO_IDS.mainLocation;
export const STAFF = {
  admin: demoId(3, 1),
  manager: demoId(3, 2),
  injector: demoId(3, 3),
  frontDesk: demoId(3, 5),
};
export const LOTS = [1, 2, 3, 5].map((n) => demoId(5, n));
export const OTHER = { org: demoId(1, 2), location: demoId(2, 9), manager: demoId(3, 9), lot: demoId(5, 99) };

/** Requests per ip per minute the harness allows: high enough that no test but the limits' meets it. */
export const TEST_RATE_LIMIT = 100_000;

/** PBKDF2 iterations of the harness's PINs and approval keys: the scheme is under test, not its cost. */
export const TEST_PIN_ITERATIONS = 10;

/** The demo's approval keys (admin, manager) as the server stores them ([A5]). */
export async function demoApprovalKeys(): Promise<Record<string, string>> {
  const entries = await Promise.all(
    buildDemoClinic(TODAY)
      .staff.filter((s) => s.role === 'admin' || s.role === 'manager')
      .map(async (s) => [s.id, encodeApprovalKey(await approvalKeyOf(s.id))] as const),
  );
  return Object.fromEntries(entries);
}

/** A demo person's approval key, derived from their demo PIN as their tablet would at the pad. */
export async function approvalKeyOf(staffId: string, pin?: string): Promise<Uint8Array> {
  const person = buildDemoClinic(TODAY).staff.find((s) => s.id === staffId);
  return deriveApprovalKey(pin ?? person?.demoPin ?? '000000', ORG, staffId, TEST_PIN_ITERATIONS);
}

/** `e` with `staffId`'s approval and its proof in the payload ([A5]), as the tablet sends it. */
export async function approved<E extends LedgerEvent>(e: E, staffId: string, pin?: string): Promise<E> {
  const payload = { ...e.payload, approvalBy: staffId };
  const proof = await approvalProof(await approvalKeyOf(staffId, pin), eventApprovalText({ ...e, payload }));
  return { ...e, payload: { ...payload, approvalProof: proof } };
}

export interface Device {
  deviceId: string;
  token: string;
  orgId: string;
}

export interface Harness {
  app: FastifyInstance;
  store: Store;
  sync: SyncServices;
  /** Enrolls a device at `locationId` (demo main location by default). */
  enroll(locationId?: string): Promise<Device>;
  push(device: Device, events: unknown[]): Promise<LightMyRequestResponse>;
  pull(device: Device, query?: Record<string, string | number>): Promise<LightMyRequestResponse>;
  close(): Promise<void>;
}

export function deviceHeaders(token: string): Record<string, string> {
  return { authorization: `Bearer ${token}`, 'x-chairside-protocol': String(PROTOCOL_VERSION) };
}

/** A valid receive by the demo manager unless overridden; random UUIDs keep batches distinct. */
export function serverEvent(overrides: Partial<LedgerEvent> = {}): LedgerEvent {
  return {
    id: randomUUID(),
    orgId: ORG,
    type: 'receive',
    lotId: LOTS[0] ?? '',
    locationId: MAIN,
    quantityMilli: 100_000,
    actorId: STAFF.manager,
    deviceId: 'tablet-test',
    deviceTime: '2025-06-15T10:00:00.000Z',
    visitId: null,
    containerId: null,
    correctsId: null,
    payload: { supplier: 'Test Supplier' },
    ...overrides,
  };
}

async function addOtherOrg(store: Store): Promise<void> {
  const db = store.driver;
  await db.query("INSERT INTO organizations (id, name) VALUES ($1, 'Other Clinic')", [OTHER.org]);
  await db.query("INSERT INTO locations (id, org_id, name) VALUES ($1, $2, 'Other main')", [
    OTHER.location,
    OTHER.org,
  ]);
  await db.query(
    "INSERT INTO staff (id, org_id, name, role, pin_hash) VALUES ($1, $2, 'Other manager', 'manager', 'x')",
    [OTHER.manager, OTHER.org],
  );
}

export interface HarnessOptions {
  now?: () => Date;
  heartbeatMs?: number;
  /** Skip migrating and seeding: a second app instance on an already prepared database. */
  prepared?: boolean;
  /** As a server started with `--demo`: the demo routes exist (SPEC [S23]). */
  demo?: boolean;
  /** Timeouts, connection cap, rate limits, TLS (SPEC [SEC4]-[SEC9]); absent = the server defaults. */
  config?: HardeningConfig;
  /** Log lines go here (at info level) instead of nowhere: tests that read the logs. */
  logStream?: NodeJS.WritableStream;
}

export async function startHarness(db: TestDatabase, opts: HarnessOptions = {}): Promise<Harness> {
  const driver = await db.open();
  const store = new Store(driver);
  if (!opts.prepared) {
    await store.migrate();
    const clinic = buildDemoClinic(TODAY);
    const hashes = Object.fromEntries(clinic.staff.map((s) => [s.id, `hash-${s.demoPin}`]));
    await store.seedDemoClinic(clinic, hashes, SEED_TIME, await demoApprovalKeys());
    await addOtherOrg(store);
  }
  const hub: EventHub = db.url ? await PgHub.open(db.url) : new LocalHub();
  const sync = await createSyncServices(store, hub, {
    now: opts.now,
    heartbeatMs: opts.heartbeatMs,
    pinIterations: TEST_PIN_ITERATIONS,
  });
  await sync.adminTokens.bootstrap(ADMIN_TOKEN);
  const app = await buildApp({
    store,
    config: {
      logLevel: opts.logStream ? 'info' : 'silent',
      staticDir: '/nonexistent-chairside-dist',
      testControl: false,
      // Tests enroll devices by the dozen from one ip; the limits' own tests set them ([SEC7]).
      enrollRateLimit: TEST_RATE_LIMIT,
      adminRateLimit: TEST_RATE_LIMIT,
      ...opts.config,
    },
    version: 'test',
    sync,
    demo: opts.demo,
    logStream: opts.logStream,
  });
  const admin = { authorization: `Bearer ${ADMIN_TOKEN}` };
  return {
    app,
    store,
    sync,
    async enroll(locationId = MAIN) {
      const code = await app.inject({
        method: 'POST',
        url: '/api/v1/admin/enroll-codes',
        headers: admin,
        payload: { locationIds: [locationId] },
      });
      if (code.statusCode !== 201) throw new Error(`enroll code: ${code.statusCode} ${code.body}`);
      const res = await app.inject({
        method: 'POST',
        url: '/api/v1/devices/enroll',
        payload: { code: code.json<{ code: string }>().code, deviceName: 'Test tablet' },
      });
      if (res.statusCode !== 201) throw new Error(`enroll: ${res.statusCode} ${res.body}`);
      return res.json<Device>();
    },
    push: (device, events) =>
      app.inject({
        method: 'POST',
        url: '/api/v1/events/push',
        headers: deviceHeaders(device.token),
        payload: { events },
      }),
    pull: (device, query = {}) =>
      app.inject({
        method: 'GET',
        url: '/api/v1/events/pull',
        headers: deviceHeaders(device.token),
        query: Object.fromEntries(Object.entries(query).map(([k, v]) => [k, String(v)])),
      }),
    async close() {
      await app.close();
      await hub.close();
      await store.close();
    },
  };
}
