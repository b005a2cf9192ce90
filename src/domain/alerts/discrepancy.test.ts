import { describe, expect, it } from 'vitest';
import { negativeBalances } from './discrepancy';

describe('negativeBalances [AL1]', () => {
  it('lists lot × location balances below zero, the largest shortfall first', () => {
    const found = negativeBalances([
      { lotId: 'a', locationId: 'm', onHandMilli: 5_000 },
      { lotId: 'b', locationId: 'm', onHandMilli: -20_000 },
      { lotId: 'c', locationId: 's', onHandMilli: -1 },
      { lotId: 'd', locationId: 'm', onHandMilli: 0 },
    ]);
    expect(found.map((b) => b.lotId)).toEqual(['b', 'c']);
  });
});
