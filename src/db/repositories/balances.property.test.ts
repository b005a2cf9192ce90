import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { makeCorrection } from '../../domain/ledger/correction';
import { makeEvent } from '../../domain/ledger/fixtures';
import type { LedgerEvent } from '../../domain/model';
import { openTestDatabase, reopenTestDatabase } from '../testing';
import { currentBalance, diffAgainstReducer, flushBalances, recordEvents } from './balances';

const LOTS = ['lot-a', 'lot-b'];
const LOCATIONS = ['loc-1', 'loc-2'];

/** A small realistic ledger: receipts, opened vials, draws from them, some undone. */
const ledgerArb = fc
  .array(
    fc.record({
      lot: fc.constantFrom(...LOTS),
      location: fc.constantFrom(...LOCATIONS),
      draws: fc.array(fc.integer({ min: 1, max: 60 }), { maxLength: 3 }),
      undoFirstDraw: fc.boolean(),
      undoOpen: fc.boolean(),
      minute: fc.integer({ min: 0, max: 59 }),
    }),
    { minLength: 1, maxLength: 4 },
  )
  .map((vials) => {
    const events: LedgerEvent[] = [];
    vials.forEach((v, i) => {
      const base = { lotId: v.lot, locationId: v.location };
      const time = `2026-11-23T10:${String(v.minute).padStart(2, '0')}:00.000Z`;
      events.push(makeEvent({ ...base, id: `r${i}`, type: 'receive', deviceTime: time }));
      const open = makeEvent({ ...base, id: `o${i}`, type: 'open', containerId: `o${i}` });
      events.push(open);
      const draws = v.draws.map((units, j) =>
        makeEvent({
          ...base,
          id: `d${i}-${j}`,
          type: 'draw',
          quantityMilli: -units * 1000,
          containerId: open.id,
        }),
      );
      events.push(...draws);
      const fields = {
        actorId: 'staff-1',
        deviceId: 'tablet-1',
        deviceTime: time,
        reason: 'entered in error',
      };
      if (v.undoFirstDraw && draws[0]) events.push(makeCorrection(draws[0], { id: `u${i}`, ...fields }));
      if (v.undoOpen) events.push(makeCorrection(open, { id: `uo${i}`, ...fields }));
    });
    return events;
  });

/** The same events in a shuffled order, cut into batches, with some delivered twice. */
const deliveryArb = ledgerArb.chain((events) =>
  fc.tuple(
    fc.constant(events),
    fc.shuffledSubarray(events, { minLength: events.length, maxLength: events.length }),
    fc.array(fc.integer({ min: 0, max: events.length - 1 }), { maxLength: 3 }),
    fc.integer({ min: 1, max: 4 }),
  ),
);

describe('materialized balances', () => {
  it('[L10] equal the reducer for any delivery order, batching and duplication', async () => {
    await fc.assert(
      fc.asyncProperty(deliveryArb, async ([events, shuffled, repeats, batchSize]) => {
        const { db } = await openTestDatabase();
        try {
          const delivery = [...shuffled, ...repeats.map((i) => events[i] as LedgerEvent)];
          for (let i = 0; i < delivery.length; i += batchSize)
            await recordEvents(db, delivery.slice(i, i + batchSize));
          expect(await diffAgainstReducer(db)).toEqual([]);
          const expected = events
            .filter((e) => e.lotId === 'lot-a' && e.locationId === 'loc-1')
            .reduce((s, e) => s + e.quantityMilli, 0);
          const doc = await currentBalance(db, 'lot-a', 'loc-1');
          expect(doc?.onHandMilli ?? 0).toBe(expected);
        } finally {
          await db.close();
        }
      }),
      { numRuns: 20 },
    );
  }, 90_000);

  it('[L3][L10] re-recording an already stored event changes no balance', async () => {
    const { db } = await openTestDatabase();
    const receive = makeEvent({ id: 'r1', type: 'receive' });
    await recordEvents(db, [receive]);
    const draw = makeEvent({ id: 'd1', type: 'draw', quantityMilli: -40_000 });
    await recordEvents(db, [receive, draw]);
    expect(await diffAgainstReducer(db)).toEqual([]);
    expect((await currentBalance(db, receive.lotId, receive.locationId))?.onHandMilli).toBe(60_000);
    await db.close();
  });

  it('[L10][L11] a crash between storing an event and writing its balance is repaired on open', async () => {
    const opened = await openTestDatabase();
    await recordEvents(opened.db, [makeEvent({ id: 'r1', type: 'receive' })]);
    await flushBalances(opened.db);
    // The draw is stored; the tab dies before the snapshot is written behind it.
    await recordEvents(opened.db, [makeEvent({ id: 'd1', type: 'draw', quantityMilli: -40_000 })]);
    const { db } = await reopenTestDatabase(opened);
    expect(await diffAgainstReducer(db)).toEqual([]);
    expect((await currentBalance(db, 'lot-1', 'loc-main'))?.onHandMilli).toBe(60_000);
    await db.close();
  });
});
