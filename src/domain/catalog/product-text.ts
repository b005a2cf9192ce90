/**
 * A product as text, field by field — what the Catalog's edit form shows and what a product CSV's
 * columns hold — and its validation back into a product ([CT5]). One set of rules for both, so a
 * row the import accepts is a product the form would save, and every error names its field.
 *
 * GTINs are kept per packaging level: a GTIN-14 whose indicator digit is 1-8 is a carton's, 0 a
 * unit's (the rule scanning counts by, src/scan/match.ts), so a carton code typed as a unit code is
 * refused rather than mis-counted at the next receipt. Lists (GTINs, HIBC codes) are separated by
 * spaces, commas, semicolons or `|`.
 *
 * Worked example: { name: 'Botox Cosmetic 50 U', category: 'neurotoxin', baseUnit: 'U',
 * containerSize: '50', containersPerPack: '1', unitGtins: '00099000000111', cartonGtins: '',
 * patientPrice: '14.00', minStock: '200', reorderQuantity: '500', family: 'Botox Cosmetic',
 * preferredSupplier: 'McKesson', archived: 'no', … } with a supplier "McKesson" on file →
 * { containerSizeMilli: 50_000, gtins: ['00099000000111'], patientPricePerUnitCents: 1400,
 * minStockMilli: 200_000, reorderQuantityMilli: 500_000, preferredSupplierId: <McKesson's id>,
 * supplier: 'McKesson', archived: false, … }. A supplier name not on file is kept as text.
 */
import { MAX_BALANCE_MILLI, MAX_CENTS, MAX_QUANTITY_MILLI } from '../bounds';
import { hasValidCheckDigit, padToGtin14 } from '../barcode/gtin';
import { formatDecimal, parseDecimal } from '../fixed';
import type { BaseUnit, Product, ProductCategory, Supplier } from '../model';
import { parseMoney } from '../money';
import { BASE_UNITS, parseQuantity, QUANTITY_SCALE } from '../quantity';
import type { DraftResult, FieldError } from './errors';
import {
  checkDrawStep,
  MAX_BEYOND_USE_HOURS,
  MAX_CONTAINERS_PER_PACK,
  MAX_TEXT,
  PRODUCT_CATEGORIES,
  wholeNumber,
  type ValidProduct,
} from './product-draft';
import { sameText } from './text-match';

/** The columns of a product CSV, in export order; the form's fields. */
export const PRODUCT_COLUMNS = [
  'name',
  'manufacturer',
  'category',
  'baseUnit',
  'containerSize',
  'containersPerPack',
  'unitGtins',
  'cartonGtins',
  'hibccCodes',
  'patientPrice',
  'minStock',
  'reorderQuantity',
  'beyondUseHours',
  'drawStep',
  'family',
  'preferredSupplier',
  'archived',
] as const;
export type ProductColumn = (typeof PRODUCT_COLUMNS)[number];
export type ProductText = Readonly<Record<ProductColumn, string>>;

export const EMPTY_PRODUCT_TEXT: ProductText = {
  ...(Object.fromEntries(PRODUCT_COLUMNS.map((c) => [c, ''])) as Record<ProductColumn, string>),
  containersPerPack: '1',
  minStock: '0',
  reorderQuantity: '0',
  archived: 'no',
};

const quantityText = (milli: number) => formatDecimal(milli, QUANTITY_SCALE, { minFractionDigits: 0 });
const moneyText = (cents: number) => formatDecimal(cents, 2);
const isLevel = (level: 'unit' | 'carton') => (gtin: string) => /^[1-8]/.test(gtin) === (level === 'carton');

/** The product as the form and the CSV show it. */
export function productToText(p: Product, suppliers: readonly Supplier[]): ProductText {
  const preferred = suppliers.find((s) => s.id === p.preferredSupplierId);
  return {
    name: p.name,
    manufacturer: p.manufacturer,
    category: p.category,
    baseUnit: p.baseUnit,
    containerSize: quantityText(p.containerSizeMilli),
    containersPerPack: String(p.containersPerPack),
    unitGtins: p.gtins.filter(isLevel('unit')).join(' '),
    cartonGtins: p.gtins.filter(isLevel('carton')).join(' '),
    hibccCodes: p.hibccCodes.join(' '),
    patientPrice: p.patientPricePerUnitCents === null ? '' : moneyText(p.patientPricePerUnitCents),
    minStock: quantityText(p.minStockMilli),
    reorderQuantity: quantityText(p.reorderQuantityMilli),
    beyondUseHours: p.beyondUseHours === null ? '' : String(p.beyondUseHours),
    drawStep: p.drawStepMilli === null ? '' : quantityText(p.drawStepMilli),
    family: p.family,
    preferredSupplier: preferred?.name ?? p.supplier,
    archived: p.archived ? 'yes' : 'no',
  };
}

