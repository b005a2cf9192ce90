/**
 * Suppliers and their prices on the tablet ([CT2], [CT6]): small kinds in the `records`
 * collection ([DB6]), written through `saveRecords` (clock-stamped, replicated). Only roles that
 * manage the catalog may write them; the screen offers editing only to them and this checks again
 * (the server checks a third time).
 */
import { map, type Observable } from 'rxjs';
import type { Role, Supplier, SupplierPrice } from '../../domain/model';
import { can } from '../../domain/roles';
import type { ChairsideDatabase } from '../collections';
import { asRecordDoc } from './record-docs';
import { saveRecords, type EditContext } from './records';
import { CatalogError } from './products';

function watchKind<K extends 'suppliers' | 'supplier_prices'>(db: ChairsideDatabase, kind: K) {
  return db.records.find({ selector: { kind }, sort: [{ sortKey: 'asc' }] }).$.pipe(
    map((docs) =>
      docs.flatMap((d) => {
        const flat = asRecordDoc(kind, d.toMutableJSON());
        if (!flat) return [];
        const { clocks: _c, editor: _e, ...fields } = flat;
        return [fields];
      }),
    ),
  );
}

/** Every supplier, by name. */
export function watchSuppliers(db: ChairsideDatabase): Observable<Supplier[]> {
  return watchKind(db, 'suppliers');
}

/** Every supplier price (the price lists' lines), oldest day first. */
export function watchSupplierPrices(db: ChairsideDatabase): Observable<SupplierPrice[]> {
  return watchKind(db, 'supplier_prices');
}

const mayEdit = (ctx: { role: Role }) => {
  if (!can(ctx.role, 'manage_catalog'))
    throw new CatalogError('Only a manager or admin may change suppliers.');
};

export async function saveSupplier(
  db: ChairsideDatabase,
  supplier: Supplier,
  ctx: EditContext & { role: Role },
): Promise<void> {
  mayEdit(ctx);
  await saveRecords(db, 'suppliers', [supplier], ctx);
}

/** A price list's good rows, in one write (nothing is written when this throws). */
export async function saveSupplierPrices(
  db: ChairsideDatabase,
  prices: SupplierPrice[],
  ctx: EditContext & { role: Role },
): Promise<void> {
  mayEdit(ctx);
  await saveRecords(db, 'supplier_prices', prices, ctx);
}
