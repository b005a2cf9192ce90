/**
 * Per-field last-writer-wins merge of master-data records (SPEC [MD3]). Each record carries, beside
 * its fields, the HLC of the last edit of every field (`clocks`). Merging two copies takes, field
 * by field, the value with the later clock — so the merge is commutative, associative and
 * idempotent, and every replica that has seen the same edits holds the same record, whatever order
 * the edits arrived in.
 *
 * Worked example: tablet A sets a lot on hold at clock 5-A while tablet B, offline, corrects its
 * unit cost at 7-B. Merged: status "hold" (clock 5-A) and the new cost (clock 7-B) — both edits
 * survive. Had both changed `status`, 7-B's value would win on every replica.
 */
import { compareHlc } from './hlc';

export type FieldClocks = Record<string, string>;
export type RecordData = Record<string, unknown>;

export interface ReplicatedRecord {
  id: string;
  data: RecordData;
  clocks: FieldClocks;
}

/** Deterministic order for equal clocks with different values (only a buggy writer does that). */
function stableKey(value: unknown): string {
  return JSON.stringify(value) ?? 'undefined';
}

function sameValue(a: unknown, b: unknown): boolean {
  return stableKey(a) === stableKey(b);
}

/**
 * The winner of one field: the later clock; a clocked value beats an unclocked one; two unclocked
 * values (data from before clocks) or equal clocks → the side that has the field, and if both
 * have it, the larger serialized value — so the choice never depends on argument order.
 */
function pickField(field: string, a: ReplicatedRecord, b: ReplicatedRecord): 'a' | 'b' {
  const ca = Object.hasOwn(a.clocks, field) ? a.clocks[field] : undefined;
  const cb = Object.hasOwn(b.clocks, field) ? b.clocks[field] : undefined;
  if (ca !== undefined && cb === undefined) return 'a';
  if (ca === undefined && cb !== undefined) return 'b';
  if (ca !== undefined && cb !== undefined && ca !== cb) return compareHlc(ca, cb) > 0 ? 'a' : 'b';
  const inA = Object.hasOwn(a.data, field);
  const inB = Object.hasOwn(b.data, field);
  if (inA !== inB) return inA ? 'a' : 'b';
  return stableKey(a.data[field]) >= stableKey(b.data[field]) ? 'a' : 'b';
}

export interface MergeResult {
  merged: ReplicatedRecord;
  /** Fields whose value or clock in `merged` differs from `current` (the copy already stored). */
  changedFields: string[];
}

/** Merges `incoming` into `current` (the stored copy). Both must have the same id. */
export function mergeRecords(current: ReplicatedRecord, incoming: ReplicatedRecord): MergeResult {
  if (current.id !== incoming.id) throw new Error(`cannot merge ${current.id} with ${incoming.id}`);
  const fields = new Set([...Object.keys(current.data), ...Object.keys(incoming.data)]);
  const data: RecordData = {};
  const clocks: FieldClocks = {};
  const changedFields: string[] = [];
  for (const field of [...fields].sort()) {
    const side = pickField(field, current, incoming) === 'a' ? current : incoming;
    if (Object.hasOwn(side.data, field)) data[field] = side.data[field];
    const clock = Object.hasOwn(side.clocks, field) ? side.clocks[field] : undefined;
    if (clock !== undefined) clocks[field] = clock;
    const valueChanged = !sameValue(current.data[field], data[field]);
    if (valueChanged || current.clocks[field] !== clocks[field]) changedFields.push(field);
  }
  return { merged: { id: current.id, data, clocks }, changedFields };
}

/**
 * A local edit: the fields in `changes` that differ from `current` get the new values and `clock`.
 * Creating a record (current = null) stamps every field.
 */
export function stampEdit(
  current: ReplicatedRecord | null,
  id: string,
  changes: RecordData,
  clock: string,
): ReplicatedRecord {
  const data: RecordData = { ...(current?.data ?? {}) };
  const clocks: FieldClocks = { ...(current?.clocks ?? {}) };
  for (const [field, value] of Object.entries(changes)) {
    if (field === 'id' || value === undefined) continue;
    if (current && Object.hasOwn(current.data, field) && sameValue(current.data[field], value)) continue;
    data[field] = value;
    clocks[field] = clock;
  }
  return { id, data, clocks };
}

/** The latest clock in a record (its "version" for display and for HLC receive). */
export function latestClock(record: ReplicatedRecord): string | null {
  let latest: string | null = null;
  for (const clock of Object.values(record.clocks)) if (latest === null || clock > latest) latest = clock;
  return latest;
}
