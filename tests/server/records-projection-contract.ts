/** Records → typed tables (SPEC [MD8]) and migration 4's backfill ([SV1], [MD1]) on every backend. */
import { describe, expect, it } from 'vitest';
import { buildDemoClinic } from '../../src/domain/demo/clinic';
import { checkRecordData, isHlc, isRecordKind } from '../../src/domain/replica';
import type { SqlDriver } from '../../sync-server/src/store/driver';
import { migrate, MIGRATIONS } from '../../sync-server/src/store/migrations';
import { demoRecords } from '../../sync-server/src/store/seed';
import type { StoreBackend } from './backends';
import {
  clock,
  created,
  edited,
  harnessPerTest,
  newLot,
  newId,
  productData,
  pulledOne,
  pushRecords,
  withApproval,
} from './records-fixtures';
import { deviceHeaders, LOTS, serverEvent, STAFF, TODAY } from './sync-harness';
import type { Device, Harness } from './sync-harness';

const GTIN = '00099000000998';

async function typedLots(h: Harness, lotNumber: string): Promise<{ id: string; status: string }[]> {
  return h.store.driver.query('SELECT id::text AS id, status FROM lots WHERE lot_number = $1 ORDER BY id', [
    lotNumber,
  ]);
}

async function get<T>(h: Harness, device: Device, url: string): Promise<T> {
  const res = await h.app.inject({ method: 'GET', url, headers: deviceHeaders(device.token) });
  if (res.statusCode !== 200) throw new Error(`${url}: ${res.statusCode} ${res.body}`);
  return res.json<T>();
}

/** The demo's master data as migration 3 left it: typed rows only, no records. */
async function insertTypedDemo(driver: SqlDriver): Promise<void> {
  const c = buildDemoClinic(TODAY);
  const q = (sql: string, params: unknown[]) => driver.query(sql, params);
  await q('INSERT INTO organizations (id, name) VALUES ($1, $2)', [c.organization.id, c.organization.name]);
  for (const l of c.locations)
    await q('INSERT INTO locations VALUES ($1, $2, $3, $4)', [l.id, l.orgId, l.name, l.storage]);
  for (const s of c.staff)
    await q('INSERT INTO staff VALUES ($1, $2, $3, $4, $5, $6)', [
      s.id,
      s.orgId,
      s.name,
      s.role,
      s.locationIds,
      `h-${s.id}`,
    ]);
  for (const p of c.products)
    await q('INSERT INTO products VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13)', [
      ...[p.id, p.orgId, p.name, p.manufacturer, p.category, p.baseUnit, p.containerSizeMilli],
      ...[
        p.containersPerPack,
        p.gtins,
        p.patientPricePerUnitCents,
        p.minStockMilli,
        p.beyondUseHours,
        p.supplier,
      ],
    ]);
  for (const l of c.lots)
    await q('INSERT INTO lots VALUES ($1, $2, $3, $4, $5, $6, $7)', [
      ...[l.id, l.orgId, l.productId, l.lotNumber, l.expiry, l.unitCostMicros, l.status],
    ]);
}

