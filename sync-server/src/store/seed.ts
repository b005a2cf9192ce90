/**
 * Writes the demo clinic (src/domain/demo/clinic.ts) into the store. Idempotent: every insert is
 * ON CONFLICT DO NOTHING on the record's fixed demo id, so seeding twice changes nothing, and a
 * clinic already seeded on an earlier day keeps its original dates (and its records their clocks).
 *
 * The master data is written twice: to the typed tables and as replicated records ([MD1]), so a
 * new tablet pulls locations, staff, products and lots. Record clocks come from node "server-seed"
 * at the seed time: any later edit on a tablet wins ([MD3]).
 */
import type { DemoClinic } from '../../../src/domain/demo/clinic';
import { receiptToEvent } from '../../../src/domain/demo/events';
import { buildDemoTemplates } from '../../../src/domain/demo/templates';
import { stampEdit, tickHlc } from '../../../src/domain/replica';
import type { RecordData, RecordKind } from '../../../src/domain/replica';
import type { SqlExecutor } from './driver';
import { appendEvents } from './event-store';
import { lockOrgRecords, writeRecords } from './record-store';
import type { RecordWrite } from './record-store';

/** Staff id → encoded PIN hash (src/auth/pin.ts). Plain PINs never reach the database. */
export type PinHashes = Readonly<Record<string, string>>;

/** The HLC node of records the seed writes. */
export const SEED_NODE = 'server-seed';

/** The demo's locations, staff (PIN hashes, never PINs), products and lots as records. */
export function demoRecords(clinic: DemoClinic, pinHashes: PinHashes, seedMs: number): RecordWrite[] {
  let clock: string | null = null;
  const records: RecordWrite[] = [];
  const add = (kind: RecordKind, id: string, data: RecordData): void => {
    clock = tickHlc(clock, seedMs, SEED_NODE);
    const stamped = stampEdit(null, id, data, clock);
    records.push({ kind, id, data: stamped.data, clocks: stamped.clocks, actorId: null });
  };
  for (const { id, ...data } of clinic.locations) add('locations', id, data);
  for (const s of clinic.staff) {
    const pinHash = pinHashes[s.id];
    if (!pinHash) throw new Error(`no PIN hash given for demo staff ${s.name} (${s.id})`);
    const { orgId, name, role, locationIds } = s;
    add('staff', s.id, { orgId, name, role, locationIds, pinHash });
  }
  for (const { id, ...data } of clinic.products) add('products', id, data);
  for (const { id, ...data } of clinic.lots) add('lots', id, data);
  return records;
}

/**
 * The demo's treatment templates ([TT1]) as records, stamped like the rest of the seed. Records
 * only: templates have no typed table.
 */
export function demoTemplateRecords(seedMs: number): RecordWrite[] {
  let clock: string | null = null;
  return buildDemoTemplates().map(({ id, ...data }) => {
    clock = tickHlc(clock, seedMs, SEED_NODE);
    const stamped = stampEdit(null, id, data, clock);
    return { kind: 'treatment_templates', id, data: stamped.data, clocks: stamped.clocks, actorId: null };
  });
}

export async function insertDemoClinic(
  tx: SqlExecutor,
  clinic: DemoClinic,
  pinHashes: PinHashes,
  seedTime: Date = new Date(),
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
  await lockOrgRecords(tx, org.id);
  const seedMs = seedTime.getTime();
  await writeRecords(
    tx,
    org.id,
    [...demoRecords(clinic, pinHashes, seedMs), ...demoTemplateRecords(seedMs)],
    'keep',
  );
  // The same definition the tablet's demo loader uses (SPEC [SV11]); the receipt id doubles as the
  // event id, which is what makes re-seeding a no-op. appendEvents also keeps lot_balances ([S8]).
  await appendEvents(
    tx,
    org.id,
    clinic.receipts.map((r) => receiptToEvent(r, org.id)),
  );
}
