/**
 * What a records push (SPEC [MD5], [MD6]) does with a batch, decided without I/O from the stored
 * copies and the actors' roles (read under the organization's lock, record-store.ts).
 *
 * 1. `shapeProblem` (before any database work): known kind, only fields of that kind (own
 *    properties: "toString" is not a field), every clock an HLC at most 24 h ahead of the server
 *    ([MD2]) on a field the record carries. A pushed field WITHOUT a clock is ignored: the server's
 *    copy is always fully clocked, and an unclocked value loses to a clocked one ([MD3]).
 * 2. `planRecordPush`: staff records first (so an admin who creates a staff member and that
 *    member's records in one batch is understood), then the rest in batch order. Each record is
 *    merged into the stored copy (or what the batch made of it so far) with `mergeRecords`; the
 *    merged data must pass `checkRecordData` and fit the typed columns (400 naming the field).
 *    Then the actor must be staff of the device's organization and `mayChangeRecord` must allow
 *    it (403). A merge that changes no VALUE, only clocks, needs the same permission as a value
 *    change ([A4]): without it the server keeps its copy and answers it in `clocksNotTaken` (200,
 *    not 403: nothing the tablet shows changed), so the tablet drops those clocks and takes the
 *    server's copy (records-channel.ts) and every copy converges on the server's clocks.
 *
 * Worked example (stored lot L: status "available" @1, injector I, manager M):
 *   [L status "hold" @2 by I]            → 403 "an injector may not change a lot"
 *   [L status "hold" @2 by M, proven]    → changed [L], L stored with a new seq
 *   [L status "hold" @2 by M] again      → unchanged [L]
 *   [L status "hold" @3 by I]            → unchanged [L], clocksNotTaken [L as stored, @2]: only
 *                                           the clock moves, and I may not change a lot
 */
import type { Role } from '../../../src/domain/model';
import {
  checkRecordData,
  formatHlc,
  isHlc,
  isRecordKind,
  mayChangeRecord,
  mergeRecords,
  parseHlc,
  RECORD_FIELDS,
} from '../../../src/domain/replica';
import type { RecordData, RecordKind, ReplicatedRecord } from '../../../src/domain/replica';
import type {
  PushedRecord,
  RecordPushResponse,
  RecordRejection,
  WireRecord,
} from '../../../src/domain/sync/wire';
import { fieldsNeedingApproval } from '../../../src/domain/approval';
import { columnProblem } from '../store/record-projection';
import { lotIdProblem } from './record-bounds';
import type { BatchContext, RecordWrite } from '../store/record-store';
import { recordKey } from '../store/record-store';
import { ROLE_NAMES } from './push';

export const MAX_CLOCK_AHEAD_MS = 24 * 60 * 60 * 1000;
/** Clocks up to this far ahead of the server are taken as they are; further ahead, restamped. */
export const CLOCK_SKEW_ALLOWED_MS = 5 * 60 * 1000;
/** The node of a clock the server restamped ([A4]). */
export const CLAMPED_NODE = 'server-clamp';

/**
 * The record with every clock more than CLOCK_SKEW_ALLOWED_MS ahead of the server replaced by the
 * server's time ([A4]), so a tablet's fast clock cannot make its edit win over later ones.
 * Example: now 12:00:00, clock 12:03 → kept; clock 18:00 (a day's skew is refused earlier, by
 * shapeProblem) → 12:00:00.000 on node "server-clamp".
 */
export function clampClocks<R extends { clocks: Record<string, string> }>(r: R, nowMs: number): R {
  let clocks: Record<string, string> | null = null;
  for (const [field, clock] of Object.entries(r.clocks)) {
    const parts = parseHlc(clock);
    if (!parts || parts.ms <= nowMs + CLOCK_SKEW_ALLOWED_MS) continue;
    clocks ??= { ...r.clocks };
    clocks[field] = formatHlc({ ms: nowMs, counter: 0, node: CLAMPED_NODE });
  }
  return clocks ? { ...r, clocks } : r;
}