export interface ProductTextContext {
  /** The name of another product holding this GTIN, or null (a GTIN belongs to one product only). */
  readonly ownerOf: (gtin: string) => string | null;
  readonly suppliers: readonly Pick<Supplier, 'id' | 'name'>[];
}

/** The context for editing `self` (null: a new product) among `products`. */
export function textContext(
  products: readonly Pick<Product, 'id' | 'name' | 'gtins'>[],
  selfId: string | null,
  suppliers: readonly Pick<Supplier, 'id' | 'name'>[],
): ProductTextContext {
  const owners = new Map<string, string>();
  for (const p of products) if (p.id !== selfId) for (const g of p.gtins) owners.set(g, p.name);
  return { ownerOf: (gtin) => owners.get(gtin) ?? null, suppliers };
}

const splitList = (text: string) => text.split(/[\s,;|]+/).filter((t) => t !== '');
const isCategory = (v: string): v is ProductCategory => (PRODUCT_CATEGORIES as readonly string[]).includes(v);
const isUnit = (v: string): v is BaseUnit => (BASE_UNITS as readonly string[]).includes(v);
/** HIBCC labeler code (a letter and 3 letters/digits) + product code: 5-22 characters. */
const HIBC_ID = /^[A-Z][A-Z0-9]{3}[A-Z0-9]{1,18}$/;

type Add = (field: ProductColumn, message: string) => void;

function gtinsOf(
  text: string,
  level: 'unit' | 'carton',
  field: ProductColumn,
  ctx: ProductTextContext,
  add: Add,
) {
  const out: string[] = [];
  for (const typed of splitList(text)) {
    const gtin = padToGtin14(typed);
    if (!gtin) add(field, `"${typed}" is not a GTIN: 8, 12, 13 or 14 digits.`);
    else if (!hasValidCheckDigit(gtin)) add(field, `The check digit of ${typed} is wrong: check the digits.`);
    else if (!isLevel(level)(gtin))
      add(
        field,
        `${gtin} is a ${level === 'unit' ? 'carton' : 'unit'}-level code (indicator digit ${gtin[0]}).`,
      );
    else {
      const owner = ctx.ownerOf(gtin);
      if (owner !== null) add(field, `${gtin} already belongs to ${owner}.`);
      else if (!out.includes(gtin)) out.push(gtin);
    }
  }
  return out;
}

function hibccOf(text: string, add: Add): string[] {
  const codes = [...new Set(splitList(text.toUpperCase()))];
  for (const c of codes)
    if (!HIBC_ID.test(c)) add('hibccCodes', `"${c}" is not a HIBC labeler + product code.`);
  if (codes.length > 20) add('hibccCodes', 'At most 20 HIBC codes.');
  return codes;
}

function archivedOf(text: string, add: Add): boolean {
  const t = text.trim().toLowerCase();
  if (['', 'no', 'false', '0', 'active'].includes(t)) return false;
  if (['yes', 'true', '1', 'archived'].includes(t)) return true;
  add('archived', 'Write yes or no.');
  return false;
}

