/**
 * Stock discrepancies: a lot × location whose recorded balance is below zero. It happens when two
 * tablets draw from the same vial offline (both draws are kept, SPEC [AL1]) or when a receipt was
 * never recorded; the ledger is right about what was recorded, so staff count and correct.
 *
 * Example: 100 U received, 60 U drawn on tablet A and 60 U on tablet B while both were offline →
 * { lotId, locationId, onHandMilli: -20_000 } on every replica once they have synced.
 */
export interface BalanceLike {
  lotId: string;
  locationId: string;
  onHandMilli: number;
}

export function negativeBalances<T extends BalanceLike>(balances: readonly T[]): T[] {
  return balances
    .filter((b) => b.onHandMilli < 0)
    .sort((a, b) => a.onHandMilli - b.onHandMilli || a.lotId.localeCompare(b.lotId));
}