/** A pushed record before its kind is checked (shapeProblem). */
export type IncomingRecord = Omit<PushedRecord, 'kind'> & { kind: string };

export type RecordPushOutcome =
  | { kind: 'invalid'; field: string; recordId: string | null; message: string }
  | { kind: 'forbidden'; rejected: RecordRejection[] }
  | ({ kind: 'ok' } & RecordPushResponse);

type Invalid = Extract<RecordPushOutcome, { kind: 'invalid' }>;

const NOUNS: Record<RecordKind, string> = {
  locations: 'a location',
  staff: 'a staff member',
  products: 'a product',
  lots: 'a lot',
  visits: 'a visit',
  purchase_orders: 'a purchase order',
  counts: 'a count',
  suppliers: 'a supplier',
  supplier_prices: "a supplier's price",
  treatment_templates: 'a treatment template',
};

const invalid = (field: string, recordId: string, message: string): Invalid => ({
  kind: 'invalid',
  field,
  recordId,
  message,
});

/** The first input problem of one pushed record, naming the field; null when its shape is fine. */
export function shapeProblem(r: IncomingRecord, nowMs: number): Invalid | null {
  if (!isRecordKind(r.kind)) return invalid('kind', r.id, `unknown record kind "${r.kind}"`);
  const fields = RECORD_FIELDS[r.kind];
  for (const field of Object.keys(r.data))
    if (!Object.hasOwn(fields, field)) return invalid(field, r.id, `unknown field "${field}" for ${r.kind}`);
  for (const [field, clock] of Object.entries(r.clocks)) {
    const name = `clocks.${field}`;
    if (!Object.hasOwn(fields, field)) return invalid(name, r.id, `unknown field "${field}" for ${r.kind}`);
    const parts = isHlc(clock) ? parseHlc(clock) : null;
    if (!parts) return invalid(name, r.id, `${name} is not a hybrid logical clock`);
    if (parts.ms > nowMs + MAX_CLOCK_AHEAD_MS)
      return invalid(name, r.id, `${name} is more than 24 h ahead of the server's clock`);
    if (!Object.hasOwn(r.data, field)) return invalid(name, r.id, `${name} has no value in data`);
  }
  return null;
}

/** The record as merged: only its clocked fields (see 1. above). */
function clockedPart(r: IncomingRecord): ReplicatedRecord {
  const data: RecordData = {};
  for (const field of Object.keys(r.clocks)) data[field] = r.data[field];
  return { id: r.id, data, clocks: { ...r.clocks } };
}

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

/** What a records push may do beyond its actor's role: the edits whose approval verified ([A5]). */
export interface PlanContext extends BatchContext {
  /** `kind/id` → who approved that edit and which fields, where the proof verified (approvals.ts). */
  approved?: ReadonlyMap<string, { by: string; fields: readonly string[] }>;
}

const ADMIN_ONLY_KINDS: ReadonlySet<string> = new Set(['staff', 'locations']);
export const ADMIN_ONLY_REASON =
  'staff and locations change only through the admin API, never by a device push';

/**
 * Why `r` may not make this change, or null ([MD6], [A4], [A5]). Staff and locations are never
 * changed by a device push. A privileged field (a lot's status or cost, a product's price) whose
 * clock moves needs the editor's verified approval, whether its value changed or only its clock.
 */
function refusal(
  r: IncomingRecord & { kind: RecordKind },
  role: Role,
  base: ReplicatedRecord | undefined,
  changedFields: string[],
  approval: { by: string; fields: readonly string[] } | undefined,
): string | null {
  if (changedFields.length === 0) return null;
  if (ADMIN_ONLY_KINDS.has(r.kind)) return ADMIN_ONLY_REASON;
  if (!mayChangeRecord(role, r.kind, !base))
    return `${ROLE_NAMES[role]} may not ${base ? 'change' : 'create'} ${NOUNS[r.kind]}`;
  const privileged = base ? fieldsNeedingApproval(r.kind, changedFields) : [];
  const covered = approval?.by === r.actorId && privileged.every((f) => approval.fields.includes(f));
  if (privileged.length > 0 && !covered)
    return `changing ${privileged.join(', ')} of ${NOUNS[r.kind]} needs the editor's proven approval (approval)`;
  return null;
}

