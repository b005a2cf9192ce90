/** The pure pieces behind [S25] and [Q4]'s exact JSON, beside the contract tests that use them. */
import { describe, expect, it } from 'vitest';
import { exactJson } from '../../sync-server/src/routes/exact-json';
import { blameDataError, dataErrorOf } from '../../sync-server/src/services/data-errors';
import { depthOf } from '../../sync-server/src/services/record-bounds';

describe('data errors and exact JSON', () => {
  it('[S25] only data exceptions (class 22, CHECK 23514) are input errors; a unique violation is not', () => {
    expect(dataErrorOf({ code: '22008', message: 'date/time field value out of range' })?.code).toBe('22008');
    expect(dataErrorOf({ code: '23514', message: 'violates check constraint' })?.code).toBe('23514');
    expect(dataErrorOf({ code: '23505', message: 'duplicate key' })).toBeNull();
    expect(dataErrorOf(new Error('connection reset'))).toBeNull();
  });

  it('[S25] the field is found by the value the error quotes, else the list and the only item', () => {
    const items = [
      { id: 'e1', deviceTime: '2025-01-01T00:00:00Z', payload: { supplier: 'A' } },
      { id: 'e2', deviceTime: '0000-01-01T00:00:00Z', payload: { supplier: 'B' } },
    ];
    const quoted = { code: '22008', message: 'date/time field value out of range: "0000-01-01T00:00:00Z"' };
    expect(blameDataError(quoted, items, 'events')).toEqual({ field: 'deviceTime', id: 'e2' });
    const unquoted = { code: '22003', message: 'numeric field overflow' };
    expect(blameDataError(unquoted, items, 'events')).toEqual({ field: 'events', id: null });
    expect(blameDataError(unquoted, items.slice(0, 1), 'events')).toEqual({ field: 'events', id: 'e1' });
  });

  it('[Q4] a BigInt is written as its exact digits; a string that looks like the marker stays a string', () => {
    const text = exactJson({ onHandMilli: 18014398509481982n, note: 'bigint-00:1', n: 5 });
    expect(text).toBe('{"onHandMilli":18014398509481982,"note":"bigint-00:1","n":5}');
  });

  it('[MD13] depth is measured without recursion and stops counting past the limit', () => {
    expect(depthOf('x', 16)).toBe(0);
    expect(depthOf([{ a: [1] }], 16)).toBe(3);
    const deep = JSON.parse(`${'['.repeat(100_000)}1${']'.repeat(100_000)}`) as unknown;
    expect(depthOf(deep, 16)).toBe(17);
  });
});
