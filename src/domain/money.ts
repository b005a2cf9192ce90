/**
 * Money: integer cents (scale 2); unit costs: integer micro-dollars per base unit (scale 6).
 * See SPEC.md [M1]-[M4]. Rounding happens once per line, half-even, to the cent.
 */
import { assertSafeInteger, formatDecimal, parseDecimal, sumSafeIntegers } from './fixed';
import type { ExcessDigits, ParseResult } from './fixed';
import { divRound } from './rounding';

export const MONEY_SCALE = 2;
export const UNIT_COST_SCALE = 6;

/** quantityMilli × unitCostMicros is in 10^-9 dollars; one cent is 10^7 of those. */
const NANO_DOLLARS_PER_CENT = 10_000_000n;

/** Parses "6.50" → 650 cents. More than 2 decimals is rejected unless a rounding mode is given. */
export function parseMoney(text: string, rounding: ExcessDigits = 'reject'): ParseResult {
  return parseDecimal(text, MONEY_SCALE, rounding);
}

/** Parses a per-unit cost in dollars: "6.50" → 6_500_000 micros, "1.966667" → 1_966_667. */
export function parseUnitCost(text: string, rounding: ExcessDigits = 'reject'): ParseResult {
  return parseDecimal(text, UNIT_COST_SCALE, rounding);
}

/**
 * Currency text for display, en-US conventions with grouping: 26_000 → "$260.00",
 * -150 → "-$1.50", 123_450 → "$1,234.50".
 *
 * The exact decimal string (not a float) is handed to Intl.NumberFormat, so even
 * 9_007_199_254_740_991 cents prints every digit. Chairside keeps cents, so the currency is
 * always shown with 2 decimals. Display only: parseMoney does not accept "$" or commas.
 */
export function formatMoney(cents: number, currency = 'USD'): string {
  const exact = formatDecimal(assertSafeInteger(cents, 'cents'), MONEY_SCALE);
  return currencyFormat(currency, 2, 2).format(exact as Intl.StringNumericLiteral);
}

/**
 * A unit cost for display: at least 2 decimals, up to 6, trailing zeros beyond 2 trimmed:
 * 6_500_000 → "$6.50", 1_966_667 → "$1.966667", 1_234_500 → "$1.2345".
 */
export function formatUnitCost(micros: number, currency = 'USD'): string {
  const exact = formatDecimal(assertSafeInteger(micros, 'micros'), UNIT_COST_SCALE);
  return currencyFormat(currency, 2, UNIT_COST_SCALE).format(exact as Intl.StringNumericLiteral);
}

/**
 * One formatter per (currency, digits), made once: constructing an Intl.NumberFormat costs ~0.2 ms,
 * formatting with one ~5 µs — a table of 50 lots formats 100 amounts (bench stock.render_2k_lots_ms).
 */
const formats = new Map<string, Intl.NumberFormat>();

function currencyFormat(currency: string, minFraction: number, maxFraction: number): Intl.NumberFormat {
  const key = `${currency}|${minFraction}|${maxFraction}`;
  let format = formats.get(key);
  if (!format) {
    format = new Intl.NumberFormat('en-US', {
      style: 'currency',
      currency,
      minimumFractionDigits: minFraction,
      maximumFractionDigits: maxFraction,
    });
    formats.set(key, format);
  }
  return format;
}

/**
 * Cost of one line (a draw, a receipt, a waste event), rounded half-even to the cent.
 *
 * Worked example: 40 U at $6.50/U → 40_000 milli × 6_500_000 µ$ = 260_000_000_000 n$
 * / 10^7 = 26_000 cents = $260.00. 35 U → 22_750 ($227.50); 25 U → 16_250 ($162.50).
 * Ties go to the even cent: 0.001 U at $5/U is half a cent → 0; 0.003 U is 1.5 cents → 2.
 * Negative quantities (returns, corrections) round symmetrically.
 */
export function lineCostCents(quantityMilli: number, unitCostMicros: number): number {
  const product =
    BigInt(assertSafeInteger(quantityMilli, 'quantityMilli')) *
    BigInt(assertSafeInteger(unitCostMicros, 'unitCostMicros'));
  return divRound(product, NANO_DOLLARS_PER_CENT, 'half-even');
}

/**
 * Cost per base unit from a pack price, rounded half-even to the micro-dollar.
 *
 * Worked example: $590.00 for 300 U → 59_000 cents × 10^7 / 300_000 milli
 * = 1_966_666.67 → 1_966_667 µ$ ($1.966667/U). Throws RangeError for a pack of ≤ 0 units.
 */
export function unitCostMicrosFromPack(packCostCents: number, packQuantityMilli: number): number {
  assertSafeInteger(packCostCents, 'packCostCents');
  assertSafeInteger(packQuantityMilli, 'packQuantityMilli');
  if (packQuantityMilli <= 0) throw new RangeError(`pack quantity must be positive: ${packQuantityMilli}`);
  return divRound(BigInt(packCostCents) * NANO_DOLLARS_PER_CENT, BigInt(packQuantityMilli), 'half-even');
}

/** Exact total of line amounts; throws RangeError on unsafe inputs or overflow. */
export function sumCents(values: Iterable<number>): number {
  return sumSafeIntegers(values, 'cents');
}
