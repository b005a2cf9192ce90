import { IDBFactory } from 'fake-indexeddb';
import { afterEach, describe, expect, it } from 'vitest';
import { buildDemoClinic } from '../domain/demo/clinic';
import type { LedgerEvent } from '../domain/model';
import { COLLECTIONS, RXDB_OPEN_CORE_COLLECTION_LIMIT, type ChairsideDatabase } from './collections';
import { openDatabase } from './database';
import { loadDemoClinic } from './demo';
import { catalogCounts } from './repositories/catalog';
import { appendEvents } from './repositories/events';
import { ensureDeviceId } from './repositories/settings';
import { openTestDatabase, testStorage } from './testing';

const open: ChairsideDatabase[] = [];
afterEach(async () => {
  await Promise.all(open.splice(0).map((db) => db.close()));
});

async function freshDb() {
  const { db, indexedDB } = await openTestDatabase();
  open.push(db);
  return { db, indexedDB };
}

const fakeHash = async (pin: string) => `test$${pin}`;

function event(overrides: Partial<LedgerEvent> = {}): LedgerEvent {
  return {
    id: '0190a000-0000-7000-8000-00000000f001',
    orgId: 'org',
    type: 'receive',
    lotId: 'lot',
    locationId: 'loc',
    quantityMilli: 100_000,
    actorId: 'staff',
    deviceId: 'device-1',
    deviceTime: '2026-11-23T10:00:00.000Z',
    visitId: null,
    containerId: null,
    correctsId: null,
    payload: {},
    ...overrides,
  };
}

describe('local database', () => {
  it('[DB2] plans at most 13 collections (RxDB open core limit)', () => {
    expect(Object.keys(COLLECTIONS).length).toBeLessThanOrEqual(RXDB_OPEN_CORE_COLLECTION_LIMIT);
  });

  it('[DB3] loads the demo clinic idempotently', async () => {
    const { db } = await freshDb();
    const clinic = buildDemoClinic('2026-11-23');
    await loadDemoClinic(db, { today: '2026-11-23', hashPin: fakeHash });
    await loadDemoClinic(db, { today: '2026-11-23', hashPin: fakeHash });
    expect(await catalogCounts(db)).toEqual({
      locations: clinic.locations.length,
      staff: clinic.staff.length,
      products: clinic.products.length,
      lots: clinic.lots.length,
      events: clinic.receipts.length,
    });
    const staff = await db.staff.findOne(clinic.staff[0]?.id).exec();
    expect(staff?.pinHash).toBe(`test$${clinic.staff[0]?.demoPin}`);
  });

  it('[L2] refuses to edit or delete a ledger event', async () => {
    const { db } = await freshDb();
    await appendEvents(db, [event()]);
    const doc = await db.events.findOne(event().id).exec();
    await expect(doc?.incrementalPatch({ quantityMilli: 1 })).rejects.toThrow(/immutable/);
    await expect(doc?.remove()).rejects.toThrow(/never deleted/);
    expect((await db.events.findOne(event().id).exec())?.quantityMilli).toBe(100_000);
  });

  it('[L3] a second delivery of the same event id is a no-op', async () => {
    const { db } = await freshDb();
    expect(await appendEvents(db, [event()])).toEqual({ inserted: [event()], alreadyPresent: [] });
    const again = await appendEvents(db, [
      event({ quantityMilli: 5 }),
      event({ id: '0190a000-0000-7000-8000-00000000f002' }),
    ]);
    expect(again.inserted.map((e) => e.id)).toEqual(['0190a000-0000-7000-8000-00000000f002']);
    expect(again.alreadyPresent).toEqual([event().id]);
    expect((await db.events.findOne(event().id).exec())?.quantityMilli).toBe(100_000);
  });

  it('[L3] the same id twice in one batch counts once (pinned regression from the balance property)', async () => {
    const { db } = await freshDb();
    const result = await appendEvents(db, [event(), event()]);
    expect(result.inserted).toHaveLength(1);
    expect(result.alreadyPresent).toEqual([event().id]);
  });

  it('[DB4] rejects a document that breaks its schema', async () => {
    const { db } = await freshDb();
    await expect(appendEvents(db, [event({ quantityMilli: 1.5 })])).rejects.toThrow();
  });

  it('[DB1] keeps data across close and reopen, and the device id is stable', async () => {
    const indexedDB = new IDBFactory();
    const first = await openDatabase({ name: 'reopen', storage: testStorage(indexedDB).storage });
    const deviceId = await ensureDeviceId(first, () => 'device-A');
    await appendEvents(first, [event()]);
    await first.close();
    const second = await openDatabase({ name: 'reopen', storage: testStorage(indexedDB).storage });
    open.push(second);
    expect(await ensureDeviceId(second, () => 'device-B')).toBe(deviceId);
    expect(await second.events.count().exec()).toBe(1);
  });
});
