/**
 * Exact integer division with an explicit rounding mode.
 *
 * Everything in Chairside that divides money or quantities goes through here, so the rounding
 * rule is always written at the call site and no float ever sits in between. BigInt is used
 * internally: quantityMilli × unitCostMicros can exceed 2^53 (1_000_000 U × $10,000/U is
 * 10^9 × 10^10 = 10^19) and must still divide exactly.
 */

/**
 * - `half-even`: ties go to the even neighbour (banker's rounding; unbiased over many lines).
 * - `half-up`: ties go away from zero (the "school" rule; -2.5 → -3).
 * - `floor`: toward -∞. `ceil`: toward +∞. `trunc`: toward zero.
 */
export type RoundingMode = 'half-even' | 'half-up' | 'floor' | 'ceil' | 'trunc';

export const ROUNDING_MODES: readonly RoundingMode[] = ['half-even', 'half-up', 'floor', 'ceil', 'trunc'];

function toBigInt(value: bigint | number, label: string): bigint {
  if (typeof value === 'bigint') return value;
  if (!Number.isSafeInteger(value)) throw new RangeError(`${label} is not a safe integer: ${value}`);
  return BigInt(value);
}

/**
 * n / d rounded by `mode`, as a bigint. Never throws except for d = 0.
 *
 * Worked example, 7 / 2 = 3.5: half-even → 4, half-up → 4, floor → 3, ceil → 4, trunc → 3.
 * And 5 / 2 = 2.5: half-even → 2 (2 is even), half-up → 3. And -5 / 2 = -2.5: half-even → -2,
 * half-up → -3, floor → -3, ceil → -2, trunc → -2.
 *
 * How: BigInt `/` truncates toward zero and `%` keeps the numerator's sign, so q is the truncated
 * quotient and r the remainder; if r ≠ 0 the exact quotient lies strictly between q and
 * q + sign, and comparing 2|r| with |d| tells whether it is below, at, or above the midpoint.
 */
export function divRoundBigInt(numerator: bigint, denominator: bigint, mode: RoundingMode): bigint {
  if (denominator === 0n) throw new RangeError('division by zero');
  const q = numerator / denominator;
  const r = numerator % denominator;
  if (r === 0n) return q;
  const sign = numerator < 0n !== denominator < 0n ? -1n : 1n;
  switch (mode) {
    case 'trunc':
      return q;
    case 'floor':
      return sign < 0n ? q - 1n : q;
    case 'ceil':
      return sign > 0n ? q + 1n : q;
    case 'half-up':
    case 'half-even': {
      const twiceR = 2n * (r < 0n ? -r : r);
      const absD = denominator < 0n ? -denominator : denominator;
      if (twiceR < absD) return q;
      if (twiceR > absD) return q + sign;
      if (mode === 'half-up') return q + sign;
      return q % 2n === 0n ? q : q + sign;
    }
  }
}

/**
 * n / d rounded by `mode`, as a safe-integer number.
 *
 * Worked example (a line cost): 35_000 milli-U × 6_500_000 µ$/U = 227_500_000_000 nano-dollars;
 * divRound(227_500_000_000n, 10_000_000n, 'half-even') = 22_750 cents = $227.50.
 *
 * Throws RangeError if an argument is a non-safe-integer number, the denominator is zero, or the
 * result does not fit in a safe integer — these are programming errors, not user input.
 */
export function divRound(
  numerator: bigint | number,
  denominator: bigint | number,
  mode: RoundingMode,
): number {
  const result = divRoundBigInt(toBigInt(numerator, 'numerator'), toBigInt(denominator, 'denominator'), mode);
  return bigIntToSafeNumber(result);
}

/** Converts a bigint to a number, throwing RangeError if it would lose precision. */
export function bigIntToSafeNumber(value: bigint): number {
  if (value > BigInt(Number.MAX_SAFE_INTEGER) || value < BigInt(Number.MIN_SAFE_INTEGER)) {
    throw new RangeError(`result is not a safe integer: ${value}`);
  }
  return Number(value);
}
