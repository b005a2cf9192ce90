/**
 * A sent purchase order as CSV for the supplier or accounting ([PO4]): RFC 4180 (CRLF, fields
 * quoted when they hold a comma, quote or line break) by papaparse's `unparse`, UTF-8 with a BOM so
 * spreadsheet programs read "Juvéderm" right. One row per line; quantities in base units and
 * packs, money in dollars with two decimals (unit cost with six).
 *
 * Example: PO-7, Botox 2 packs = 200 U at $6.500000/U → row
 *   PO-7,Allergan,…,Botox 100 U,2,200,U,6.500000,1300.00,2026-12-10
 */
import Papa from 'papaparse';
import type { Product, PurchaseOrder } from '../../../domain/model';
import { lineTotalCents, orderTotalCents } from '../../../domain/purchasing';

const BOM = '\uFEFF';

const dollars = (cents: number) => (cents / 100).toFixed(2);
const milli = (q: number) => String(q / 1000);
const micros = (m: number) => (m / 1_000_000).toFixed(6);

export const ORDER_CSV_FIELDS = [
  'po_number',
  'supplier',
  'status',
  'sent_at',
  'product',
  'manufacturer',
  'packs',
  'quantity',
  'unit',
  'unit_cost',
  'line_total',
  'expected_on',
] as const;

export function orderCsv(order: PurchaseOrder, products: ReadonlyMap<string, Product>): string {
  const rows = order.lines.map((line) => {
    const product = products.get(line.productId);
    return [
      order.reference,
      order.supplier,
      order.status,
      order.sentAt ?? '',
      product?.name ?? line.productId,
      product?.manufacturer ?? '',
      String(line.packs),
      milli(line.quantityMilli),
      product?.baseUnit ?? '',
      micros(line.unitCostMicros),
      dollars(lineTotalCents(line)),
      line.expectedOn ?? '',
    ];
  });
  const total = ['', '', '', '', 'Total', '', '', '', '', '', dollars(orderTotalCents(order)), ''];
  return BOM + Papa.unparse({ fields: [...ORDER_CSV_FIELDS], data: [...rows, total] }, { newline: '\r\n' });
}

/** The file name for an order's CSV: its PO number, made safe for a file system. */
export function orderCsvName(order: Pick<PurchaseOrder, 'reference'>): string {
  return `${order.reference.replace(/[^A-Za-z0-9._-]+/g, '_') || 'purchase-order'}.csv`;
}
