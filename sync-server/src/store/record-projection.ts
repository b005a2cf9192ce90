/**
 * The typed projection of master-data records (SPEC [MD8]): locations, staff, products and lots
 * are upserted into the foundation tables (schema-001) in the push's transaction, so stock, recall
 * and role checks join real rows. Visits have no typed table.
 *
 * A record is always kept; only its projection may be skipped (returned, the route logs it):
 *   - its id is a typed row of ANOTHER organization (ids in the typed tables are global keys):
 *     that row is never touched ([S2]);
 *   - a lot whose product has no typed row of the organization yet (the lot arrived first): it
 *     is projected when its product arrives (`projectPendingLots`);
 *   - a lot whose (product, lot number) is already stored under another id (UNIQUE (org_id,
 *     product_id, lot_number)): two tablets that made the same lot before deterministic ids
 *     ([MD4]) — the first keeps the typed row, and the push does not fail.
 * Order within a batch: locations, staff, products, then lots, so a batch that creates a product
 * and its lots projects both.
 */
import type { Location, Lot, Product, Staff } from '../../../src/domain/model';
import type { RecordData, RecordKind, RecordProblem } from '../../../src/domain/replica';
import type { SqlExecutor } from './driver';

export interface ProjectionSkip {
  kind: RecordKind;
  id: string;
  reason: string;
}

interface Projected {
  kind: RecordKind;
  id: string;
  data: RecordData;
}

type Data<T> = Omit<T, 'id'>;

const INT4_MAX = 2_147_483_647;

/** Record fields that land in `integer` columns: the domain allows any safe integer there. */
const INT4_FIELDS: Partial<Record<RecordKind, readonly string[]>> = {
  products: ['containersPerPack', 'beyondUseHours'],
};

/** A valid record value the typed tables cannot hold (push answers 400 naming the field). */
export function columnProblem(kind: RecordKind, data: RecordData): RecordProblem | null {
  for (const field of INT4_FIELDS[kind] ?? []) {
    const value = data[field];
    if (typeof value === 'number' && value > INT4_MAX)
      return { field, message: `${kind}.${field} must be at most ${INT4_MAX}` };
  }
  return null;
}

const OTHER_ORG = 'the id belongs to a record of another organization';

async function upserted(tx: SqlExecutor, sql: string, params: unknown[]): Promise<boolean> {
  return (await tx.query(sql, params)).length > 0;
}

function projectLocation(tx: SqlExecutor, orgId: string, id: string, d: Data<Location>) {
  return upserted(
    tx,
    `INSERT INTO locations (id, org_id, name, storage) VALUES ($1, $2, $3, $4)
     ON CONFLICT (id) DO UPDATE SET name = EXCLUDED.name, storage = EXCLUDED.storage
     WHERE locations.org_id = EXCLUDED.org_id RETURNING id`,
    [id, orgId, d.name, d.storage],
  );
}

function projectStaff(tx: SqlExecutor, orgId: string, id: string, d: Data<Staff> & { pinHash: string }) {
  return upserted(
    tx,
    `INSERT INTO staff (id, org_id, name, role, location_ids, pin_hash) VALUES ($1, $2, $3, $4, $5::uuid[], $6)
     ON CONFLICT (id) DO UPDATE SET name = EXCLUDED.name, role = EXCLUDED.role,
       location_ids = EXCLUDED.location_ids, pin_hash = EXCLUDED.pin_hash
     WHERE staff.org_id = EXCLUDED.org_id RETURNING id`,
    [id, orgId, d.name, d.role, d.locationIds, d.pinHash],
  );
}

function projectProduct(tx: SqlExecutor, orgId: string, id: string, d: Data<Product>) {
  return upserted(
    tx,
    `INSERT INTO products (id, org_id, name, manufacturer, category, base_unit, container_size_milli,
       containers_per_pack, gtins, patient_price_per_unit_cents, min_stock_milli, beyond_use_hours, supplier)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9::text[], $10, $11, $12, $13)
     ON CONFLICT (id) DO UPDATE SET name = EXCLUDED.name, manufacturer = EXCLUDED.manufacturer,
       category = EXCLUDED.category, base_unit = EXCLUDED.base_unit,
       container_size_milli = EXCLUDED.container_size_milli, containers_per_pack = EXCLUDED.containers_per_pack,
       gtins = EXCLUDED.gtins, patient_price_per_unit_cents = EXCLUDED.patient_price_per_unit_cents,
       min_stock_milli = EXCLUDED.min_stock_milli, beyond_use_hours = EXCLUDED.beyond_use_hours,
       supplier = EXCLUDED.supplier
     WHERE products.org_id = EXCLUDED.org_id RETURNING id`,
    [
      id,
      orgId,
      d.name,
      d.manufacturer,
      d.category,
      d.baseUnit,
      d.containerSizeMilli,
      d.containersPerPack,
      d.gtins,
      d.patientPricePerUnitCents,
      d.minStockMilli,
      d.beyondUseHours,
      d.supplier,
    ],
  );
}

