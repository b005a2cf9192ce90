/**
 * A supplier's price list CSV → supplier price records ([CT6]). Columns: `gtin` or `product` (the
 * product's name) to say which product, `packPrice` (dollars per pack) or `unitCost` (dollars per
 * base unit), and optionally `supplierSku`, `minPacks`, `updatedOn` (YYYY-MM-DD; empty = today).
 * A pack price becomes a cost per base unit with `unitCostMicrosFromPack` (half-even to the
 * micro-dollar, [M2]). Bad rows are reported by row and field; the good ones are written at once.
 *
 * A price's id is derived from organization, supplier, product and day (UUIDv5), so importing the
 * same list twice writes the same records, and a later day's list adds to the price history.
 *
 * Worked example (Botox 100 U: 1 vial of 100 U per pack): "gtin,packPrice\r\n00099000000012,590.00"
 * → { productId: Botox, unitCostMicros: 5_900_000, minPacks: 1, updatedOn: today }.
 */
import { v5 } from 'uuid';
import { isPlausibleDate } from '../dates';
import { MAX_UNIT_COST_MICROS } from '../bounds';
import type { Product, Supplier, SupplierPrice } from '../model';
import { parseMoney, parseUnitCost, unitCostMicrosFromPack } from '../money';
import { packQuantityMilli } from '../purchasing/packs';
import { cellOf, mapColumns, type CsvTable } from './csv';
import { MAX_CONTAINERS_PER_PACK, wholeNumber } from './product-draft';
import { decimalCell, type RowError } from './product-import';
import { matchKey } from './text-match';

export const PRICE_COLUMNS = [
  'gtin',
  'product',
  'supplierSku',
  'packPrice',
  'unitCost',
  'minPacks',
  'updatedOn',
] as const;
type PriceColumn = (typeof PRICE_COLUMNS)[number];
const ALIASES: Readonly<Record<string, PriceColumn>> = {
  name: 'product',
  sku: 'supplierSku',
  date: 'updatedOn',
};

export const supplierPriceId = (orgId: string, supplierId: string, productId: string, day: string) =>
  v5(`supplier-price|${supplierId}|${productId}|${day}`, orgId);

export interface PriceImportPlan {
  readonly prices: SupplierPrice[];
  readonly errors: RowError[];
  readonly unknownColumns: readonly string[];
}

export interface PriceImportContext {
  readonly supplier: Pick<Supplier, 'id' | 'orgId'>;
  readonly products: readonly Product[];
  /** YYYY-MM-DD on the device: a row without `updatedOn` holds from today. */
  readonly today: string;
}

function costOf(
  pack: string | undefined,
  unit: string | undefined,
  product: Product,
  add: (f: string, m: string) => void,
) {
  if ((pack ?? '') !== '' && (unit ?? '') !== '') {
    add('packPrice', 'Give a pack price or a unit cost, not both.');
    return null;
  }
  if ((pack ?? '') !== '') {
    const cents = parseMoney(pack ?? '');
    if (!cents.ok || cents.value < 0) {
      add('packPrice', 'Dollars per pack like 590.00.');
      return null;
    }
    return unitCostMicrosFromPack(cents.value, packQuantityMilli(product));
  }
  if ((unit ?? '') === '') {
    add('packPrice', 'Give the price per pack (packPrice) or per unit (unitCost).');
    return null;
  }
  const micros = parseUnitCost(unit ?? '');
  if (!micros.ok || micros.value < 0) {
    add('unitCost', 'Dollars per unit like 5.90 (up to 6 decimals).');
    return null;
  }
  return micros.value;
}

