/**
 * A new product from a scanned GTIN the catalog does not have (SPEC [SC8]): the form pre-filled
 * with what the code said, its validation with field-named errors, and the product record.
 *
 * A barcode says only the GTIN (its indicator digit tells carton from unit level); name, unit and
 * container size come from the label, so the form asks for them and never guesses the unit — a
 * wrong unit would mis-count every later draw.
 *
 * Worked example: scan GTIN 00012345678905 → draft { gtin: '00012345678905', containersPerPack:
 * '1', minStock: '0', everything else '' }; with name 'Daxxify 100 U', category 'neurotoxin', unit
 * 'U', container size '100', price per unit '12.00', beyond-use '72' → { gtins: ['00012345678905'],
 * containerSizeMilli: 100_000, patientPricePerUnitCents: 1200, beyondUseHours: 72, … }. A draw
 * step of '1' makes it drawn in whole units (drawStepMilli 1_000); empty keeps the unit's step.
 */
import { MAX_BALANCE_MILLI, MAX_CENTS, MAX_QUANTITY_MILLI } from '../bounds';
import { hasValidCheckDigit, padToGtin14 } from '../barcode/gtin';
import { parseDecimal } from '../fixed';
import type { BaseUnit, Product, ProductCategory } from '../model';
import { parseMoney } from '../money';
import { BASE_UNITS, formatQuantity, parseQuantity, QUANTITY_SCALE } from '../quantity';
import { DRAW_STEP_MILLI } from '../treatment/amount';
import type { DraftResult, FieldError } from './errors';
import { CATALOG_FIELD_DEFAULTS } from './product-defaults';

export const PRODUCT_CATEGORIES: readonly ProductCategory[] = [
  'neurotoxin',
  'filler',
  'biostimulator',
  'skincare',
  'supply',
];
export const MAX_TEXT = 200;
export const MAX_CONTAINERS_PER_PACK = 1000;
/** A year: longer than any beyond-use time a label gives. */
export const MAX_BEYOND_USE_HOURS = 8760;

/** The new-product form as typed. Empty optional fields mean "none" (price, beyond-use) or 0. */
export interface ProductDraft {
  readonly gtin: string;
  readonly name: string;
  readonly manufacturer: string;
  readonly supplier: string;
  /** '' until chosen. */
  readonly category: string;
  /** '' until chosen. */
  readonly baseUnit: string;
  /** Base units in one vial/syringe, e.g. "100" (U) or "1" (mL). */
  readonly containerSize: string;
  readonly containersPerPack: string;
  /** Dollars per base unit charged to the patient; '' = priced per treatment. */
  readonly patientPrice: string;
  /** Hours an opened container may be used; '' = no limit. */
  readonly beyondUseHours: string;
  /** Reorder point in base units. */
  readonly minStock: string;
  /** The smallest amount drawn, in base units; '' = the unit's step (0.5 U, 0.01 mL, 1 each). */
  readonly drawStep: string;
}

export type ProductField = keyof ProductDraft;
export type ValidProduct = Omit<Product, 'id' | 'orgId'>;

export const EMPTY_PRODUCT_DRAFT: ProductDraft = {
  gtin: '',
  name: '',
  manufacturer: '',
  supplier: '',
  category: '',
  baseUnit: '',
  containerSize: '',
  containersPerPack: '1',
  patientPrice: '',
  beyondUseHours: '',
  minStock: '0',
  drawStep: '',
};

/** Pre-fills the form with what the code said: its GTIN-14. */
export function productDraftFromScan(scan: { readonly gtin?: string }): ProductDraft {
  return { ...EMPTY_PRODUCT_DRAFT, gtin: scan.gtin ?? '' };
}

const isCategory = (v: string): v is ProductCategory => (PRODUCT_CATEGORIES as readonly string[]).includes(v);
const isUnit = (v: string): v is BaseUnit => (BASE_UNITS as readonly string[]).includes(v);

function checkGtin(text: string, products: readonly Product[]): { gtin?: string; error?: string } {
  const gtin = padToGtin14(text.trim());
  if (!gtin) return { error: 'A GTIN has 8, 12, 13 or 14 digits.' };
  if (!hasValidCheckDigit(gtin)) return { error: 'The GTIN check digit is wrong: check the digits.' };
  const owner = products.find((p) => p.gtins.includes(gtin));
  if (owner) return { error: `This GTIN already belongs to ${owner.name}.` };
  return { gtin };
}

export function wholeNumber(text: string, min: number, max: number): number | null {
  const t = text.trim();
  if (!/^\d{1,9}$/.test(t)) return null;
  const n = Number(t);
  return n >= min && n <= max ? n : null;
}

/**
 * Checks the form against the catalog (`products`: a GTIN may belong to one product only). Every
 * error names its field.
 */
