/**
 * ONE behavioural contract for the store, run against every backend (PGlite and PostgreSQL) so the
 * two can never drift apart. A backend supplies fresh, empty databases; see store.*.test.ts.
 */
import { receiptToEvent } from '../../src/domain/demo/events';
import { afterEach, describe, expect, it } from 'vitest';
import { buildDemoClinic, demoId, DEMO_IDS } from '../../src/domain/demo/clinic';
import type { SqlDriver, StoreKind } from '../../sync-server/src/store/driver';
import { MIGRATIONS, migrate, schemaVersion } from '../../sync-server/src/store/migrations';
import type { Migration } from '../../sync-server/src/store/migrations';
import { Store } from '../../sync-server/src/store/store';
import { reduceLedger } from '../../src/domain/ledger/reducer';

export interface TestDatabase {
  /** Opens a new driver on this database; call again after close() to test persistence. */
  open(): Promise<SqlDriver>;
}

export interface StoreBackend {
  kind: StoreKind;
  /** A new, empty database for one test. */
  createDatabase(): Promise<TestDatabase>;
}

const TODAY = '2025-06-15';
const FOUNDATION_TABLES = ['organizations', 'locations', 'staff', 'products', 'lots', 'events'];

/** Cheap fake hashes: the contract is about storage, not about PBKDF2 (tested in src/auth). */
function fakePinHashes(): Record<string, string> {
  return Object.fromEntries(buildDemoClinic(TODAY).staff.map((s) => [s.id, `test-hash-${s.demoPin}`]));
}

async function tableNames(driver: SqlDriver): Promise<string[]> {
  const rows = await driver.query<{ name: string }>(
    "SELECT table_name AS name FROM information_schema.tables WHERE table_schema = 'public' ORDER BY 1",
  );
  return rows.map((r) => r.name);
}

