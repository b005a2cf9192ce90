/**
 * Input bounds on every backend (issue #11, SPEC [Q4], [D4], [S24], [S25], [MD12], [MD13]): what
 * the validators let through must never become a 500, nor a balance the server cannot serialize.
 */
import { describe, expect, it } from 'vitest';
import { MAX_BALANCE_MILLI, MAX_QUANTITY_MILLI } from '../../src/domain/bounds';
import { buildDemoClinic } from '../../src/domain/demo/clinic';
import { balanceKey, reduceLedger } from '../../src/domain/ledger/reducer';
import { lotIdFor } from '../../src/domain/replica';
import type { StoreBackend } from './backends';
import {
  BOTOX,
  clock,
  created,
  harnessPerTest,
  lotData,
  NOW,
  pushRecords,
  recordCount,
  visitData,
} from './records-fixtures';
import { deviceHeaders, LOTS, MAIN, ORG, serverEvent, STAFF, TODAY } from './sync-harness';
import type { Device, Harness } from './sync-harness';

const stock = (h: Harness, device: Device) =>
  h.app.inject({ method: 'GET', url: '/api/v1/stock', headers: deviceHeaders(device.token) });

async function eventCount(h: Harness): Promise<number> {
  const [row] = await h.store.driver.query<{ n: number }>('SELECT count(*)::integer AS n FROM events');
  return row?.n ?? -1;
}

/** A lot record of BOTOX with the id [MD4] derives from its number. */
const derivedLot = (lotNumber: string, o: Record<string, unknown> = {}) =>
  created('lots', lotIdFor(ORG, BOTOX, lotNumber), lotData({ lotNumber, ...o }), clock(1), STAFF.manager);

/**
 * A visits push whose `treatmentAreas` is `depth` nested lists ([[[…"x"…]]]), as JSON text: too
 * deep for JSON.stringify, so the body is written by hand.
 */
function deepVisitBody(id: string, depth: number): string {
  const r = created('visits', id, visitData({ treatmentAreas: ['DEEP'] }), clock(1), STAFF.injector);
  const json = JSON.stringify({ records: [r] });
  return json.replace('["DEEP"]', `${'['.repeat(depth)}"x"${']'.repeat(depth)}`);
}

