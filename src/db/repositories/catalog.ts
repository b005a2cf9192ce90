/** Master data on the tablet: locations, staff, products and lots. */
import type { Observable } from 'rxjs';
import type { Location, Lot, Product } from '../../domain/model';
import type { ChairsideDatabase } from '../collections';
import { loadBaselineRecords, type Plain } from './records';

export interface CatalogCounts {
  locations: number;
  staff: number;
  products: number;
  lots: number;
  events: number;
}

export async function catalogCounts(db: ChairsideDatabase): Promise<CatalogCounts> {
  const [locations, staff, products, lots, events] = await Promise.all([
    db.locations.count().exec(),
    db.staff.count().exec(),
    db.products.count().exec(),
    db.lots.count().exec(),
    db.events.count().exec(),
  ]);
  return { locations, staff, products, lots, events };
}

/** Emits the number of products whenever it changes (local writes, other tabs, later: sync). */
export function watchProductCount(db: ChairsideDatabase): Observable<number> {
  return db.products.count().$;
}

/**
 * Loads a baseline catalog (the demo set) under whatever is stored: values the server or a local
 * edit already set win ([MD9]), so loading twice or after a sync changes nothing.
 */
export async function upsertCatalog(
  db: ChairsideDatabase,
  data: { locations: Location[]; staff: Plain<'staff'>[]; products: Product[]; lots: Lot[] },
): Promise<void> {
  await loadBaselineRecords(db, 'locations', data.locations);
  await loadBaselineRecords(db, 'staff', data.staff);
  await loadBaselineRecords(db, 'products', data.products);
  await loadBaselineRecords(db, 'lots', data.lots);
}

export async function listProducts(db: ChairsideDatabase): Promise<Product[]> {
  const docs = await db.products.find({ sort: [{ name: 'asc' }] }).exec();
  return docs.map((d) => d.toMutableJSON());
}
