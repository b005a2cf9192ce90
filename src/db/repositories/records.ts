/**
 * Master-data records on the tablet (SPEC [MD1]-[MD4], [MD9]). Every local edit goes through
 * `saveRecords`, which stamps the changed fields with this tablet's hybrid logical clock; records
 * pulled from the server go through `mergePulledRecords`, which merges field by field with the
 * same domain rule the server uses — a pulled copy never blindly overwrites a local edit.
 */
import {
  latestClock,
  mergeRecords,
  parseHlc,
  receiveHlc,
  stampEdit,
  tickHlc,
  withFieldDefaults,
  type RecordKind,
  type ReplicatedRecord,
} from '../../domain/replica';
import type { ChairsideDatabase, LotDoc } from '../collections';
import type { ReplicaMeta } from '../schemas/replicated';
import { learnLotProducts } from './balances';
import { findRecordDocs, upsertRecordDocs, type RecordDocs } from './record-docs';
import { readSetting, writeSetting } from './settings';
import { noteRecordEdits, pendingRecordEdits } from './unsynced';
import { noteApprovals } from './record-approvals';
import { approvalProof } from '../../auth/approval';
import { fieldsNeedingApproval, recordApprovalText } from '../../domain/approval';

export { asRecordDoc, recordCollection, type RecordDocs } from './record-docs';
/** A record as the app edits it: the fields, without replication metadata. */
export type Plain<K extends RecordKind> = Omit<RecordDocs[K], keyof ReplicaMeta>;

export interface EditContext {
  /** This tablet's device id: the node of its clocks. */
  deviceId: string;
  /** The signed-in staff member making the edit (the push's actor, [MD5]). */
  actorId: string;
  nowMs: number;
  /**
   * The actor's approval key (their PIN derived it at the pad or at sign-in, [A5]): a privileged
   * edit (a lot's status or cost, a product's price) is proven with it. Without it the server
   * refuses such an edit, and the tablet shows the refusal.
   */
  approvalKey?: Uint8Array;
}

/** Proofs for the writes that change a privileged field of a stored record ([A5]). */
async function proveEdits<K extends RecordKind>(
  db: ChairsideDatabase,
  kind: K,
  writes: RecordDocs[K][],
  stored: Map<string, RecordDocs[K]>,
  actorId: string,
  key: Uint8Array,
): Promise<void> {
  const approvals = [];
  for (const doc of writes) {
    const before = stored.get(doc.id);
    if (!before) continue;
    const record = toReplicated(doc);
    const changed = Object.keys(record.clocks).filter(
      (f) => record.clocks[f] !== toReplicated(before).clocks[f],
    );
    const fields = fieldsNeedingApproval(kind, changed);
    if (fields.length === 0) continue;
    const proof = await approvalProof(key, recordApprovalText({ kind, actorId, ...record }, fields));
    approvals.push({ id: doc.id, approval: { by: actorId, fields, proof } });
  }
  await noteApprovals(db, kind, approvals);
}

/**
 * The clock of data loaded from the shared demo set: older than any real edit, so the server's
 * copy of a demo record always wins ([MD9]) and demo data is never pushed (its node is not a device).
 */
export const DEMO_CLOCK = '0000000000000-000000-demo';

export function toReplicated(doc: { id: string } & ReplicaMeta): ReplicatedRecord {
  const { id, clocks, editor: _editor, ...data } = doc;
  return { id, data, clocks };
}

/** The stored document; fields the record predates get their defaults ([MD10]). */
function fromReplicated<K extends RecordKind>(
  kind: K,
  record: ReplicatedRecord,
  editor: string,
): RecordDocs[K] {
  const data = withFieldDefaults(kind, record.data);
  return { ...data, id: record.id, clocks: record.clocks, editor } as unknown as RecordDocs[K];
}

const lastClocks = new WeakMap<ChairsideDatabase, Promise<{ last: string | null }>>();

/** This tablet's latest clock, loaded once per open database and then kept in memory. */
function clockState(db: ChairsideDatabase): Promise<{ last: string | null }> {
  let state = lastClocks.get(db);
  if (!state) {
    state = readSetting(db, 'hlcLast').then((last) => ({ last }));
    lastClocks.set(db, state);
  }
  return state;
}

async function nextClock(db: ChairsideDatabase, ctx: EditContext): Promise<string> {
  const state = await clockState(db);
  state.last = tickHlc(state.last, ctx.nowMs, ctx.deviceId);
  await writeSetting(db, 'hlcLast', state.last);
  return state.last;
}

/**
 * A local edit (create or change) of records of one kind by `ctx.actorId`: the fields that differ
 * from the stored copy get one new clock. Unchanged records are not written at all; written ones
 * count as "only on this tablet" until the server acknowledges them (unsynced.ts).
 */