export function defineBoundsContract(backend: StoreBackend): void {
  describe(`bounds (${backend.kind})`, () => {
    const harness = harnessPerTest(backend);

    it('[Q4] two receives of 2^53 − 1 are 400 naming quantityMilli, and GET /api/v1/stock stays 200', async () => {
      const h = await harness();
      const device = await h.enroll();
      const huge = () => serverEvent({ quantityMilli: Number.MAX_SAFE_INTEGER });
      for (const e of [huge(), huge()]) {
        const res = await h.push(device, [e]);
        expect(res.statusCode).toBe(400);
        expect(res.json()).toMatchObject({ error: 'invalid', field: 'quantityMilli', eventId: e.id });
      }
      expect((await stock(h, device)).statusCode).toBe(200);
      expect((await h.push(device, [serverEvent({ quantityMilli: MAX_QUANTITY_MILLI })])).statusCode).toBe(
        200,
      );
    });

    it('[Q4] an event carrying a balance past MAX_BALANCE_MILLI is 400 naming it; nothing of the batch is stored', async () => {
      const h = await harness();
      const device = await h.enroll();
      await h.store.driver.query(
        'UPDATE lot_balances SET on_hand_milli = $1 WHERE org_id = $2 AND lot_id = $3 AND location_id = $4',
        [MAX_BALANCE_MILLI - 1_000, ORG, LOTS[0], MAIN],
      );
      const before = await eventCount(h);
      const fits = serverEvent({ quantityMilli: 1_000 });
      const over = serverEvent({ quantityMilli: 1_000 });
      const res = await h.push(device, [fits, over]);
      expect(res.statusCode).toBe(400);
      expect(res.json()).toMatchObject({ field: 'quantityMilli', eventId: over.id });
      expect(await eventCount(h)).toBe(before);
      expect((await h.push(device, [fits])).statusCode).toBe(200);
      const waste = serverEvent({ type: 'waste', quantityMilli: -5_000, payload: { reason: 'spill' } });
      expect((await h.push(device, [waste])).statusCode).toBe(200);
    });

    it('[Q4][S8] at the caps, the server balance equals the domain reducer exactly; one more thousandth is refused', async () => {
      const h = await harness();
      const device = await h.enroll();
      const lotId = lotIdFor(ORG, BOTOX, 'CAP1');
      const receive = (quantityMilli: number) => serverEvent({ lotId, quantityMilli });
      const batches = [0, 1].map(() => Array.from({ length: 500 }, () => receive(MAX_QUANTITY_MILLI)));
      for (const batch of batches) expect((await h.push(device, batch)).statusCode).toBe(200);
      const onServer = (await h.store.events.balances(ORG)).find((b) => b.lotId === lotId);
      const reduced = reduceLedger(batches.flat()).lots.get(balanceKey(lotId, MAIN));
      expect(onServer?.onHandMilli).toBe(MAX_BALANCE_MILLI);
      expect(reduced?.onHandMilli).toBe(onServer?.onHandMilli);
      const one = receive(1);
      expect((await h.push(device, [one])).json()).toMatchObject({ field: 'quantityMilli', eventId: one.id });
    });

    it('[Q4] a balance past 2^53 already in the store is served by stock and recall with its exact digits, never a 500', async () => {
      const h = await harness();
      const device = await h.enroll();
      await h.store.driver.query(
        'UPDATE lot_balances SET on_hand_milli = 18014398509481982 WHERE org_id = $1 AND lot_id = $2 AND location_id = $3',
        [ORG, LOTS[0], MAIN],
      );
      const res = await stock(h, device);
      expect(res.statusCode).toBe(200);
      expect(res.body).toContain('"onHandMilli":18014398509481982');
      const demo = buildDemoClinic(TODAY);
      const lot = demo.lots.find((l) => l.id === LOTS[0]);
      const gtin = demo.products.find((p) => p.id === lot?.productId)?.gtins[0] ?? '';
      const recall = await h.app.inject({
        method: 'GET',
        url: `/api/v1/recall?gtin=${gtin}&lot=${lot?.lotNumber ?? ''}`,
        headers: deviceHeaders(device.token),
      });
      expect(recall.statusCode).toBe(200);
      expect(recall.body).toContain('"onHandMilli":18014398509481982');
    });

    it('[D4] deviceTime 0000-01-01T00:00:00Z or an offset of +23:59 is 400 naming deviceTime', async () => {
      const h = await harness();
      const device = await h.enroll();
      for (const deviceTime of ['0000-01-01T00:00:00Z', '2025-06-15T10:00:00+23:59']) {
        const res = await h.push(device, [serverEvent({ deviceTime })]);
        expect(res.statusCode, deviceTime).toBe(400);
        expect(res.json()).toMatchObject({ field: 'deviceTime' });
      }
    });

    it('[D4] a lot expiry of 2025-02-30, 2025-13-45 or 0000-01-01 is 400 naming expiry', async () => {
      const h = await harness();
      const device = await h.enroll();
      for (const expiry of ['2025-02-30', '2025-13-45', '0000-01-01']) {
        const lot = derivedLot(`EXP${expiry.slice(5, 7)}`, { expiry });
        const res = await pushRecords(h, device, [lot]);
        expect(res.statusCode, expiry).toBe(400);
        expect(res.json()).toMatchObject({ field: 'expiry', recordId: lot.id });
      }
    });

    it('[S24] an event more than 24 h ahead of the server is 400 naming deviceTime; 23 h ahead is stored', async () => {
      const h = await harness({ now: () => NOW });
      const device = await h.enroll();
      const far = serverEvent({ deviceTime: '2999-01-01T00:00:00.000Z' });
      const res = await h.push(device, [far]);
      expect(res.statusCode).toBe(400);
      expect(res.json()).toMatchObject({ field: 'deviceTime', eventId: far.id });
      const soon = new Date(NOW.getTime() + 23 * 3_600_000).toISOString();
      expect((await h.push(device, [serverEvent({ deviceTime: soon })])).statusCode).toBe(200);
    });

    it('[MD12] a new lot whose id is not derived from product + lot number is 400 naming id', async () => {
      const h = await harness();
      const device = await h.enroll();
      const random = created(
        'lots',
        crypto.randomUUID(),
        lotData({ lotNumber: 'RND1' }),
        clock(1),
        STAFF.manager,
      );
      const res = await pushRecords(h, device, [random]);
      expect(res.statusCode).toBe(400);
      expect(res.json()).toMatchObject({ field: 'id', recordId: random.id });
      expect((await pushRecords(h, device, [derivedLot('RND1')])).statusCode).toBe(200);
      // A lot whose number would no longer match its derived id is refused as well.
      const renamed = created(
        'lots',
        lotIdFor(ORG, BOTOX, 'RND1'),
        { lotNumber: 'RND2' },
        clock(2),
        STAFF.manager,
      );
      expect((await pushRecords(h, device, [renamed])).json()).toMatchObject({ field: 'id' });
    });

    it('[MD12] a receive naming its carton must name the derived lot (400 lotId)', async () => {
      const h = await harness();
      const device = await h.enroll();
      const payload = { productId: BOTOX, lotNumber: 'c3456' };
      const wrong = serverEvent({ lotId: LOTS[1], payload });
      const res = await h.push(device, [wrong]);
      expect(res.statusCode).toBe(400);
      expect(res.json()).toMatchObject({ field: 'lotId', eventId: wrong.id });
      const right = serverEvent({ lotId: lotIdFor(ORG, BOTOX, 'C3456'), payload });
      expect((await h.push(device, [right])).statusCode).toBe(200);
    });

    it('[MD13] a record field nested 100,000 deep or larger than 256 KiB is 400 naming the field', async () => {
      const h = await harness();
      const device = await h.enroll();
      const before = await recordCount(h);
      const deepId = crypto.randomUUID();
      const res = await h.app.inject({
        method: 'POST',
        url: '/api/v1/records/push',
        headers: { ...deviceHeaders(device.token), 'content-type': 'application/json' },
        payload: deepVisitBody(deepId, 100_000),
      });
      expect(res.statusCode).toBe(400);
      expect(res.json()).toMatchObject({ field: 'treatmentAreas', recordId: deepId });
      const big = created(
        'visits',
        crypto.randomUUID(),
        visitData({ patientChartRef: 'x'.repeat(300_000) }),
        clock(1),
        STAFF.injector,
      );
      const large = await pushRecords(h, device, [big]);
      expect(large.statusCode).toBe(400);
      expect(large.json()).toMatchObject({ field: 'patientChartRef', recordId: big.id });
      expect(await recordCount(h)).toBe(before);
    });

    it('[S26] an empty push answers 200 on both push routes (the tablet probes the server with it)', async () => {
      const h = await harness();
      const device = await h.enroll();
      const events = await h.push(device, []);
      expect(events.statusCode).toBe(200);
      expect(events.json()).toEqual({ accepted: [], duplicates: [], conflicts: [] });
      const records = await pushRecords(h, device, []);
      expect(records.statusCode).toBe(200);
      expect(records.json()).toEqual({ changed: [], unchanged: [] });
    });

    it('[S25] text the database cannot hold (a NUL) is 400 naming the event and field, never 500', async () => {
      const h = await harness();
      const device = await h.enroll();
      const ok = serverEvent();
      const nul = serverEvent({ payload: { supplier: 'Acme\u0000Pharma' } });
      const res = await h.push(device, [ok, nul]);
      expect(res.statusCode).toBe(400);
      expect(res.json()).toMatchObject({ error: 'invalid', field: 'payload.supplier', eventId: nul.id });
      const visit = created(
        'visits',
        crypto.randomUUID(),
        visitData({ patientChartRef: 'CH\u00001' }),
        clock(1),
        STAFF.injector,
      );
      const rec = await pushRecords(h, device, [visit]);
      expect(rec.statusCode).toBe(400);
      expect(rec.json()).toMatchObject({ error: 'invalid', field: 'patientChartRef', recordId: visit.id });
    });
  });
}
