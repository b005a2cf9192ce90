/**
 * The integration API's SQL (routes/integration.ts): read-only, every query scoped by org_id, so an
 * id of another organization matches nothing (SPEC [S2]).
 *
 * Balances come from `lot_balances` (kept in the insert's transaction, [S8]); lots and products from
 * the server's master tables. A lot a tablet created that has not reached the server yet has a
 * balance but no lot row: it is returned with null product/lot facts, never guessed.
 */
import type { LedgerEvent, Lot, Product, PurchaseOrder } from '../../../src/domain/model';
import { withFieldDefaults } from '../../../src/domain/replica';
import type { SqlDriver } from './driver';

export interface StockRow {
  lotId: string;
  locationId: string;
  locationName: string | null;
  productId: string | null;
  productName: string | null;
  lotNumber: string | null;
  expiry: string | null;
  unitCostMicros: number | null;
  onHandMilli: number;
}

export interface StockFilter {
  locationId: string | null;
  lotId: string | null;
}

/** A draw that reached a patient: not a correction, and no correction of it is stored. */
export interface ReceivedDraw {
  eventId: string;
  visitId: string;
  lotId: string;
  locationId: string;
  quantityMilli: number;
  deviceTime: string;
}

export interface BalanceRow {
  lotId: string;
  locationId: string;
  onHandMilli: number;
}

/** The device's timestamp as sent; rows from before migration 2 only have the timestamptz. */
const DEVICE_TIME = `COALESCE(device_time_text,
  to_char(device_time AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'))`;

const EVENT_COLUMNS = `id::text AS id, org_id::text AS "orgId", type, lot_id::text AS "lotId",
  location_id::text AS "locationId", quantity_milli AS "quantityMilli", actor_id::text AS "actorId",
  device_id AS "deviceId", ${DEVICE_TIME} AS "deviceTime", visit_id::text AS "visitId",
  container_id::text AS "containerId", corrects_id::text AS "correctsId", payload`;

const LOT_COLUMNS = `id::text AS id, org_id::text AS "orgId", product_id::text AS "productId",
  lot_number AS "lotNumber", expiry, unit_cost_micros AS "unitCostMicros", status`;

const PRODUCT_COLUMNS = `id::text AS id, org_id::text AS "orgId", name, manufacturer, category,
  base_unit AS "baseUnit", container_size_milli AS "containerSizeMilli",
  containers_per_pack AS "containersPerPack", gtins, patient_price_per_unit_cents AS "patientPricePerUnitCents",
  min_stock_milli AS "minStockMilli", beyond_use_hours AS "beyondUseHours", supplier`;

export class IntegrationStore {
  constructor(private readonly driver: SqlDriver) {}

  /** Balances per lot × location with their lot, product and location, optionally filtered. */
  stock(orgId: string, filter: StockFilter): Promise<StockRow[]> {
    return this.driver.query<StockRow>(
      `SELECT b.lot_id::text AS "lotId", b.location_id::text AS "locationId", loc.name AS "locationName",
         l.product_id::text AS "productId", p.name AS "productName", l.lot_number AS "lotNumber", l.expiry,
         l.unit_cost_micros AS "unitCostMicros", b.on_hand_milli AS "onHandMilli"
       FROM lot_balances b
       LEFT JOIN lots l ON l.id = b.lot_id AND l.org_id = b.org_id
       LEFT JOIN products p ON p.id = l.product_id AND p.org_id = b.org_id
       LEFT JOIN locations loc ON loc.id = b.location_id AND loc.org_id = b.org_id
       WHERE b.org_id = $1 AND ($2::uuid IS NULL OR b.location_id = $2::uuid)
         AND ($3::uuid IS NULL OR b.lot_id = $3::uuid)
       ORDER BY p.name NULLS LAST, l.expiry NULLS LAST, b.lot_id, b.location_id`,
      [orgId, filter.locationId, filter.lotId],
    );
  }

  /** Draw events (corrections included) naming `visitId`, in server order. */
  visitDraws(orgId: string, visitId: string): Promise<LedgerEvent[]> {
    return this.driver.query<LedgerEvent>(
      `SELECT ${EVENT_COLUMNS} FROM events
       WHERE org_id = $1 AND visit_id = $2 AND type = 'draw' ORDER BY seq`,
      [orgId, visitId],
    );
  }

