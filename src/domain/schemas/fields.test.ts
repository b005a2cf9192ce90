import fc from 'fast-check';
import { Value } from 'typebox/value';
import { describe, expect, it } from 'vitest';
import { isUuid } from '../ids';
import { isoTime, nullable, int, uuid } from './fields';

describe('record field types [MD11]', () => {
  it('a uuid field accepts exactly what isUuid accepts', () => {
    fc.assert(
      fc.property(
        fc.oneof(
          fc.uuid(),
          fc.uuid().map((u) => u.toUpperCase()),
          fc.string(),
        ),
        (value) => {
          expect(Value.Check(uuid(), value)).toBe(isUuid(value));
        },
      ),
    );
  });

  it('nullable keeps the value rule and the refinement, and is one JSON type list', () => {
    const price = nullable(int(0));
    expect(JSON.parse(JSON.stringify(price))).toMatchObject({ type: ['integer', 'null'], minimum: 0 });
    expect([null, 0, 5].map((v) => Value.Check(price, v))).toEqual([true, true, true]);
    expect([-1, 1.5, '1'].map((v) => Value.Check(price, v))).toEqual([false, false, false]);
    const closedAt = nullable(isoTime());
    expect(Value.Check(closedAt, 'not a time')).toBe(false);
    expect(Value.Check(closedAt, '2026-11-23T10:00:00.000Z')).toBe(true);
  });

  it('integers are safe integers', () => {
    expect(Value.Check(int(0), Number.MAX_SAFE_INTEGER)).toBe(true);
    expect(Value.Check(int(0), 2 ** 60)).toBe(false);
  });
});
