/**
 * A new lot read off a carton (SPEC [SC7], [MD4]): the form the screen pre-fills from the scan,
 * its validation with field-named errors, and the lot record it becomes.
 *
 * Worked example (demo Botox, lots C8123AC4 at $6.50/U expiring 2026-12-13 and C8377AD2 at
 * $6.80/U expiring 2027-07-21; scan lot "NEW1", expiry 2027-09-30):
 *   lotDraftFromScan → { lotNumber: 'NEW1', expiry: '2027-09-30', unitCost: '6.80' } (the cost of the
 *   lot that expires last, the newest carton); validateLotDraft(draft) → { lotNumber: 'NEW1',
 *   expiry: '2027-09-30', unitCostMicros: 6_800_000 }; buildLot(…) → id lotIdFor(org, product, 'NEW1'),
 *   status 'available'. A unit cost of "6.8051234" is refused (more than 6 decimals, [M1]).
 */
import { MAX_UNIT_COST_MICROS } from '../bounds';
import { isPlausibleDate } from '../dates';
import { formatDecimal } from '../fixed';
import type { Lot, Product } from '../model';
import { parseUnitCost, UNIT_COST_SCALE } from '../money';
import { lotIdFor, normalizeLotNumber } from '../replica/lot-id';
import type { DraftResult, FieldError } from './errors';

/** GS1 AI 10 is X..20; the lot record holds at most 20 characters (replica kinds, schema). */
export const MAX_LOT_NUMBER_LENGTH = 20;

/** The new-lot form as typed: every field a string, so the screen can show exactly what was entered. */
export interface LotDraft {
  readonly lotNumber: string;
  readonly expiry: string;
  /** Dollars per base unit, e.g. "6.50". */
  readonly unitCost: string;
}

export interface ValidLot {
  readonly lotNumber: string;
  readonly expiry: string;
  readonly unitCostMicros: number;
}

export type LotField = keyof LotDraft;

/**
 * The product's most recent lot: lots carry no creation time, and a newer carton nearly always
 * expires later, so the lot with the latest expiry (then the highest lot number) stands for it.
 */
export function latestLot(lots: readonly Lot[]): Lot | null {
  let best: Lot | null = null;
  for (const lot of lots) {
    if (!best || lot.expiry > best.expiry || (lot.expiry === best.expiry && lot.lotNumber > best.lotNumber))
      best = lot;
  }
  return best;
}

/** Unit cost micros as the form shows it: "6.50", "1.966667" (at least 2 decimals, no "$"). */
export function unitCostText(micros: number): string {
  return formatDecimal(micros, UNIT_COST_SCALE, { minFractionDigits: 2 });
}

/**
 * Pre-fills the form with what the code said; the unit cost (never on a barcode) defaults to the
 * product's most recent lot's, and stays editable. `productLots` are that product's lots.
 */
export function lotDraftFromScan(
  scan: { readonly lot?: string; readonly expiry?: string },
  productLots: readonly Lot[],
): LotDraft {
  const previous = latestLot(productLots);
  return {
    lotNumber: scan.lot?.trim() ?? '',
    expiry: scan.expiry ?? '',
    unitCost: previous ? unitCostText(previous.unitCostMicros) : '',
  };
}

function costError(text: string): string | null {
  if (text.trim() === '') return 'Enter the unit cost (dollars per unit, e.g. 6.50).';
  const parsed = parseUnitCost(text);
  if (!parsed.ok) {
    return parsed.error.code === 'too-many-decimals'
      ? `At most ${UNIT_COST_SCALE} decimals.`
      : 'Not a number: write the cost like 6.50 (no $ or commas).';
  }
  if (parsed.value < 0) return 'The unit cost cannot be negative.';
  if (parsed.value > MAX_UNIT_COST_MICROS) return 'At most $10,000 per unit.';
  return null;
}

/** Checks the form; every error names its field, so the screen puts it under that input. */
export function validateLotDraft(draft: LotDraft): DraftResult<ValidLot, LotField> {
  const errors: FieldError<LotField>[] = [];
  const lotNumber = draft.lotNumber.trim();
  if (lotNumber === '') errors.push({ field: 'lotNumber', message: 'Enter the lot number.' });
  else if (lotNumber.length > MAX_LOT_NUMBER_LENGTH)
    errors.push({ field: 'lotNumber', message: `At most ${MAX_LOT_NUMBER_LENGTH} characters.` });
  const expiry = draft.expiry.trim();
  if (!isPlausibleDate(expiry))
    errors.push({ field: 'expiry', message: 'Enter the expiry date as printed (YYYY-MM-DD).' });
  const costProblem = costError(draft.unitCost);
  if (costProblem) errors.push({ field: 'unitCost', message: costProblem });
  if (errors.length > 0) return { ok: false, errors };
  const cost = parseUnitCost(draft.unitCost);
  return { ok: true, value: { lotNumber, expiry, unitCostMicros: cost.ok ? cost.value : 0 } };
}

/**
 * The lot record ([MD4]): an existing lot of this product with the same number (trimmed,
 * upper-cased) keeps its id, so a lot that arrived meanwhile is not duplicated; otherwise the id is
 * lotIdFor(org, product, number), the same on every tablet that reads the same carton.
 */
export function buildLot(valid: ValidLot, product: Pick<Product, 'id' | 'orgId'>, existing: Lot | null): Lot {
  return {
    id: existing?.id ?? lotIdFor(product.orgId, product.id, valid.lotNumber),
    orgId: product.orgId,
    productId: product.id,
    lotNumber: valid.lotNumber,
    expiry: valid.expiry,
    unitCostMicros: valid.unitCostMicros,
    status: 'available',
  };
}

/** The lot of `lots` with the same product and lot number as printed, compared per [MD4]. */
export function sameLot(lots: readonly Lot[], productId: string, lotNumber: string): Lot | null {
  const wanted = normalizeLotNumber(lotNumber);
  return lots.find((l) => l.productId === productId && normalizeLotNumber(l.lotNumber) === wanted) ?? null;
}