/** Null when projected, else why not. The caller holds the organization's records lock. */
async function projectLot(tx: SqlExecutor, orgId: string, id: string, d: Data<Lot>): Promise<string | null> {
  const product = await tx.query('SELECT 1 FROM products WHERE id = $1 AND org_id = $2', [
    d.productId,
    orgId,
  ]);
  if (product.length === 0) return `product ${d.productId} is not on the server yet`;
  const [twin] = await tx.query<{ id: string }>(
    'SELECT id::text AS id FROM lots WHERE org_id = $1 AND product_id = $2 AND lot_number = $3 AND id <> $4',
    [orgId, d.productId, d.lotNumber, id],
  );
  if (twin) return `lot number ${d.lotNumber} of this product is already stored as lot ${twin.id}`;
  const ok = await upserted(
    tx,
    `INSERT INTO lots (id, org_id, product_id, lot_number, expiry, unit_cost_micros, status)
     VALUES ($1, $2, $3, $4, $5, $6, $7)
     ON CONFLICT (id) DO UPDATE SET product_id = EXCLUDED.product_id, lot_number = EXCLUDED.lot_number,
       expiry = EXCLUDED.expiry, unit_cost_micros = EXCLUDED.unit_cost_micros, status = EXCLUDED.status
     WHERE lots.org_id = EXCLUDED.org_id RETURNING id`,
    [id, orgId, d.productId, d.lotNumber, d.expiry, d.unitCostMicros, d.status],
  );
  return ok ? null : OTHER_ORG;
}

/** Lot records of these products that have no typed row yet (they arrived before the product). */
async function pendingLots(tx: SqlExecutor, orgId: string, productIds: string[]): Promise<Projected[]> {
  if (productIds.length === 0) return [];
  return tx.query<Projected>(
    `SELECT r.kind, r.id::text AS id, r.data FROM records r
     WHERE r.org_id = $1 AND r.kind = 'lots' AND r.data->>'productId' = ANY($2::text[])
       AND NOT EXISTS (SELECT 1 FROM lots l WHERE l.id = r.id)
     ORDER BY r.seq`,
    [orgId, productIds],
  );
}

/** Projects validated records of one organization; returns the ones whose projection was skipped. */
export async function projectRecords(
  tx: SqlExecutor,
  orgId: string,
  records: readonly Projected[],
): Promise<ProjectionSkip[]> {
  const skipped: ProjectionSkip[] = [];
  const of = (kind: RecordKind) => records.filter((r) => r.kind === kind);
  const skip = (r: Projected, reason: string) => skipped.push({ kind: r.kind, id: r.id, reason });
  for (const r of of('locations'))
    if (!(await projectLocation(tx, orgId, r.id, r.data as unknown as Data<Location>))) skip(r, OTHER_ORG);
  for (const r of of('staff'))
    if (!(await projectStaff(tx, orgId, r.id, r.data as unknown as Data<Staff> & { pinHash: string })))
      skip(r, OTHER_ORG);
  const products: string[] = [];
  for (const r of of('products')) {
    if (await projectProduct(tx, orgId, r.id, r.data as unknown as Data<Product>)) products.push(r.id);
    else skip(r, OTHER_ORG);
  }
  const lots = new Map(of('lots').map((r) => [r.id, r]));
  for (const r of await pendingLots(tx, orgId, products)) if (!lots.has(r.id)) lots.set(r.id, r);
  for (const r of lots.values()) {
    const reason = await projectLot(tx, orgId, r.id, r.data as unknown as Data<Lot>);
    if (reason) skip(r, reason);
  }
  return skipped;
}
