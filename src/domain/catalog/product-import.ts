/**
 * A product CSV → what to write ([CT5]): every row checked with the form's rules
 * (validateProductText), good rows become products, bad rows are reported by row and field, and
 * the caller writes all good rows in one bulk write (or nothing).
 *
 * Matching: a row is an existing product when one of its GTINs is that product's, or else when its
 * name is (accents and case aside); otherwise it is a new product with an id from `newId`. A row
 * updates only the columns the file has — a price list without a `family` column leaves families
 * alone. Two rows for the same product: the second is an error. A row that changes nothing is
 * counted as unchanged and not written.
 *
 * Worked example (catalog: Botox 100 U with GTIN G): header name,unitGtins,patientPrice and rows
 *   2: "Botox Cosmetic 100 U",G,14.00   → update Botox (price 14.00)
 *   3: "Daxxify 100 U",,12              → error row 3, category: "One of neurotoxin, …"
 *   4: "Botox Cosmetic 100 U",,15.00    → error row 4, name: "Row 2 already has this product."
 */
import type { Product, Supplier } from '../model';
import { cellOf, mapColumns, type ColumnMap, type CsvRow, type CsvTable } from './csv';
import { CATALOG_FIELD_DEFAULTS } from './product-defaults';
import {
  EMPTY_PRODUCT_TEXT,
  mergeEdit,
  PRODUCT_COLUMNS,
  productToText,
  validateProductText,
  type ProductColumn,
  type ProductText,
} from './product-text';
import { matchKey } from './text-match';

export interface RowError {
  readonly row: number;
  readonly field: string;
  readonly message: string;
}

export interface ProductImportPlan {
  readonly created: Product[];
  readonly updated: Product[];
  readonly unchanged: number;
  readonly errors: RowError[];
  /** Header cells that name no column (ignored). */
  readonly unknownColumns: readonly string[];
}

const ALIASES: Readonly<Record<string, ProductColumn>> = {
  product: 'name',
  maker: 'manufacturer',
  unit: 'baseUnit',
  gtin: 'unitGtins',
  unitGtin: 'unitGtins',
  cartonGtin: 'cartonGtins',
  hibc: 'hibccCodes',
  supplier: 'preferredSupplier',
  price: 'patientPrice',
};

/** Numbers written with a decimal comma, as `;`-files from a European spreadsheet have them. */
export const NUMERIC_COLUMNS: ReadonlySet<string> = new Set([
  'containerSize',
  'patientPrice',
  'minStock',
  'reorderQuantity',
  'drawStep',
]);

export function decimalCell(text: string, delimiter: ',' | ';'): string {
  return delimiter === ';' && /^-?\d+,\d+$/.test(text) ? text.replace(',', '.') : text;
}

function rowText(base: ProductText, row: CsvRow, map: ColumnMap<ProductColumn>, delimiter: ',' | ';') {
  const out: Record<string, string> = { ...base };
  for (const column of PRODUCT_COLUMNS) {
    const cell = cellOf(row, map, column);
    if (cell === undefined) continue;
    out[column] = NUMERIC_COLUMNS.has(column) ? decimalCell(cell, delimiter) : cell;
  }
  return out as ProductText;
}

/** The catalog as the good rows so far leave it: products by id, GTIN and name. */
class CatalogIndex {
  readonly byId = new Map<string, Product>();
  private readonly byGtin = new Map<string, Product>();
  private readonly byName = new Map<string, Product>();

  constructor(products: readonly Product[]) {
    for (const p of products) this.put(p);
  }

  put(p: Product): void {
    const old = this.byId.get(p.id);
    if (old) for (const g of old.gtins) this.byGtin.delete(g);
    if (old) this.byName.delete(matchKey(old.name));
    this.byId.set(p.id, p);
    for (const g of p.gtins) this.byGtin.set(g, p);
    this.byName.set(matchKey(p.name), p);
  }

  /** The product one of the row's GTINs belongs to, else the one of its name. */
  find(row: CsvRow, map: ColumnMap<ProductColumn>): Product | undefined {
    const codes = `${cellOf(row, map, 'unitGtins') ?? ''} ${cellOf(row, map, 'cartonGtins') ?? ''}`
      .split(/[\s,;|]+/)
      .filter((c) => c !== '');
    for (const c of codes) {
      const owner = this.byGtin.get(c.padStart(14, '0'));
      if (owner) return owner;
    }
    const name = matchKey(cellOf(row, map, 'name') ?? '');
    return name === '' ? undefined : this.byName.get(name);
  }

  ownerOf(gtin: string, selfId: string | undefined): string | null {
    const owner = this.byGtin.get(gtin);
    return owner && owner.id !== selfId ? owner.name : null;
  }
}

export interface ProductImportContext {
  readonly orgId: string;
  readonly existing: readonly Product[];
  readonly suppliers: readonly Supplier[];
  readonly newId: () => string;
}

export function planProductImport(table: CsvTable, ctx: ProductImportContext): ProductImportPlan {
  const map = mapColumns(table.header, PRODUCT_COLUMNS, ALIASES);
  const errors: RowError[] = [];
  if (!map.index.has('name'))
    return {
      created: [],
      updated: [],
      unchanged: 0,
      errors: [{ row: 1, field: 'name', message: 'The file needs a "name" column.' }],
      unknownColumns: map.unknown,
    };
  const current = new CatalogIndex(ctx.existing);
  const rowOf = new Map<string, number>();
  const created: Product[] = [];
  const updated = new Map<string, Product>();
  let unchanged = 0;
  for (const row of table.rows) {
    const before = current.find(row, map);
    const earlier = before ? rowOf.get(before.id) : undefined;
    if (earlier !== undefined) {
      errors.push({ row: row.row, field: 'name', message: `Row ${earlier} already has this product.` });
      continue;
    }
    const base = before ? productToText(before, ctx.suppliers) : EMPTY_PRODUCT_TEXT;
    const result = validateProductText(rowText(base, row, map, table.delimiter), {
      ownerOf: (gtin) => current.ownerOf(gtin, before?.id),
      suppliers: ctx.suppliers,
    });
    if (!result.ok) {
      for (const e of result.errors) errors.push({ row: row.row, field: e.field, message: e.message });
      continue;
    }
    const product: Product = before
      ? mergeEdit(before, result.value)
      : { id: ctx.newId(), orgId: ctx.orgId, ...CATALOG_FIELD_DEFAULTS, ...result.value };
    rowOf.set(product.id, row.row);
    current.put(product);
    if (!before) created.push(product);
    else if (JSON.stringify(before) !== JSON.stringify(product)) updated.set(product.id, product);
    else unchanged += 1;
  }
  return { created, updated: [...updated.values()], unchanged, errors, unknownColumns: map.unknown };
}

/** The catalog as a product CSV (every column, archived products included). */
export function productCsvRows(products: readonly Product[], suppliers: readonly Supplier[]): string[][] {
  return [...products]
    .sort((a, b) => a.name.localeCompare(b.name))
    .map((p) => {
      const text = productToText(p, suppliers);
      return PRODUCT_COLUMNS.map((c) => text[c]);
    });
}