const valuesChanged = (
  base: ReplicatedRecord | undefined,
  merged: ReplicatedRecord,
  changedFields: string[],
) => !base || changedFields.some((f) => !same(base.data[f], merged.data[f]));

/**
 * Decides a batch whose every record passed `shapeProblem`. Writes only when the whole batch is
 * valid and allowed; `changed`/`unchanged` list each id once, in batch order; `clocksNotTaken`
 * holds the server's copy of each record whose clock-only change was not taken (also `unchanged`).
 */
export function planRecordPush(
  orgId: string,
  records: readonly IncomingRecord[],
  ctx: PlanContext,
): { result: RecordPushOutcome; writes: RecordWrite[] } {
  const current = new Map<string, ReplicatedRecord>(ctx.stored);
  const roles = new Map(ctx.roles);
  const dirty = new Map<string, { kind: RecordKind; id: string; actorId: string }>();
  const rejected: (RecordRejection & { at: number })[] = [];
  const notTaken = new Map<string, WireRecord>();
  const indexed = records.map((r, at) => ({ r: r as IncomingRecord & { kind: RecordKind }, at }));
  const order = [
    ...indexed.filter((x) => x.r.kind === 'staff'),
    ...indexed.filter((x) => x.r.kind !== 'staff'),
  ];
  for (const { r, at } of order) {
    const key = recordKey(r.kind, r.id);
    const base = current.get(key);
    const { merged, changedFields } = mergeRecords(
      base ?? { id: r.id, data: {}, clocks: {} },
      clockedPart(r),
    );
    const problem =
      checkRecordData(r.kind, merged.data) ??
      columnProblem(r.kind, merged.data) ??
      lotIdProblem(r.kind, r.id, base, merged.data);
    if (problem) return { result: invalid(problem.field, r.id, problem.message), writes: [] };
    const role = roles.get(r.actorId);
    const foreign = Object.hasOwn(r.data, 'orgId') && r.data.orgId !== orgId;
    const reason = foreign
      ? "the record belongs to another organization than this device's"
      : !role
        ? `unknown staff member ${r.actorId}`
        : refusal(r, role, base, changedFields, ctx.approved?.get(key));
    if (reason && role && !foreign && base && !valuesChanged(base, merged, changedFields)) {
      // Only clocks would move, and this actor may not move them: the server's copy stands ([A4]).
      if (!notTaken.has(key))
        notTaken.set(key, { kind: r.kind, id: base.id, data: base.data, clocks: base.clocks });
      continue;
    }
    if (reason) {
      rejected.push({ kind: r.kind, id: r.id, reason, at });
      continue;
    }
    if (changedFields.length > 0) {
      current.set(key, merged);
      dirty.set(key, { kind: r.kind, id: r.id, actorId: r.actorId });
      notTaken.delete(key);
    }
    if (r.kind === 'staff') roles.set(r.id, merged.data.role as Role);
  }
  if (rejected.length > 0) {
    const inBatchOrder = rejected
      .sort((a, b) => a.at - b.at)
      .map(({ kind, id, reason }) => ({ kind, id, reason }));
    return { result: { kind: 'forbidden', rejected: inBatchOrder }, writes: [] };
  }
  const changed: string[] = [];
  const unchanged: string[] = [];
  const listed = new Set<string>();
  for (const r of records) {
    const key = recordKey(r.kind, r.id);
    if (listed.has(key)) continue;
    listed.add(key);
    (dirty.has(key) ? changed : unchanged).push(r.id);
  }
  const writes = [...dirty].map(([key, w]) => {
    const merged = current.get(key);
    if (!merged) throw new Error(`no merged copy of ${key}`);
    return { kind: w.kind, id: w.id, data: merged.data, clocks: merged.clocks, actorId: w.actorId };
  });
  const clocksNotTaken = [...notTaken.values()];
  return { result: { kind: 'ok', changed, unchanged, clocksNotTaken }, writes };
}
