/**
 * Writes the demo clinic (src/domain/demo/clinic.ts) into the store. Idempotent: every insert is
 * ON CONFLICT DO NOTHING on the record's fixed demo id, so seeding twice changes nothing, and a
 * clinic already seeded on an earlier day keeps its original dates.
 */
import type { DemoClinic } from '../../../src/domain/demo/clinic';
import { receiptToEvent } from '../../../src/domain/demo/events';
import type { SqlExecutor } from './driver';
import { appendEvents } from './event-store';

/** Staff id → encoded PIN hash (src/auth/pin.ts). Plain PINs never reach the database. */
export type PinHashes = Readonly<Record<string, string>>;

export async function insertDemoClinic(
  tx: SqlExecutor,
  clinic: DemoClinic,
  pinHashes: PinHashes,
): Promise<void> {
  const org = clinic.organization;
  await tx.query('INSERT INTO organizations (id, name) VALUES ($1, $2) ON CONFLICT DO NOTHING', [
    org.id,
    org.name,
  ]);
  for (const l of clinic.locations) {
    await tx.query(
      'INSERT INTO locations (id, org_id, name, storage) VALUES ($1, $2, $3, $4) ON CONFLICT DO NOTHING',
      [l.id, l.orgId, l.name, l.storage],
    );
  }
  for (const s of clinic.staff) {
    const pinHash = pinHashes[s.id];
    if (!pinHash) throw new Error(`no PIN hash given for demo staff ${s.name} (${s.id})`);
    await tx.query(
      `INSERT INTO staff (id, org_id, name, role, location_ids, pin_hash)
       VALUES ($1, $2, $3, $4, $5, $6) ON CONFLICT DO NOTHING`,
      [s.id, s.orgId, s.name, s.role, s.locationIds, pinHash],
    );
  }
  for (const p of clinic.products) {
    await tx.query(
      `INSERT INTO products (id, org_id, name, manufacturer, category, base_unit, container_size_milli,
         containers_per_pack, gtins, patient_price_per_unit_cents, min_stock_milli, beyond_use_hours, supplier)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13) ON CONFLICT DO NOTHING`,
      [
        p.id,
        p.orgId,
        p.name,
        p.manufacturer,
        p.category,
        p.baseUnit,
        p.containerSizeMilli,
        p.containersPerPack,
        p.gtins,
        p.patientPricePerUnitCents,
        p.minStockMilli,
        p.beyondUseHours,
        p.supplier,
      ],
    );
  }
  for (const lot of clinic.lots) {
    await tx.query(
      `INSERT INTO lots (id, org_id, product_id, lot_number, expiry, unit_cost_micros, status)
       VALUES ($1, $2, $3, $4, $5, $6, $7) ON CONFLICT DO NOTHING`,
      [lot.id, lot.orgId, lot.productId, lot.lotNumber, lot.expiry, lot.unitCostMicros, lot.status],
    );
  }
  // The same definition the tablet's demo loader uses (SPEC [SV11]); the receipt id doubles as the
  // event id, which is what makes re-seeding a no-op. appendEvents also keeps lot_balances ([S8]).
  await appendEvents(
    tx,
    org.id,
    clinic.receipts.map((r) => receiptToEvent(r, org.id)),
  );
}
