/** Master data on the tablet: locations, staff, products and lots. */
import type { Observable } from 'rxjs';
import type { Location, Lot, Product } from '../../domain/model';
import type { ChairsideDatabase, StaffDoc } from '../collections';

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

export async function upsertCatalog(
  db: ChairsideDatabase,
  data: { locations: Location[]; staff: StaffDoc[]; products: Product[]; lots: Lot[] },
): Promise<void> {
  await db.locations.bulkUpsert(data.locations);
  await db.staff.bulkUpsert(data.staff);
  await db.products.bulkUpsert(data.products);
  await db.lots.bulkUpsert(data.lots);
}

export async function listProducts(db: ChairsideDatabase): Promise<Product[]> {
  const docs = await db.products.find({ sort: [{ name: 'asc' }] }).exec();
  return docs.map((d) => d.toMutableJSON());
}
