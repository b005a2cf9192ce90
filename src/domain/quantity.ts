/**
 * Quantities: integers in thousandths of a product's base unit (`quantityMilli`, scale 3).
 * See SPEC.md [Q1]-[Q3].
 *
 * Every base unit uses scale 3, 'each' included: half a Sculptra vial (0.5 each) or a third of a
 * kit is a real draw, and one scale for all units keeps the arithmetic uniform. Whether a product
 * allows a fractional draw is a product rule, not a parsing rule.
 */
import { fail, formatDecimal, parseDecimal, sumSafeIntegers } from './fixed';
import type { ParseResult } from './fixed';
import type { BaseUnit } from './model';

export const QUANTITY_SCALE = 3;
export const BASE_UNITS: readonly BaseUnit[] = ['U', 'mL', 'each'];

export interface ParseQuantityOptions {
  /** Corrections may be negative; draws and receipts may not. Default false. */
  allowNegative?: boolean;
}

const WITH_UNIT = /^(.*?)\s*(u|ml|each)$/i;

/**
 * Parses user text into thousandths of `unit`: "0.4" mL → 400, "40" U → 40_000,
 * "2.5 U" → 2_500 (a trailing unit is optional, case-insensitive, and must match `unit`).
 *
 * More than 3 decimals is rejected (`too-many-decimals`), never rounded: an injector who typed
 * "0.0125 mL" should see the problem, not a silently different dose. A different unit ("40 mL"
 * for a product counted in U) is `unit-mismatch`; a negative number is `negative` unless allowed.
 */
export function parseQuantity(text: string, unit: BaseUnit, opts: ParseQuantityOptions = {}): ParseResult {
  let numberText = text.trim();
  const m = WITH_UNIT.exec(numberText);
  if (m) {
    const typedUnit = (m[2] ?? '').toLowerCase();
    if (typedUnit !== unit.toLowerCase()) {
      return fail('unit-mismatch', `This product is counted in ${unit}, not ${m[2]}.`);
    }
    numberText = m[1] ?? '';
  }
  const parsed = parseDecimal(numberText, QUANTITY_SCALE);
  if (parsed.ok && parsed.value < 0 && !opts.allowNegative) {
    return fail('negative', 'Enter a quantity of zero or more.');
  }
  return parsed;
}

/**
 * Display text with the unit and no trailing zeros or grouping:
 * 40_000 U → "40 U", 400 mL → "0.4 mL", 2_500 U → "2.5 U", 1_000 each → "1 each".
 * parseQuantity(formatQuantity(q, unit), unit) returns q for every safe integer q.
 */
export function formatQuantity(quantityMilli: number, unit: BaseUnit): string {
  return `${formatDecimal(quantityMilli, QUANTITY_SCALE, { minFractionDigits: 0 })} ${unit}`;
}

/** Exact total; throws RangeError on unsafe inputs or overflow. */
export function sumQuantities(values: Iterable<number>): number {
  return sumSafeIntegers(values, 'quantityMilli');
}
