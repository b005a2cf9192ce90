/**
 * A simulated tablet for sync tests: the app's real RxDB database (Dexie over fake-indexeddb), the
 * demo clinic loaded as a fresh tablet would, and the app's real sync client over real HTTP.
 */
import { randomUUID } from 'node:crypto';
import { IDBFactory } from 'fake-indexeddb';
import type { ChairsideDatabase } from '../../src/db/collections';
import { openDatabase, type OpenOptions } from '../../src/db/database';
import { loadDemoClinic } from '../../src/db/demo';
import { recordEvents } from '../../src/db/repositories/balances';
import { lookupFefo } from '../../src/db/repositories/fefo';
import { saveRecords } from '../../src/db/repositories/records';
import { saveVisit } from '../../src/db/repositories/visits';
import { testStorage } from '../../src/db/testing';
import { buildDemoClinic } from '../../src/domain/demo/clinic';
import { lotIdFor } from '../../src/domain/replica';
import type { LedgerEvent, Lot, Product, Visit } from '../../src/domain/model';
import { buildDrawEvents } from '../../src/domain/treatment/draw';
import type { SyncError } from '../../src/sync/api';
import { connect, type RunningSync } from '../../src/sync/connection';
import { deriveApprovalKey } from '../../src/auth/approval';
import { ORG, MAIN, STAFF, TEST_PIN_ITERATIONS, TODAY } from '../server/sync-harness';

export interface Tablet {
  name: string;
  db: ChairsideDatabase;
  deviceId: string;
  errors: SyncError[];
  sync: RunningSync | null;
  connect(baseUrl: string, token: string): void;
  disconnect(): Promise<void>;
  /** Records a draw for a new visit with the FEFO suggestion (or `lotId`), as the Treat screen does. */
  draw(units: number, actorId?: string): Promise<LedgerEvent[]>;
  /** A manager edits a lot on this tablet (status, cost…), as the catalog screens do ([MD9]). */
  editLot(lotId: string, changes: Partial<Lot>, actorId?: string): Promise<void>;
  /** A new lot read off a carton ([MD4]: its id comes from product + lot number); returns the id. */
  createLot(
    lot: Pick<Lot, 'productId' | 'lotNumber' | 'expiry' | 'unitCostMicros'>,
    actorId?: string,
  ): Promise<string>;
  /** The tablet's clock jumps (as after a wrong manual setting): `ms` off the real time from now on. */
  setClockOffset(ms: number): void;
  close(): Promise<void>;
}

export const BOTOX = buildDemoClinic(TODAY).products[0] as Product;

export interface TabletOptions {
  /** How far this tablet's clock is off (ms, + ahead): every time it reads comes from that clock. */
  clockOffsetMs?: number;
  /** Its disk (tablet-disk.ts); a fresh in-memory IndexedDB by default. */
  storage?: OpenOptions['storage'];
  /** The tablet's device id, kept when a crashed tablet reopens ([DB1]). */
  deviceId?: string;
  /** Reopening after a crash: the disk already holds the demo clinic and the tablet's work. */
  reopen?: boolean;
}

/** `today` must be the server's demo date, so both hold the same demo events (same ids, same content). */
export async function openTablet(
  name: string,
  today = TODAY,
  /** PBKDF2 iterations of the server's approval keys: the harness's, or the real server's default. */
  pinIterations = TEST_PIN_ITERATIONS,
  options: TabletOptions = {},
): Promise<Tablet> {
  const storage = options.storage ?? testStorage(new IDBFactory()).storage;
  const db = await openDatabase({ name: `tablet-${name}`, storage });
  if (!options.reopen) await loadDemoClinic(db, { today, hashPin: async (pin) => `test$${pin}` });
  const deviceId = options.deviceId ?? `tablet-${name}-${randomUUID().slice(0, 8)}`;
  let offset = options.clockOffsetMs ?? 0;
  const now = () => Date.now() + offset;
  const tablet: Tablet = {
    name,
    db,
    deviceId,
    errors: [],
    sync: null,
    connect(baseUrl, token) {
      tablet.sync = connect(
        db,
        { baseUrl, token, fetch: (...args) => fetch(...args) },
        deviceId,
        {
          onLive: () => undefined,
          onOffline: () => undefined,
          onPulled: () => undefined,
          onError: (e) => tablet.errors.push(e),
        },
        now,
      );
    },
    async disconnect() {
      await tablet.sync?.stop();
      tablet.sync = null;
    },
    async draw(units, actorId = STAFF.injector) {
      const visit: Visit = {
        id: randomUUID(),
        orgId: ORG,
        locationId: MAIN,
        patientChartRef: `CH-${name}`,
        providerId: actorId,
        treatmentAreas: ['Glabella'],
        priceChargedCents: null,
        startedAt: new Date(now()).toISOString(),
        deviceId,
      };
      await saveVisit(db, visit);
      const ranking = await lookupFefo(db, {
        product: BOTOX,
        locationId: MAIN,
        nowMs: Date.parse(`${today}T12:00:00Z`),
        utcOffsetMinutes: 0,
      });
      if (!ranking.suggestion) throw new Error('no FEFO suggestion for Botox');
      const events = buildDrawEvents({
        product: BOTOX,
        visit,
        candidate: ranking.suggestion,
        quantityMilli: units * 1000,
        actorId,
        deviceId,
        deviceTime: new Date(now()).toISOString(),
        newId: () => randomUUID(),
        deviationReason: null,
        override: null,
      });
      await recordEvents(db, events);
      return events;
    },
    async editLot(lotId, changes, actorId = STAFF.manager) {
      const doc = await db.lots.findOne(lotId).exec();
      if (!doc) throw new Error(`no lot ${lotId} on ${name}`);
      const { clocks: _clocks, editor: _editor, ...lot } = doc.toMutableJSON();
      // A manager or admin proves the edit with the key their demo PIN derives, as at the pad ([A5]),
      // at the iteration count of the server's keys.
      const person = buildDemoClinic(today).staff.find((p) => p.id === actorId);
      const approves = person?.role === 'manager' || person?.role === 'admin';
      const approvalKey = approves
        ? await deriveApprovalKey(person.demoPin, ORG, actorId, pinIterations)
        : undefined;
      await saveRecords(db, 'lots', [{ ...lot, ...changes }], {
        deviceId,
        actorId,
        nowMs: now(),
        approvalKey,
      });
    },
    async createLot(fields, actorId = STAFF.injector) {
      const id = lotIdFor(ORG, fields.productId, fields.lotNumber);
      const lot = { id, orgId: ORG, status: 'available' as const, ...fields };
      await saveRecords(db, 'lots', [lot], { deviceId, actorId, nowMs: now() });
      return id;
    },
    setClockOffset(ms) {
      offset = ms;
    },
    async close() {
      await tablet.disconnect();
      await db.close();
    },
  };
  return tablet;
}