export function defineStoreContract(backend: StoreBackend): void {
  describe(`store contract (${backend.kind})`, () => {
    const open: SqlDriver[] = [];
    afterEach(async () => {
      await Promise.all(open.splice(0).map((d) => d.close().catch(() => undefined)));
    });

    async function fresh(): Promise<{ db: TestDatabase; driver: SqlDriver }> {
      const db = await backend.createDatabase();
      const driver = await db.open();
      open.push(driver);
      return { db, driver };
    }

    async function seeded(): Promise<{ db: TestDatabase; driver: SqlDriver; store: Store }> {
      const { db, driver } = await fresh();
      const store = new Store(driver);
      await store.migrate();
      await store.seedDemoClinic(buildDemoClinic(TODAY), fakePinHashes());
      return { db, driver, store };
    }

    it('reports its backend kind', async () => {
      const { driver } = await fresh();
      expect(driver.kind).toBe(backend.kind);
    });

    it('[SV5] returns bigint as number (BigInt beyond 2^53), date as YYYY-MM-DD, jsonb and arrays parsed', async () => {
      const { driver } = await fresh();
      const [row] = await driver.query<Record<string, unknown>>(
        `SELECT 42::bigint AS small, 9007199254740993::bigint AS big, DATE '2025-03-01' AS d,
                '{"a":1}'::jsonb AS j, ARRAY['x','y']::text[] AS arr, now() AS ts`,
      );
      expect(row).toMatchObject({
        small: 42,
        big: 9007199254740993n,
        d: '2025-03-01',
        j: { a: 1 },
        arr: ['x', 'y'],
      });
      expect(row?.ts).toBeInstanceOf(Date);
    });

    it('[SV1] applies all migrations to an empty database', async () => {
      const { driver } = await fresh();
      expect(await schemaVersion(driver)).toBe(0);
      expect(await migrate(driver)).toEqual(MIGRATIONS.map((m) => m.id));
      expect(await tableNames(driver)).toEqual(
        expect.arrayContaining([...FOUNDATION_TABLES, 'schema_migrations']),
      );
      expect(await schemaVersion(driver)).toBe(MIGRATIONS.at(-1)?.id);
    });

    it('[SV1] migrating twice is a no-op', async () => {
      const { driver } = await fresh();
      await migrate(driver);
      expect(await migrate(driver)).toEqual([]);
      const rows = await driver.query<{ n: number }>('SELECT count(*)::integer AS n FROM schema_migrations');
      expect(rows[0]?.n).toBe(MIGRATIONS.length);
    });

    it('[SV1] a failing migration rolls back the whole run: no partial tables, no recorded version', async () => {
      const { driver } = await fresh();
      const bad: Migration[] = [
        { id: 1, name: 'good', sql: 'CREATE TABLE widgets (id integer PRIMARY KEY);' },
        { id: 2, name: 'broken', sql: 'CREATE TABLE gadgets (id integer); SELECT * FROM no_such_table;' },
      ];
      await expect(migrate(driver, bad)).rejects.toThrow(/migration 2 \(broken\) failed/);
      expect(await tableNames(driver)).toEqual([]);
      expect(await schemaVersion(driver)).toBe(0);
    });

    it('rejects a migration list that is not in increasing id order', async () => {
      const { driver } = await fresh();
      const list: Migration[] = [
        { id: 2, name: 'b', sql: 'SELECT 1' },
        { id: 1, name: 'a', sql: 'SELECT 1' },
      ];
      await expect(migrate(driver, list)).rejects.toThrow(/must increase/);
    });

    it('[SV2] concurrent migrate() calls on one driver both succeed and apply each migration once', async () => {
      const { driver } = await fresh();
      const results = await Promise.all([migrate(driver), migrate(driver)]);
      // Numerically: migration 10 sorts after 9, not after 1.
      expect(results.flat().sort((a, b) => a - b)).toEqual(MIGRATIONS.map((m) => m.id));
    });

    it('[DB3] seeds the demo clinic; seeding twice leaves the same counts', async () => {
      const { store } = await seeded();
      const clinic = buildDemoClinic(TODAY);
      const expected = {
        locations: clinic.locations.length,
        staff: clinic.staff.length,
        products: clinic.products.length,
        lots: clinic.lots.length,
        events: clinic.receipts.length,
      };
      expect(await store.summary(DEMO_IDS.organization)).toEqual(expected);
      await store.seedDemoClinic(buildDemoClinic('2030-01-01'), fakePinHashes());
      expect(await store.summary(DEMO_IDS.organization)).toEqual(expected);
      expect(await store.listOrganizations()).toEqual([clinic.organization]);
    });

    it('[DB3][SV11] stores receipts as the same receive events the tablet loads', async () => {
      const { driver } = await seeded();
      const clinic = buildDemoClinic(TODAY);
      const receipt = clinic.receipts[0];
      if (!receipt) throw new Error('demo clinic has no receipts');
      const rows = await driver.query<Record<string, unknown>>(
        `SELECT id, org_id, type, lot_id, location_id, quantity_milli, actor_id, device_id, device_time,
                visit_id, corrects_id, container_id, payload FROM events WHERE id = $1`,
        [receipt.id],
      );
      const e = receiptToEvent(receipt, clinic.organization.id);
      expect(rows).toEqual([
        {
          id: e.id,
          org_id: e.orgId,
          type: 'receive',
          lot_id: e.lotId,
          location_id: e.locationId,
          quantity_milli: receipt.quantityMilli,
          actor_id: e.actorId,
          device_id: e.deviceId,
          device_time: new Date(e.deviceTime),
          visit_id: null,
          corrects_id: null,
          container_id: null,
          payload: { supplier: receipt.supplier, purchaseOrder: receipt.purchaseOrder },
        },
      ]);
    });

    it('[A1] stores PIN hashes, never plain PINs', async () => {
      const { driver } = await seeded();
      const rows = await driver.query<{ pin_hash: string }>('SELECT pin_hash FROM staff ORDER BY id');
      expect(rows.map((r) => r.pin_hash)).toEqual(
        buildDemoClinic(TODAY).staff.map((s) => `test-hash-${s.demoPin}`),
      );
    });

    it('refuses a seed without a PIN hash for every staff member, writing nothing', async () => {
      const { driver } = await fresh();
      const store = new Store(driver);
      await store.migrate();
      await expect(store.seedDemoClinic(buildDemoClinic(TODAY), {})).rejects.toThrow(/no PIN hash/);
      expect(await store.listOrganizations()).toEqual([]);
    });

    it('[SV3] rejects a duplicate event id', async () => {
      const { driver } = await seeded();
      const receipt = buildDemoClinic(TODAY).receipts[0];
      await expect(
        driver.query("INSERT INTO events (id, org_id, type) VALUES ($1, $2, 'receive')", [
          receipt?.id,
          DEMO_IDS.organization,
        ]),
      ).rejects.toThrow(/duplicate key|unique/i);
    });

    it('[L1] keeps the event ledger append-only: UPDATE and DELETE are refused', async () => {
      const { driver } = await seeded();
      await expect(driver.query('UPDATE events SET quantity_milli = 0')).rejects.toThrow(/append-only/);
      await expect(driver.query('DELETE FROM events')).rejects.toThrow(/append-only/);
    });

    it('enforces the staff role CHECK and the unique lot number per product', async () => {
      const { driver } = await seeded();
      await expect(
        driver.query(
          "INSERT INTO staff (id, org_id, name, role, pin_hash) VALUES ($1, $2, 'X', 'owner', 'h')",
          [demoId(3, 99), DEMO_IDS.organization],
        ),
      ).rejects.toThrow(/check constraint/i);
      const lot = buildDemoClinic(TODAY).lots[0];
      await expect(
        driver.query(
          `INSERT INTO lots (id, org_id, product_id, lot_number, expiry, unit_cost_micros)
           VALUES ($1, $2, $3, $4, '2030-01-01', 1)`,
          [demoId(5, 99), lot?.orgId, lot?.productId, lot?.lotNumber],
        ),
      ).rejects.toThrow(/duplicate key|unique/i);
    });

    it('orders events by a server sequence', async () => {
      const { driver } = await seeded();
      const rows = await driver.query<{ seq: number; id: string }>('SELECT seq, id FROM events ORDER BY seq');
      expect(rows.map((r) => r.id)).toEqual(buildDemoClinic(TODAY).receipts.map((r) => r.id));
      expect(rows.every((r) => typeof r.seq === 'number')).toBe(true);
    });

    it('[SV4] keeps data after closing and reopening', async () => {
      const { db, driver, store } = await seeded();
      const before = await store.summary(DEMO_IDS.organization);
      await driver.close();
      const reopened = await db.open();
      open.push(reopened);
      const again = new Store(reopened);
      expect(await again.schemaVersion()).toBe(MIGRATIONS.at(-1)?.id);
      expect(await again.migrate()).toEqual([]);
      expect(await again.summary(DEMO_IDS.organization)).toEqual(before);
    });

    it('[S5] creates the epoch once with the database; it survives reopening', async () => {
      const { db, driver, store } = await seeded();
      const epoch = await store.events.epoch();
      expect(epoch).toMatch(/^[0-9a-f-]{36}$/);
      await driver.close();
      const reopened = await db.open();
      open.push(reopened);
      expect(await new Store(reopened).events.epoch()).toBe(epoch);
      const other = await fresh();
      await migrate(other.driver);
      expect(await new Store(other.driver).events.epoch()).not.toBe(epoch);
    });

    it('[S8] the seed keeps lot_balances equal to the reducer over the stored events', async () => {
      const { store } = await seeded();
      const clinic = buildDemoClinic(TODAY);
      const expected = reduceLedger(clinic.receipts.map((r) => receiptToEvent(r, clinic.organization.id)));
      const key = (b: { lotId: string; locationId: string }) => `${b.lotId}|${b.locationId}`;
      const actual = await store.events.balances(DEMO_IDS.organization);
      expect(new Map(actual.map((b) => [key(b), b]))).toEqual(
        new Map([...expected.lots.values()].map((b) => [key(b), b])),
      );
    });

    it('ping() succeeds on an open store and fails once closed', async () => {
      const { driver } = await fresh();
      const store = new Store(driver);
      await expect(store.ping()).resolves.toBeUndefined();
      await store.close();
      await expect(store.ping()).rejects.toThrow();
    });
  });
}
