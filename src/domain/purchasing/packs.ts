/**
 * Packs ↔ base units for receiving and ordering ([RC1]). A product is bought in packs (a carton of
 * `containersPerPack` containers, each `containerSizeMilli` thousandths of the base unit) and
 * counted and drawn in base units. All integers; a quantity that is not whole packs says so.
 *
 * Worked example (Juvéderm: 1 mL syringes, 2 per carton): 3 cartons → 3 × 2 × 1_000 = 6_000
 * (6 mL); 5_000 (5 mL) → 2 packs and 1_000 left over (half a carton).
 */
import { assertSafeInteger } from '../fixed';

export interface PackShape {
  containerSizeMilli: number;
  containersPerPack: number;
}

/** Base-unit thousandths in one pack. */
export function packQuantityMilli(shape: PackShape): number {
  return assertSafeInteger(shape.containerSizeMilli * shape.containersPerPack, 'pack quantity');
}

/** `packs` whole packs in base-unit thousandths (negative for returns). */
export function packsToBaseMilli(packs: number, shape: PackShape): number {
  assertSafeInteger(packs, 'packs');
  return assertSafeInteger(packs * packQuantityMilli(shape), 'quantityMilli');
}

/** Whole packs in `quantityMilli` and what is left over (same sign as the quantity). */
export function baseMilliToPacks(
  quantityMilli: number,
  shape: PackShape,
): { packs: number; remainderMilli: number } {
  assertSafeInteger(quantityMilli, 'quantityMilli');
  const per = packQuantityMilli(shape);
  const packs = Math.trunc(quantityMilli / per);
  return { packs, remainderMilli: quantityMilli - packs * per };
}