  lots(orgId: string, ids: readonly string[]): Promise<Lot[]> {
    return this.driver.query<Lot>(
      `SELECT ${LOT_COLUMNS} FROM lots WHERE org_id = $1 AND id = ANY($2::uuid[])`,
      [orgId, [...ids]],
    );
  }

  products(orgId: string, ids: readonly string[]): Promise<Product[]> {
    return this.driver.query<Product>(
      `SELECT ${PRODUCT_COLUMNS} FROM products WHERE org_id = $1 AND id = ANY($2::uuid[])`,
      [orgId, [...ids]],
    );
  }

  /** Products whose gtins include `gtin14` (the GIN index answers `@>`). */
  productsByGtin(orgId: string, gtin14: string): Promise<Product[]> {
    return this.driver.query<Product>(
      `SELECT ${PRODUCT_COLUMNS} FROM products WHERE org_id = $1 AND gtins @> ARRAY[$2]::text[] ORDER BY name, id`,
      [orgId, gtin14],
    );
  }

  lotsByNumber(orgId: string, productIds: readonly string[], lotNumber: string): Promise<Lot[]> {
    return this.driver.query<Lot>(
      `SELECT ${LOT_COLUMNS} FROM lots
       WHERE org_id = $1 AND product_id = ANY($2::uuid[]) AND lot_number = $3 ORDER BY expiry, id`,
      [orgId, [...productIds], lotNumber],
    );
  }

  /** Draws from the lots that no correction of the same organization undoes, by device time. */
  receivedDraws(orgId: string, lotIds: readonly string[]): Promise<ReceivedDraw[]> {
    return this.driver.query<ReceivedDraw>(
      `SELECT d.id::text AS "eventId", d.visit_id::text AS "visitId", d.lot_id::text AS "lotId",
         d.location_id::text AS "locationId", -d.quantity_milli AS "quantityMilli", ${DEVICE_TIME} AS "deviceTime"
       FROM events d
       WHERE d.org_id = $1 AND d.lot_id = ANY($2::uuid[]) AND d.type = 'draw' AND d.corrects_id IS NULL
         AND d.visit_id IS NOT NULL
         AND NOT EXISTS (SELECT 1 FROM events c WHERE c.corrects_id = d.id AND c.org_id = d.org_id)
       ORDER BY d.device_time, d.id`,
      [orgId, [...lotIds]],
    );
  }

  balances(orgId: string, lotIds: readonly string[]): Promise<BalanceRow[]> {
    return this.driver.query<BalanceRow>(
      `SELECT lot_id::text AS "lotId", location_id::text AS "locationId", on_hand_milli AS "onHandMilli"
       FROM lot_balances WHERE org_id = $1 AND lot_id = ANY($2::uuid[]) ORDER BY lot_id, location_id`,
      [orgId, [...lotIds]],
    );
  }

  /** Purchase orders (records of kind purchase_orders), newest started first; one by id if given ([PO5]). */
  async purchaseOrders(orgId: string, id: string | null): Promise<PurchaseOrder[]> {
    const rows = await this.driver.query<{ id: string; data: Record<string, unknown> }>(
      `SELECT id::text AS id, data FROM records
       WHERE org_id = $1 AND kind = 'purchase_orders' AND ($2::uuid IS NULL OR id = $2::uuid)
       ORDER BY data->>'orderedOn' DESC, id`,
      [orgId, id],
    );
    return rows.map((r) => ({ ...withFieldDefaults('purchase_orders', r.data), id: r.id }) as PurchaseOrder);
  }

  /** Receive events (not corrections), in server order; only those against one order if given. */
  receives(orgId: string, purchaseOrderId: string | null): Promise<LedgerEvent[]> {
    return this.driver.query<LedgerEvent>(
      `SELECT ${EVENT_COLUMNS} FROM events
       WHERE org_id = $1 AND type = 'receive' AND corrects_id IS NULL
         AND ($2::text IS NULL OR payload->>'purchaseOrderId' = $2::text)
       ORDER BY seq`,
      [orgId, purchaseOrderId],
    );
  }

  /** The corrections of these events (what voids a receive). */
  corrections(orgId: string, eventIds: readonly string[]): Promise<Pick<LedgerEvent, 'correctsId'>[]> {
    return this.driver.query<Pick<LedgerEvent, 'correctsId'>>(
      `SELECT corrects_id::text AS "correctsId" FROM events WHERE org_id = $1 AND corrects_id = ANY($2::uuid[])`,
      [orgId, [...eventIds]],
    );
  }
}
