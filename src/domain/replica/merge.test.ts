import { describe, expect, it } from 'vitest';
import { latestClock, mergeRecords, stampEdit } from './merge';

const lot = { productId: 'p', lotNumber: 'C1', status: 'available', unitCostMicros: 6_500_000 };

describe('mergeRecords / stampEdit [MD3]', () => {
  it('keeps concurrent edits of different fields (worked example: hold on A, cost on B)', () => {
    const base = stampEdit(null, 'lot', lot, '0000000000001-000000-s');
    const onA = stampEdit(base, 'lot', { status: 'hold' }, '0000000000005-000000-A');
    const onB = stampEdit(base, 'lot', { unitCostMicros: 7_000_000 }, '0000000000007-000000-B');
    const merged = mergeRecords(onA, onB);
    expect(merged.merged.data).toEqual({ ...lot, status: 'hold', unitCostMicros: 7_000_000 });
    expect(merged.changedFields).toEqual(['unitCostMicros']);
    expect(latestClock(merged.merged)).toBe('0000000000007-000000-B');
  });

  it('the later clock wins the same field on every replica', () => {
    const base = stampEdit(null, 'lot', lot, '0000000000001-000000-s');
    const early = stampEdit(base, 'lot', { status: 'hold' }, '0000000000005-000000-A');
    const late = stampEdit(base, 'lot', { status: 'recalled' }, '0000000000006-000000-B');
    expect(mergeRecords(early, late).merged.data.status).toBe('recalled');
    expect(mergeRecords(late, early).merged.data.status).toBe('recalled');
  });

  it('stamps only fields whose value changed', () => {
    const base = stampEdit(null, 'lot', lot, '0000000000001-000000-s');
    const edited = stampEdit(base, 'lot', { status: 'available', lotNumber: 'C2' }, '0000000000002-000000-a');
    expect(edited.clocks.status).toBe('0000000000001-000000-s');
    expect(edited.clocks.lotNumber).toBe('0000000000002-000000-a');
  });

  it('an unclocked (pre-clock) local copy loses every field to a clocked one', () => {
    const legacy = { id: 'lot', data: { ...lot, status: 'hold' }, clocks: {} };
    const server = stampEdit(null, 'lot', lot, '0000000000001-000000-s');
    expect(mergeRecords(legacy, server).merged).toEqual(server);
  });

  it('refuses to merge two different records', () => {
    expect(() => mergeRecords({ id: 'a', data: {}, clocks: {} }, { id: 'b', data: {}, clocks: {} })).toThrow(
      /cannot merge/,
    );
  });
});