export function validateProductDraft(
  draft: ProductDraft,
  products: readonly Product[],
): DraftResult<ValidProduct, ProductField> {
  const errors: FieldError<ProductField>[] = [];
  const add = (field: ProductField, message: string) => errors.push({ field, message });

  const gtin = checkGtin(draft.gtin, products);
  if (gtin.error) add('gtin', gtin.error);
  const name = draft.name.trim();
  if (name === '') add('name', 'Enter the product name as on the label.');
  for (const field of ['name', 'manufacturer', 'supplier'] as const)
    if (draft[field].trim().length > MAX_TEXT) add(field, `At most ${MAX_TEXT} characters.`);
  if (!isCategory(draft.category)) add('category', 'Choose a category.');
  const unit = isUnit(draft.baseUnit) ? draft.baseUnit : null;
  if (!unit) add('baseUnit', 'Choose the unit it is counted in (U, mL or each).');

  // Without a unit yet, read the number alone (same scale) so that field's own error still shows.
  const quantity = (text: string) => (unit ? parseQuantity(text, unit) : parseDecimal(text, QUANTITY_SCALE));
  const size = quantity(draft.containerSize);
  if (!size.ok || size.value <= 0)
    add('containerSize', 'Enter how much one vial or syringe holds, e.g. 100.');
  else if (size.value > MAX_QUANTITY_MILLI) add('containerSize', 'At most 1,000,000 per container.');
  const perPack = wholeNumber(draft.containersPerPack, 1, MAX_CONTAINERS_PER_PACK);
  if (perPack === null) add('containersPerPack', `A whole number from 1 to ${MAX_CONTAINERS_PER_PACK}.`);
  const minStock = draft.minStock.trim() === '' ? { ok: true as const, value: 0 } : quantity(draft.minStock);
  if (!minStock.ok || minStock.value < 0) add('minStock', 'Enter the reorder point, 0 or more.');
  else if (minStock.value > MAX_BALANCE_MILLI) add('minStock', 'At most 1,000,000,000.');

  let price: number | null = null;
  if (draft.patientPrice.trim() !== '') {
    const parsed = parseMoney(draft.patientPrice);
    if (!parsed.ok || parsed.value < 0) add('patientPrice', 'Dollars per unit like 12.00, or leave empty.');
    else if (parsed.value > MAX_CENTS) add('patientPrice', 'At most $100,000,000 per unit.');
    else price = parsed.value;
  }
  let beyondUse: number | null = null;
  if (draft.beyondUseHours.trim() !== '') {
    beyondUse = wholeNumber(draft.beyondUseHours, 1, MAX_BEYOND_USE_HOURS);
    if (beyondUse === null)
      add('beyondUseHours', `Whole hours from 1 to ${MAX_BEYOND_USE_HOURS}, or leave empty for no limit.`);
  }

  const drawStep = checkDrawStep(draft.drawStep, unit, size.ok ? size.value : null);
  if (drawStep.error) add('drawStep', drawStep.error);

  if (errors.length > 0 || !gtin.gtin || !unit || !isCategory(draft.category)) return { ok: false, errors };
  return {
    ok: true,
    value: {
      name,
      manufacturer: draft.manufacturer.trim(),
      category: draft.category,
      baseUnit: unit,
      containerSizeMilli: size.ok ? size.value : 0,
      containersPerPack: perPack ?? 1,
      gtins: [gtin.gtin],
      hibccCodes: [],
      patientPricePerUnitCents: price,
      minStockMilli: minStock.ok ? minStock.value : 0,
      beyondUseHours: beyondUse,
      supplier: draft.supplier.trim(),
      drawStepMilli: drawStep.milli ?? null,
      ...CATALOG_FIELD_DEFAULTS,
    },
  };
}

/**
 * The draw step as typed, in the product's unit (SPEC [T3]): '' = the unit's own; otherwise a
 * positive amount no larger than one container. "1" U → 1_000; "0.05" mL → 50; "0" → an error.
 */
export function checkDrawStep(
  typed: string,
  unit: BaseUnit | null,
  containerMilli: number | null,
): { milli?: number; error?: string } {
  if (typed.trim() === '') return {};
  const parsed = unit ? parseQuantity(typed, unit) : parseDecimal(typed, QUANTITY_SCALE);
  const hint = unit ? ` (empty = ${formatQuantity(DRAW_STEP_MILLI[unit], unit)})` : '';
  if (!parsed.ok || parsed.value <= 0)
    return { error: `Enter the smallest amount drawn, e.g. 1 for whole units${hint}.` };
  if (containerMilli !== null && parsed.value > containerMilli)
    return { error: 'The step cannot be more than one vial or syringe holds.' };
  return { milli: parsed.value };
}

export function buildProduct(valid: ValidProduct, ids: { id: string; orgId: string }): Product {
  return { id: ids.id, orgId: ids.orgId, ...valid };
}
