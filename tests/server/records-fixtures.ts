/**
 * Shared pieces of the master-data records suites (SPEC [MD1]-[MD8]): clocks after the harness's
 * seed, record factories with defaults, push/pull helpers, a harness per test.
 */
import { randomUUID } from 'node:crypto';
import type { LightMyRequestResponse } from 'fastify';
import { afterEach } from 'vitest';
import { demoId, DEMO_IDS } from '../../src/domain/demo/clinic';
import { formatHlc, lotIdFor, stampEdit } from '../../src/domain/replica';
import type { RecordData } from '../../src/domain/replica';
import type { StoreBackend, TestDatabase } from './backends';
import { approvalProof } from '../../src/auth/approval';
import { APPROVED_FIELDS, recordApprovalText } from '../../src/domain/approval';
import { ADMIN_TOKEN, approvalKeyOf, deviceHeaders, ORG, startHarness } from './sync-harness';
import type { Device, Harness, HarnessOptions } from './sync-harness';

/** The server's clock in these suites; the harness seeds at 08:00 the same day. */
export const NOW = new Date('2025-06-15T12:00:00Z');
const T0 = Date.parse('2025-06-15T09:00:00Z');
export const BOTOX = demoId(4, 1);

/** An HLC `minute` minutes after 09:00 (after the seed's clocks) on `node`. */
export function clock(minute: number, node = 'tablet-a'): string {
  return formatHlc({ ms: T0 + minute * 60_000, counter: 0, node });
}

export interface WireRecord {
  kind: string;
  id: string;
  data: RecordData;
  clocks: Record<string, string>;
  actorId: string;
}

export interface PulledRecord {
  kind: string;
  id: string;
  data: RecordData;
  clocks: Record<string, string>;
  seq: number;
}

export interface RecordsPage {
  documents: PulledRecord[];
  checkpoint: { epoch: string; seq: number };
  serverTime: string;
}

/** A record with every field stamped at `at` (a creation). */
export function created(kind: string, id: string, data: RecordData, at: string, actorId: string): WireRecord {
  const r = stampEdit(null, id, data, at);
  return { kind, id, data: r.data, clocks: r.clocks, actorId };
}

/** The whole pulled copy with `changes` stamped at `at`, as a tablet's repository sends it. */
export function edited(copy: PulledRecord, changes: RecordData, at: string, actorId: string): WireRecord {
  const r = stampEdit(copy, copy.id, changes, at);
  return { kind: copy.kind, id: copy.id, data: r.data, clocks: r.clocks, actorId };
}

export const lotData = (o: RecordData = {}): RecordData => ({
  orgId: ORG,
  productId: BOTOX,
  lotNumber: 'NEW123',
  expiry: '2026-01-31',
  unitCostMicros: 6_000_000,
  status: 'available',
  ...o,
});

/**
 * A new lot (lotData with `o`) under the id derived from its product and number, as every tablet
 * makes it ([MD4]) and the server requires ([MD12]).
 */
export function newLot(o: RecordData, at: string, actorId: string): WireRecord {
  const data = lotData(o);
  const id = lotIdFor(String(data.orgId), String(data.productId), String(data.lotNumber));
  return created('lots', id, data, at, actorId);
}

export const locationData = (o: RecordData = {}): RecordData => ({
  orgId: ORG,
  name: 'Pop-up clinic',
  storage: 'Cool box',
  ...o,
});

export const productData = (o: RecordData = {}): RecordData => ({
  orgId: ORG,
  name: 'Daxxify 100 U',
  manufacturer: 'Revance',
  category: 'neurotoxin',
  baseUnit: 'U',
  containerSizeMilli: 100_000,
  containersPerPack: 1,
  gtins: ['00099000000998'],
  patientPricePerUnitCents: 1200,
  minStockMilli: 0,
  beyondUseHours: 72,
  supplier: 'Revance',
  ...o,
});

/** A visit: a record anyone may create, where a test needs many records of one organization. */
export const visitData = (o: RecordData = {}): RecordData => ({
  orgId: ORG,
  locationId: DEMO_IDS.mainLocation,
  patientChartRef: 'CH-10482',
  providerId: demoId(3, 3),
  treatmentAreas: ['Glabella'],
  priceChargedCents: null,
  startedAt: '2025-06-15T10:00:00.000Z',
  deviceId: 'tablet-a',
  ...o,
});