export function defineRecordsProjectionContract(backend: StoreBackend): void {
  describe(`records projection (${backend.kind})`, () => {
    const harness = harnessPerTest(backend);

    it('[MD8] a pushed product and lot appear in the typed tables, GET /api/v1/stock and /api/v1/recall', async () => {
      const h = await harness();
      const device = await h.enroll();
      const productId = newId();
      const lot = newLot({ productId }, clock(1), STAFF.injector);
      const product = created('products', productId, productData(), clock(1), STAFF.admin);
      // The lot comes first in the batch; products are projected before lots.
      expect((await pushRecords(h, device, [lot, product])).json()).toEqual({
        changed: [lot.id, productId],
        unchanged: [],
      });
      expect(await typedLots(h, 'NEW123')).toEqual([{ id: lot.id, status: 'available' }]);
      expect(
        (await h.push(device, [serverEvent({ lotId: lot.id, quantityMilli: 200_000 })])).statusCode,
      ).toBe(200);
      const { stock } = await get<{ stock: Record<string, unknown>[] }>(
        h,
        device,
        `/api/v1/stock?lotId=${lot.id}`,
      );
      expect(stock).toEqual([
        expect.objectContaining({
          productName: 'Daxxify 100 U',
          lotNumber: 'NEW123',
          expiry: '2026-01-31',
          unitCostMicros: 6_000_000,
          onHandMilli: 200_000,
          valueCents: 120_000,
        }),
      ]);
      const copy = await pulledOne(h, device, 'lots', lot.id);
      await pushRecords(h, device, [
        await withApproval(edited(copy, { status: 'recalled' }, clock(2), STAFF.manager)),
      ]);
      const recall = await get<{ products: { id: string }[]; lots: { id: string; status: string }[] }>(
        h,
        device,
        `/api/v1/recall?gtin=${GTIN}&lot=NEW123`,
      );
      expect(recall.products.map((p) => p.id)).toEqual([productId]);
      expect(recall.lots).toEqual([expect.objectContaining({ id: lot.id, status: 'recalled' })]);
    });

    it('[MD8] a lot with another id for a stored product and lot number is kept as a record; its projection is skipped', async () => {
      const h = await harness();
      const device = await h.enroll();
      const twin = newLot({ lotNumber: 'C8123AC4' }, clock(1), STAFF.manager);
      expect((await pushRecords(h, device, [twin])).json()).toEqual({ changed: [twin.id], unchanged: [] });
      expect((await pulledOne(h, device, 'lots', twin.id)).data.lotNumber).toBe('C8123AC4');
      expect(await typedLots(h, 'C8123AC4')).toEqual([{ id: LOTS[0], status: 'available' }]);
      const hold = await withApproval(
        edited(await pulledOne(h, device, 'lots', twin.id), { status: 'hold' }, clock(2), STAFF.manager),
      );
      expect((await pushRecords(h, device, [hold])).statusCode).toBe(200);
      expect(await typedLots(h, 'C8123AC4')).toEqual([{ id: LOTS[0], status: 'available' }]);
    });

    it('[MD8] a lot that arrives before its product is projected when the product arrives', async () => {
      const h = await harness();
      const device = await h.enroll();
      const productId = newId();
      const lot = newLot({ productId, lotNumber: 'EARLY1' }, clock(1), STAFF.injector);
      expect((await pushRecords(h, device, [lot])).statusCode).toBe(200);
      expect(await typedLots(h, 'EARLY1')).toEqual([]);
      const product = created('products', productId, productData({ gtins: [] }), clock(2), STAFF.manager);
      expect((await pushRecords(h, device, [product])).statusCode).toBe(200);
      expect(await typedLots(h, 'EARLY1')).toEqual([{ id: lot.id, status: 'available' }]);
      // A product edit later does not disturb the projected lot.
      const renamed = edited(
        await pulledOne(h, device, 'products', productId),
        { name: 'X' },
        clock(3),
        STAFF.admin,
      );
      expect((await pushRecords(h, device, [renamed])).statusCode).toBe(200);
      const [row] = await h.store.driver.query<{ name: string }>('SELECT name FROM products WHERE id = $1', [
        productId,
      ]);
      expect(row?.name).toBe('X');
    });

    it('[SV1][MD1] migration 4 turns master data already in the typed tables into valid, fully clocked records', async () => {
      const driver = await (await backend.createDatabase()).open();
      try {
        await migrate(driver, MIGRATIONS.slice(0, 3));
        await insertTypedDemo(driver);
        expect(await migrate(driver, MIGRATIONS.slice(0, 4))).toEqual([4]);
        const rows = await driver.query<{
          kind: string;
          id: string;
          data: Record<string, unknown>;
          clocks: object;
        }>('SELECT kind, id::text AS id, data, clocks FROM records ORDER BY seq');
        const clinic = buildDemoClinic(TODAY);
        const hashes = Object.fromEntries(clinic.staff.map((s) => [s.id, `h-${s.id}`]));
        // The same data the seed writes today (the seed's clocks differ: node and time).
        const seeded = demoRecords(clinic, hashes, 0);
        // Fields added later ([MD10]) have no typed column, so the backfill cannot carry them.
        const withoutLaterFields = (kind: string, data: Record<string, unknown>) => {
          const { hibccCodes: _later, drawStepMilli: _step, ...rest } = data;
          if (kind !== 'products') return rest;
          const {
            archived: _a,
            family: _f,
            reorderQuantityMilli: _r,
            preferredSupplierId: _s,
            ...fields
          } = rest;
          return fields;
        };
        expect(rows.map(({ kind, id, data }) => ({ kind, id, data }))).toEqual(
          seeded.map(({ kind, id, data }) => ({ kind, id, data: withoutLaterFields(kind, data) })),
        );
        for (const r of rows) {
          if (!isRecordKind(r.kind)) throw new Error(r.kind);
          expect(checkRecordData(r.kind, r.data), r.id).toBeNull();
          expect(Object.keys(r.clocks).sort()).toEqual(Object.keys(r.data).sort());
          for (const c of Object.values(r.clocks))
            expect(isHlc(c) && c.endsWith('-000000-server-migration')).toBe(true);
        }
      } finally {
        await driver.close();
      }
    });
  });
}