/** Validates the text into a product's fields; every error names its column. */
export function validateProductText(
  t: ProductText,
  ctx: ProductTextContext,
): DraftResult<ValidProduct, ProductColumn> {
  const errors: FieldError<ProductColumn>[] = [];
  const add: Add = (field, message) => errors.push({ field, message });
  const name = t.name.trim();
  if (name === '') add('name', 'Enter the product name as on the label.');
  for (const field of ['name', 'manufacturer', 'family', 'preferredSupplier'] as const)
    if (t[field].trim().length > MAX_TEXT) add(field, `At most ${MAX_TEXT} characters.`);
  const category = t.category.trim().toLowerCase();
  if (!isCategory(category)) add('category', `One of ${PRODUCT_CATEGORIES.join(', ')}.`);
  const unitText = t.baseUnit.trim();
  const unit = BASE_UNITS.find((u) => u.toLowerCase() === unitText.toLowerCase()) ?? null;
  if (!unit || !isUnit(unit)) add('baseUnit', 'U, mL or each.');

  const quantity = (text: string) => (unit ? parseQuantity(text, unit) : parseDecimal(text, QUANTITY_SCALE));
  const size = quantity(t.containerSize);
  if (!size.ok || size.value <= 0) add('containerSize', 'How much one vial or syringe holds, e.g. 100.');
  else if (size.value > MAX_QUANTITY_MILLI) add('containerSize', 'At most 1,000,000 per container.');
  const perPack = wholeNumber(t.containersPerPack, 1, MAX_CONTAINERS_PER_PACK);
  if (perPack === null) add('containersPerPack', `A whole number from 1 to ${MAX_CONTAINERS_PER_PACK}.`);
  const amount = (field: 'minStock' | 'reorderQuantity', what: string) => {
    const r = t[field].trim() === '' ? { ok: true as const, value: 0 } : quantity(t[field]);
    if (!r.ok || r.value < 0) add(field, `Enter the ${what} in the unit, 0 or more.`);
    else if (r.value > MAX_BALANCE_MILLI) add(field, 'At most 1,000,000,000.');
    return r.ok ? r.value : 0;
  };
  const minStockMilli = amount('minStock', 'reorder point');
  const reorderQuantityMilli = amount('reorderQuantity', 'reorder quantity');

  let price: number | null = null;
  if (t.patientPrice.trim() !== '') {
    const parsed = parseMoney(t.patientPrice.trim());
    if (!parsed.ok || parsed.value < 0) add('patientPrice', 'Dollars per unit like 12.00, or leave empty.');
    else if (parsed.value > MAX_CENTS) add('patientPrice', 'At most $100,000,000 per unit.');
    else price = parsed.value;
  }
  let beyondUse: number | null = null;
  if (t.beyondUseHours.trim() !== '') {
    beyondUse = wholeNumber(t.beyondUseHours, 1, MAX_BEYOND_USE_HOURS);
    if (beyondUse === null)
      add('beyondUseHours', `Whole hours from 1 to ${MAX_BEYOND_USE_HOURS}, or leave empty for no limit.`);
  }
  const drawStep = checkDrawStep(t.drawStep, unit, size.ok ? size.value : null);
  if (drawStep.error) add('drawStep', drawStep.error);
  const gtins = [
    ...gtinsOf(t.unitGtins, 'unit', 'unitGtins', ctx, add),
    ...gtinsOf(t.cartonGtins, 'carton', 'cartonGtins', ctx, add),
  ];
  if (gtins.length > 20) add('cartonGtins', 'At most 20 GTINs per product.');
  const hibccCodes = hibccOf(t.hibccCodes, add);
  const archived = archivedOf(t.archived, add);
  const supplierName = t.preferredSupplier.trim();
  const preferred = ctx.suppliers.find((s) => supplierName !== '' && sameText(s.name, supplierName));

  if (errors.length > 0 || !unit || !isCategory(category)) return { ok: false, errors };
  return {
    ok: true,
    value: {
      name,
      manufacturer: t.manufacturer.trim(),
      category,
      baseUnit: unit,
      containerSizeMilli: size.ok ? size.value : 0,
      containersPerPack: perPack ?? 1,
      gtins,
      hibccCodes,
      patientPricePerUnitCents: price,
      minStockMilli,
      beyondUseHours: beyondUse,
      supplier: preferred?.name ?? supplierName,
      drawStepMilli: drawStep.milli ?? null,
      archived,
      family: t.family.trim(),
      reorderQuantityMilli,
      preferredSupplierId: preferred?.id ?? null,
    },
  };
}

/**
 * The edited product, keeping a preferred supplier this tablet has no record of yet (it may not
 * have synced): its name was shown as text and, unchanged, must not unlink it.
 */
export function mergeEdit(before: Product, edited: ValidProduct): Product {
  const keepLink =
    edited.preferredSupplierId === null &&
    before.preferredSupplierId !== null &&
    edited.supplier === before.supplier;
  return {
    ...before,
    ...edited,
    preferredSupplierId: keepLink ? before.preferredSupplierId : edited.preferredSupplierId,
  };
}
