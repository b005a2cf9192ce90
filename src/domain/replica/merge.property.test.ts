import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formatHlc } from './hlc';
import { mergeRecords, stampEdit, type ReplicatedRecord } from './merge';

const FIELDS = ['name', 'status', 'unitCostMicros'] as const;
const clockArb = fc
  .record({
    ms: fc.integer({ min: 0, max: 50 }),
    counter: fc.integer({ min: 0, max: 3 }),
    node: fc.constantFrom('a', 'b', 'c'),
  })
  .map(formatHlc);
const valueArb = fc.oneof(
  fc.constantFrom('hold', 'available', 'x'),
  fc.integer({ min: 0, max: 9 }),
  fc.constant(null),
);

/** An edit as one replica makes it: some fields, one clock. Replicas' copies are folds of edits. */
const editArb = fc.record({
  clock: clockArb,
  changes: fc.dictionary(fc.constantFrom(...FIELDS), valueArb, { minKeys: 1 }),
});

function replicaOf(edits: { clock: string; changes: Record<string, unknown> }[]): ReplicatedRecord {
  let record: ReplicatedRecord = { id: 'r', data: {}, clocks: {} };
  for (const edit of edits) {
    const stamped = stampEdit(null, 'r', edit.changes, edit.clock);
    record = mergeRecords(record, stamped).merged;
  }
  return record;
}

/** A replica's copy: folded edits, plus (sometimes) fields from before clocks existed. */
const recordArb = fc
  .tuple(
    fc.array(editArb, { maxLength: 6 }),
    fc.dictionary(fc.constantFrom(...FIELDS, 'legacy'), valueArb, { maxKeys: 2 }),
  )
  .map(([edits, unclocked]) => {
    const record = replicaOf(edits);
    for (const [field, value] of Object.entries(unclocked))
      if (!(field in record.clocks)) record.data[field] = value;
    return record;
  });

describe('per-field last-writer-wins merge [MD3]', () => {
  it('is commutative', () => {
    fc.assert(
      fc.property(recordArb, recordArb, (a, b) => {
        expect(mergeRecords(a, b).merged).toEqual(mergeRecords(b, a).merged);
      }),
    );
  });

  it('is associative', () => {
    fc.assert(
      fc.property(recordArb, recordArb, recordArb, (a, b, c) => {
        const left = mergeRecords(mergeRecords(a, b).merged, c).merged;
        const right = mergeRecords(a, mergeRecords(b, c).merged).merged;
        expect(left).toEqual(right);
      }),
    );
  });

  it('is idempotent and reports no change when nothing is new', () => {
    fc.assert(
      fc.property(recordArb, (a) => {
        const again = mergeRecords(a, a);
        expect(again.merged).toEqual(a);
        expect(again.changedFields).toEqual([]);
      }),
    );
  });

  it('any order of delivering the same edits gives the same record', () => {
    fc.assert(
      fc.property(fc.array(editArb, { minLength: 1, maxLength: 6 }), fc.integer(), (edits, seed) => {
        const shuffled = [...edits].sort(
          (x, y) => ((x.clock + seed).localeCompare(y.clock) || 0) * (seed % 2 ? 1 : -1),
        );
        expect(replicaOf(shuffled)).toEqual(replicaOf(edits));
      }),
    );
  });
});