export async function saveRecords<K extends RecordKind>(
  db: ChairsideDatabase,
  kind: K,
  records: Plain<K>[],
  ctx: EditContext,
): Promise<void> {
  if (records.length === 0) return;
  const stored = await findRecordDocs(
    db,
    kind,
    records.map((r) => r.id),
  );
  const clock = await nextClock(db, ctx);
  const writes: RecordDocs[K][] = [];
  for (const record of records) {
    const { id, ...fields } = record as { id: string } & Record<string, unknown>;
    const current = stored.get(id);
    const stamped = stampEdit(current ? toReplicated(current) : null, id, fields, clock);
    if (current && JSON.stringify(stamped.clocks) === JSON.stringify(current.clocks)) continue;
    writes.push(fromReplicated(kind, stamped, ctx.actorId));
  }
  // The proofs are kept before the records are written: the push may take them at once.
  if (ctx.approvalKey) await proveEdits(db, kind, writes, stored, ctx.actorId, ctx.approvalKey);
  await upsertRecordDocs(db, kind, writes);
  await noteRecordEdits(
    db,
    kind,
    writes.map((w) => ({ id: w.id, clock })),
  );
  if (kind === 'lots') learnLotProducts(db, writes as LotDoc[]);
}

/**
 * Loads baseline records (the demo set) at DEMO_CLOCK, merged under whatever is stored: a value
 * the server or a local edit already set is kept, so loading the demo twice changes nothing.
 */
export async function loadBaselineRecords<K extends RecordKind>(
  db: ChairsideDatabase,
  kind: K,
  records: Plain<K>[],
): Promise<void> {
  const baseline = records.map((record) => {
    const { id, ...fields } = record as { id: string } & Record<string, unknown>;
    return stampEdit(null, id, fields, DEMO_CLOCK);
  });
  await mergeIntoStore(db, kind, baseline);
}

/**
 * Merges records pulled from the server into the local copies ([MD9]) and moves this tablet's
 * clock past theirs. Returns the records whose local copy changed.
 */
export async function mergePulledRecords<K extends RecordKind>(
  db: ChairsideDatabase,
  kind: K,
  pulled: ReplicatedRecord[],
  ctx: { deviceId: string; nowMs: number },
): Promise<RecordDocs[K][]> {
  // Held before the pending edits are read, so a push answered meanwhile finds the copy ([S35]).
  const held = heldCopies(db, kind);
  for (const record of pulled) held.set(record.id, record);
  const pending = await pendingRecordEdits(
    db,
    kind,
    pulled.map((r) => r.id),
  );
  for (const record of pulled) if (!pending.has(record.id)) held.delete(record.id);
  const changed = await mergeIntoStore(db, kind, pulled, (local, incoming) =>
    pending.has(incoming.id) ? local : yieldSettledEdits(local, incoming, ctx.deviceId),
  );
  const newest = pulled.map(latestClock).reduce<string | null>((a, c) => (c && (!a || c > a) ? c : a), null);
  if (newest && parseHlc(newest)) {
    const state = await clockState(db);
    state.last = receiveHlc(state.last, newest, ctx.nowMs, ctx.deviceId);
    await writeSetting(db, 'hlcLast', state.last);
  }
  // A push answered while this page was merged may have yielded before this merge rewrote the
  // record: yield again for the edits it settled.
  if (pending.size > 0) await yieldAnsweredEdits(db, kind, [...pending], ctx.deviceId);
  return changed;
}

/**
 * The latest server copy pulled while this tablet's edit of it was still unanswered, per database
 * and kind: the pull can overtake the push's answer, and once the answer arrives that copy must
 * still win ([S35]). Memory only: after a restart the copy yields at the record's next change.
 */
const held = new WeakMap<ChairsideDatabase, Map<string, Map<string, ReplicatedRecord>>>();

function heldCopies(db: ChairsideDatabase, kind: RecordKind): Map<string, ReplicatedRecord> {
  if (!held.has(db)) held.set(db, new Map());
  const kinds = held.get(db)!;
  if (!kinds.has(kind)) kinds.set(kind, new Map());
  return kinds.get(kind)!;
}

/**
 * A push of these records was answered: a server copy pulled while they were unanswered is merged
 * again, now that this tablet's edits in it are settled ([S35]).
 */
export async function yieldAnsweredEdits(
  db: ChairsideDatabase,
  kind: RecordKind,
  ids: string[],
  deviceId: string,
): Promise<void> {
  const copies = heldCopies(db, kind);
  const pending = await pendingRecordEdits(db, kind, ids);
  const ready = ids.flatMap((id) => {
    const copy = copies.get(id);
    if (!copy || pending.has(id)) return [];
    copies.delete(id);
    return [copy];
  });
  await mergeIntoStore(db, kind, ready, (local, incoming) => yieldSettledEdits(local, incoming, deviceId));
}

