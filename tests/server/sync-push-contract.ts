/** Push (SPEC [S4], [S8], [S2]) on every backend: validation, roles, idempotence, balances. */
import fc from 'fast-check';
import { afterEach, describe, expect, it } from 'vitest';
import { reduceLedger } from '../../src/domain/ledger/reducer';
import type { LedgerEvent } from '../../src/domain/model';
import type { StoreBackend } from './backends';
import { DEMO_IDS } from '../../src/domain/demo/clinic';
import { approved, LOTS, ORG, OTHER, serverEvent, STAFF, startHarness } from './sync-harness';
import type { Harness } from './sync-harness';

async function eventCount(h: Harness): Promise<number> {
  const [row] = await h.store.driver.query<{ n: number }>('SELECT count(*)::integer AS n FROM events');
  return row?.n ?? -1;
}

function byLotLocation(
  a: { lotId: string; locationId: string },
  b: { lotId: string; locationId: string },
): number {
  const ka = `${a.lotId}|${a.locationId}`;
  const kb = `${b.lotId}|${b.locationId}`;
  return ka < kb ? -1 : ka > kb ? 1 : 0;
}

export function defineSyncPushContract(backend: StoreBackend): void {
  describe(`sync push (${backend.kind})`, () => {
    const harnesses: Harness[] = [];
    afterEach(async () => {
      await Promise.all(harnesses.splice(0).map((h) => h.close()));
    });
    async function harness(): Promise<Harness> {
      const h = await startHarness(await backend.createDatabase());
      harnesses.push(h);
      return h;
    }

    it('[S4] a batch is stored once: accepted, then duplicates when delivered again', async () => {
      const h = await harness();
      const device = await h.enroll();
      const batch = [
        serverEvent(),
        serverEvent({ type: 'count', quantityMilli: 0, payload: { countedMilli: 5 } }),
      ];
      const first = await h.push(device, batch);
      expect(first.statusCode).toBe(200);
      expect(first.json()).toEqual({ accepted: batch.map((e) => e.id), duplicates: [], conflicts: [] });
      const again = await h.push(device, [...batch].reverse());
      expect(again.json()).toEqual({
        accepted: [],
        duplicates: batch.map((e) => e.id).reverse(),
        conflicts: [],
      });
    });

    it('[S4] the same id with other content is a conflict, and the stored event stays as it was', async () => {
      const h = await harness();
      const device = await h.enroll();
      const original = serverEvent({ deviceTime: '2025-06-15T12:00:00.123+02:00' });
      await h.push(device, [original]);
      const changed = { ...original, quantityMilli: 999_000 };
      const res = await h.push(device, [changed]);
      expect(res.json()).toEqual({
        accepted: [],
        duplicates: [],
        conflicts: [{ id: original.id, reason: expect.any(String) }],
      });
      const pulled = (await h.pull(device, { limit: 1000 })).json<{ documents: LedgerEvent[] }>().documents;
      expect(pulled.find((e) => e.id === original.id)).toEqual({ ...original, seq: expect.any(Number) });
      // Within one batch: the first copy wins, the second is a duplicate or a conflict.
      const twin = serverEvent();
      const inBatch = await h.push(device, [twin, twin, { ...twin, quantityMilli: 1 }]);
      expect(inBatch.json()).toEqual({
        accepted: [twin.id],
        duplicates: [twin.id],
        conflicts: [{ id: twin.id, reason: expect.any(String) }],
      });
    });

    it('[S4] wrong types, unknown fields and domain errors are 400 naming the field; nothing of the batch is written', async () => {
      const h = await harness();
      const device = await h.enroll();
      const good = serverEvent();
      const bad = serverEvent();
      const cases: { events: unknown; field: string; eventId: string | null }[] = [
        { events: [good, { ...bad, quantityMilli: '5' }], field: 'quantityMilli', eventId: bad.id },
        { events: [good, { ...bad, colour: 'red' }], field: 'colour', eventId: bad.id },
        { events: [good, { ...bad, lotId: 'LOT-1' }], field: 'lotId', eventId: bad.id },
        { events: [good, { ...bad, payload: { reason: {} } }], field: 'payload.reason', eventId: bad.id },
        { events: [good, { ...bad, type: 'draw', quantityMilli: -1 }], field: 'visitId', eventId: bad.id },
        { events: [good, { ...bad, quantityMilli: -5 }], field: 'quantityMilli', eventId: bad.id },
        { events: [good, { ...bad, deviceTime: 'yesterday' }], field: 'deviceTime', eventId: bad.id },
        { events: 'all of them', field: 'events', eventId: null },
        { events: Array.from({ length: 501 }, () => good), field: 'events', eventId: null },
      ];
      for (const c of cases) {
        const res = await h.push(device, c.events as unknown[]);
        expect(res.statusCode, c.field).toBe(400);
        expect(res.json(), c.field).toMatchObject({ error: 'invalid', field: c.field, eventId: c.eventId });
      }
      const extra = await h.app.inject({
        method: 'POST',
        url: '/api/v1/events/push',
        headers: { authorization: `Bearer ${device.token}`, 'x-chairside-protocol': '1' },
        payload: { events: [good], since: 3 },
      });
      expect(extra.json()).toMatchObject({ error: 'invalid', field: 'since' });
      const huge = serverEvent({ payload: { note: 'x'.repeat(2000) } });
      const big = await h.push(
        device,
        Array.from({ length: 500 }, () => ({ ...huge, id: serverEvent().id })),
      );
      expect(big.statusCode).toBe(400);
      expect(big.json()).toMatchObject({ error: 'invalid', field: 'body' });
      expect(await eventCount(h)).toBe(10); // the demo seed's receipts only
    });

    it('[S4][R1] an actor whose role may not record the type is 403 with the rejected ids; nothing is written', async () => {
      const h = await harness();
      const device = await h.enroll();
      const ok = serverEvent();
      const draw = serverEvent({
        type: 'draw',
        quantityMilli: -1_000,
        actorId: STAFF.frontDesk,
        visitId: OTHER.lot,
      });
      const stranger = serverEvent({ actorId: OTHER.manager });
      const res = await h.push(device, [ok, draw, stranger]);
      expect(res.statusCode).toBe(403);
      expect(res.json()).toEqual({
        error: 'forbidden',
        rejected: [
          { id: draw.id, reason: 'front desk may not record a draw' },
          { id: stranger.id, reason: `unknown staff member ${OTHER.manager}` },
        ],
      });
      expect(await eventCount(h)).toBe(10);
      const injectorDraw = { ...draw, actorId: STAFF.injector };
      expect((await h.push(device, [ok, injectorDraw])).statusCode).toBe(200);
    });

    it('[S2] a device cannot push into another organization (403, nothing written)', async () => {
      const h = await harness();
      const other = await h.enroll(OTHER.location);
      expect(other.orgId).toBe(OTHER.org);
      const intoDemo = serverEvent({ orgId: ORG, actorId: STAFF.manager });
      const res = await h.push(other, [intoDemo]);
      expect(res.statusCode).toBe(403);
      expect(res.json()).toMatchObject({ error: 'forbidden', rejected: [{ id: intoDemo.id }] });
      // Naming the other org's staff from the demo org is refused as unknown staff too.
      const demo = await h.enroll();
      const borrowed = serverEvent({ actorId: OTHER.manager });
      expect((await h.push(demo, [borrowed])).statusCode).toBe(403);
      expect(await eventCount(h)).toBe(10);
    });

    it('[S20] a tablet records only at the locations it is enrolled for (403, nothing written)', async () => {
      const h = await harness();
      const mainOnly = await h.enroll();
      const atSatellite = serverEvent({ locationId: DEMO_IDS.satelliteLocation });
      const res = await h.push(mainOnly, [serverEvent(), atSatellite]);
      expect(res.statusCode).toBe(403);
      expect(res.json()).toEqual({
        error: 'forbidden',
        rejected: [
          { id: atSatellite.id, reason: 'this tablet is not enrolled for the location of the event' },
        ],
      });
      expect(await eventCount(h)).toBe(10);
      const satellite = await h.enroll(DEMO_IDS.satelliteLocation);
      expect((await h.push(satellite, [atSatellite])).statusCode).toBe(200);
    });

    it('[L5] a correction that does not mirror its stored original is 400 naming the field; nothing written', async () => {
      const h = await harness();
      const device = await h.enroll();
      const receipt = serverEvent();
      expect((await h.push(device, [receipt])).statusCode).toBe(200);
      const why = { payload: { reason: 'entered twice' } };
      const wrong = serverEvent({ ...why, quantityMilli: -30_000, correctsId: receipt.id });
      const res = await h.push(device, [wrong]);
      expect(res.statusCode).toBe(400);
      expect(res.json()).toMatchObject({ field: 'quantityMilli', eventId: wrong.id });
      expect(await eventCount(h)).toBe(11);
      const undo = { ...wrong, quantityMilli: -100_000 };
      expect((await h.push(device, [undo])).json()).toMatchObject({ accepted: [undo.id] });
      // With its original in the same batch too.
      const second = serverEvent({ quantityMilli: 5_000 });
      const badUndo = serverEvent({ ...why, quantityMilli: -5_000, lotId: LOTS[1], correctsId: second.id });
      expect((await h.push(device, [second, badUndo])).json()).toMatchObject({ field: 'lotId' });
      expect(await eventCount(h)).toBe(12);
    });

    it('[S8] server balances equal reduceLedger over the server events after random pushes', async () => {
      const h = await harness();
      const device = await h.enroll();
      const arbEvent = fc.record({
        type: fc.constantFrom('receive', 'waste', 'adjust', 'count'),
        lot: fc.constantFrom(...LOTS),
        amount: fc.integer({ min: 1, max: 50_000 }),
      });
      await fc.assert(
        fc.asyncProperty(
          fc.array(fc.array(arbEvent, { maxLength: 8 }), { maxLength: 4 }),
          async (batches) => {
            for (const batch of batches) {
              const built = batch.map(({ type, lot, amount }) =>
                serverEvent({
                  type,
                  lotId: lot,
                  quantityMilli: type === 'receive' ? amount : type === 'count' ? 0 : -amount,
                  payload:
                    type === 'count'
                      ? { countedMilli: amount }
                      : type === 'waste'
                        ? { reason: 'spill' }
                        : { reason: 'r' },
                }),
              );
              // An adjust is accepted on the manager's proof ([A5]).
              const events = await Promise.all(
                built.map((e) => (e.type === 'adjust' ? approved(e, STAFF.manager) : e)),
              );
              expect((await h.push(device, events)).statusCode).toBe(200);
            }
            const all = (await h.pull(device, { limit: 1000 })).json<{ documents: LedgerEvent[] }>()
              .documents;
            const expected = [...reduceLedger(all).lots.values()].sort(byLotLocation);
            expect((await h.store.events.balances(ORG)).sort(byLotLocation)).toEqual(expected);
          },
        ),
        { numRuns: 8 },
      );
    });
  });
}
