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

/** The winner of one field: later clock; equal clocks → the larger serialized value. */
function pickField(field: string, a: ReplicatedRecord, b: ReplicatedRecord): 'a' | 'b' {
  const ca = a.clocks[field];
  const cb = b.clocks[field];
  if (cb === undefined) return 'a';
  if (ca === undefined) return field in a.data ? (field in b.data ? 'b' : 'a') : 'b';
  const order = compareHlc(ca, cb);
  if (order !== 0) return order > 0 ? 'a' : 'b';
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
    if (field in side.data) data[field] = side.data[field];
    const clock = side.clocks[field];
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
    if (current && field in current.data && sameValue(current.data[field], value)) continue;
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