/**
 * This tablet's edits the server has answered yield to the server's copy (SPEC [S35]): the server
 * merged them already, and may have restamped their clocks ([A4]), so its fields are the truth.
 * Kept, a clock hours fast would leave this copy different from every other for ever, and beat a
 * manager's later recall made elsewhere until real time caught up with it.
 * Example: edited here "hold" at 15:00 (clock 3 h fast), answered, server restamped 12:00 → the
 * pulled "hold" at 12:00 replaces it; a later "recalled" at 12:05 from another tablet then wins.
 */
export function yieldSettledEdits(
  local: ReplicatedRecord,
  incoming: ReplicatedRecord,
  deviceId: string,
): ReplicatedRecord {
  let result: ReplicatedRecord | null = null;
  for (const [field, clock] of Object.entries(local.clocks)) {
    const theirs = incoming.clocks[field];
    if (!theirs || theirs === clock || parseHlc(clock)?.node !== deviceId) continue;
    result ??= { ...local, data: { ...local.data }, clocks: { ...local.clocks } };
    result.data[field] = incoming.data[field];
    result.clocks[field] = theirs;
  }
  return result ?? local;
}

async function mergeIntoStore<K extends RecordKind>(
  db: ChairsideDatabase,
  kind: K,
  incoming: ReplicatedRecord[],
  prepare: (local: ReplicatedRecord, incoming: ReplicatedRecord) => ReplicatedRecord = (local) => local,
): Promise<RecordDocs[K][]> {
  if (incoming.length === 0) return [];
  const stored = await findRecordDocs(
    db,
    kind,
    incoming.map((r) => r.id),
  );
  const latest = new Map<string, RecordDocs[K]>();
  for (const record of incoming) {
    const current = latest.get(record.id) ?? stored.get(record.id);
    if (!current) {
      latest.set(record.id, fromReplicated(kind, record, ''));
      continue;
    }
    const base = toReplicated(current);
    const prepared = prepare(base, record);
    const { merged, changedFields } = mergeRecords(prepared, record);
    if (changedFields.length > 0 || prepared !== base)
      latest.set(record.id, fromReplicated(kind, merged, current.editor));
  }
  const writes = [...latest.values()];
  await upsertRecordDocs(db, kind, writes);
  if (kind === 'lots') learnLotProducts(db, writes as LotDoc[]);
  return writes;
}

/** Whether this tablet made any edit in the record (only those are pushed, [MD9]). */
export function editedOn(doc: ReplicaMeta, deviceId: string): boolean {
  return Object.values(doc.clocks).some((clock) => parseHlc(clock)?.node === deviceId);
}

/**
 * Gives up this tablet's edits of refused records ([MD5]): their fields lose this device's clocks,
 * so the server's copy (pulled again from the start) wins every field, and nothing of them is
 * pushed again. The refusal itself stays visible as a sync mark with the reason.
 */
export async function discardLocalEdits(
  db: ChairsideDatabase,
  kind: RecordKind,
  ids: string[],
  deviceId: string,
): Promise<void> {
  const stored = await findRecordDocs(db, kind, ids);
  const writes = [...stored.values()].map((doc) => ({
    ...doc,
    clocks: Object.fromEntries(
      Object.entries(doc.clocks).filter(([, clock]) => parseHlc(clock)?.node !== deviceId),
    ),
  }));
  await upsertRecordDocs(db, kind, writes);
}

/**
 * The server did not take the clocks this tablet pushed for these records (a clock-only change
 * its editor may not make, [A4]): the pushed clocks are dropped — a newer edit made since keeps
 * its own — and the server's copies merged in, so this copy converges on the server's clocks.
 * Example: pushed lot L status @5 (same value as the server's @2) → local L status @2.
 */
export async function takeServerCopies<K extends RecordKind>(
  db: ChairsideDatabase,
  kind: K,
  pushed: ReadonlyMap<string, Record<string, string>>,
  serverCopies: ReplicatedRecord[],
  ctx: { deviceId: string; nowMs: number },
): Promise<void> {
  const stored = await findRecordDocs(
    db,
    kind,
    serverCopies.map((r) => r.id),
  );
  const writes = [...stored.values()].map((doc) => {
    const sent = pushed.get(doc.id) ?? {};
    const clocks = Object.fromEntries(Object.entries(doc.clocks).filter(([f, clock]) => sent[f] !== clock));
    return { ...doc, clocks };
  });
  await upsertRecordDocs(db, kind, writes);
  await mergePulledRecords(db, kind, serverCopies, ctx);
}