export function planPriceImport(table: CsvTable, ctx: PriceImportContext): PriceImportPlan {
  const map = mapColumns(table.header, PRICE_COLUMNS, ALIASES);
  const errors: RowError[] = [];
  if (!map.index.has('gtin') && !map.index.has('product'))
    return {
      prices: [],
      errors: [{ row: 1, field: 'product', message: 'The file needs a "gtin" or a "product" column.' }],
      unknownColumns: map.unknown,
    };
  const byGtin = new Map<string, Product>();
  const byName = new Map<string, Product>();
  for (const p of ctx.products) {
    for (const g of p.gtins) byGtin.set(g, p);
    byName.set(matchKey(p.name), p);
  }
  const seen = new Map<string, number>();
  const prices: SupplierPrice[] = [];
  for (const row of table.rows) {
    const before = errors.length;
    const add = (field: string, message: string) => errors.push({ row: row.row, field, message });
    const gtin = cellOf(row, map, 'gtin') ?? '';
    const name = cellOf(row, map, 'product') ?? '';
    const product = gtin !== '' ? byGtin.get(gtin.padStart(14, '0')) : byName.get(matchKey(name));
    if (!product) {
      if (gtin !== '') add('gtin', `No product in the catalog has GTIN ${gtin}.`);
      else if (name !== '') add('product', `No product in the catalog is named "${name}".`);
      else add('product', 'Name the product (product) or give its GTIN (gtin).');
      continue;
    }
    const dec = (c: PriceColumn) => {
      const cell = cellOf(row, map, c);
      return cell === undefined ? undefined : decimalCell(cell, table.delimiter);
    };
    const cost = costOf(dec('packPrice'), dec('unitCost'), product, add);
    if (cost !== null && cost > MAX_UNIT_COST_MICROS) add('unitCost', 'At most $10,000 per unit.');
    const packsText = cellOf(row, map, 'minPacks') ?? '';
    const minPacks = packsText === '' ? 1 : wholeNumber(packsText, 1, MAX_CONTAINERS_PER_PACK);
    if (minPacks === null) add('minPacks', `A whole number of packs from 1 to ${MAX_CONTAINERS_PER_PACK}.`);
    const day = (cellOf(row, map, 'updatedOn') ?? '') || ctx.today;
    if (!isPlausibleDate(day)) add('updatedOn', 'A date written YYYY-MM-DD.');
    const sku = cellOf(row, map, 'supplierSku') ?? '';
    if (sku.length > 60) add('supplierSku', 'At most 60 characters.');
    const key = `${product.id}|${day}`;
    const earlier = seen.get(key);
    if (earlier !== undefined)
      add(gtin !== '' ? 'gtin' : 'product', `Row ${earlier} already prices this product.`);
    if (errors.length > before || cost === null || minPacks === null) continue;
    seen.set(key, row.row);
    prices.push({
      id: supplierPriceId(ctx.supplier.orgId, ctx.supplier.id, product.id, day),
      orgId: ctx.supplier.orgId,
      supplierId: ctx.supplier.id,
      productId: product.id,
      supplierSku: sku,
      unitCostMicros: cost,
      minPacks,
      updatedOn: day,
    });
  }
  return { prices, errors, unknownColumns: map.unknown };
}

/** The supplier's latest price of each product, as a price list CSV (pack price and unit cost). */
export function priceListCsvRows(
  prices: readonly SupplierPrice[],
  products: readonly Product[],
  formatPack: (p: SupplierPrice, product: Product) => string,
  formatUnit: (micros: number) => string,
): string[][] {
  const latest = new Map<string, SupplierPrice>();
  for (const p of prices) {
    const held = latest.get(p.productId);
    if (!held || held.updatedOn < p.updatedOn) latest.set(p.productId, p);
  }
  const byId = new Map(products.map((p) => [p.id, p]));
  return [...latest.values()]
    .flatMap((price) => {
      const product = byId.get(price.productId);
      return product ? [{ price, product }] : [];
    })
    .sort((a, b) => a.product.name.localeCompare(b.product.name))
    .map(({ price, product }) => [
      product.gtins[0] ?? '',
      product.name,
      price.supplierSku,
      formatPack(price, product),
      formatUnit(price.unitCostMicros),
      String(price.minPacks),
      price.updatedOn,
    ]);
}