export const staffData = (o: RecordData = {}): RecordData => ({
  orgId: ORG,
  name: 'Alex New',
  role: 'manager',
  locationIds: [],
  pinHash: 'pbkdf2-sha256$210000$c2FsdA$aGFzaA',
  ...o,
});

export function pushRecords(h: Harness, device: Device, records: unknown): Promise<LightMyRequestResponse> {
  return h.app.inject({
    method: 'POST',
    url: '/api/v1/records/push',
    headers: deviceHeaders(device.token),
    payload: { records },
  });
}

export function pullRecords(
  h: Harness,
  device: Device,
  query: Record<string, string | number>,
): Promise<LightMyRequestResponse> {
  return h.app.inject({
    method: 'GET',
    url: '/api/v1/records/pull',
    headers: deviceHeaders(device.token),
    query: Object.fromEntries(Object.entries(query).map(([k, v]) => [k, String(v)])),
  });
}

/** Every record of `kind` the device may pull (one page of up to 1000). */
export async function pullKind(h: Harness, device: Device, kind: string): Promise<PulledRecord[]> {
  const res = await pullRecords(h, device, { kind, limit: 1000 });
  if (res.statusCode !== 200) throw new Error(`pull ${kind}: ${res.statusCode} ${res.body}`);
  return res.json<RecordsPage>().documents;
}

export async function pulledOne(h: Harness, device: Device, kind: string, id: string): Promise<PulledRecord> {
  const found = (await pullKind(h, device, kind)).find((r) => r.id === id);
  if (!found) throw new Error(`${kind} ${id} was not pulled`);
  return found;
}

export async function recordCount(h: Harness): Promise<number> {
  const [row] = await h.store.driver.query<{ n: number }>('SELECT count(*)::integer AS n FROM records');
  return row?.n ?? -1;
}

export const newId = (): string => randomUUID();

/**
 * Call inside a describe: a harness per test (server clock NOW), closed after each test. Pass
 * `database` (and `prepared`) for a second instance on the same database.
 */
export function harnessPerTest(
  backend: StoreBackend,
): (opts?: HarnessOptions & { database?: TestDatabase }) => Promise<Harness> {
  const open: Harness[] = [];
  afterEach(async () => {
    await Promise.all(open.splice(0).map((h) => h.close()));
  });
  return async ({ database, ...opts } = {}) => {
    const db = database ?? (await backend.createDatabase());
    const h = await startHarness(db, { now: () => NOW, ...opts });
    open.push(h);
    return h;
  };
}

/** `r` with its actor's proven approval ([A5]): the proof of the edit as pushed, made with their demo PIN. */
export async function withApproval<R extends WireRecord>(
  r: R,
  pin?: string,
  fields: string[] = Object.keys(r.clocks).filter((f) => (APPROVED_FIELDS[r.kind] ?? []).includes(f)),
): Promise<R & { approval: { by: string; fields: string[]; proof: string } }> {
  const proof = await approvalProof(await approvalKeyOf(r.actorId, pin), recordApprovalText(r, fields));
  return { ...r, approval: { by: r.actorId, fields, proof } };
}

/** Creates or changes a location through the admin API ([A8]); the answer's JSON. */
export async function putLocation(h: Harness, id: string, data: RecordData = locationData()) {
  const res = await h.app.inject({
    method: 'PUT',
    url: `/api/v1/admin/orgs/${ORG}/locations/${id}`,
    headers: { authorization: `Bearer ${ADMIN_TOKEN}` },
    payload: { name: data.name, storage: data.storage ?? '' },
  });
  return res;
}

/** Creates or changes a staff member through the admin API ([A8]). */
export async function putStaff(
  h: Harness,
  id: string,
  body: { name: string; role: string; locationIds: string[]; pin?: string },
  token = ADMIN_TOKEN,
) {
  return h.app.inject({
    method: 'PUT',
    url: `/api/v1/admin/orgs/${ORG}/staff/${id}`,
    headers: { authorization: `Bearer ${token}` },
    payload: body,
  });
}
