/**
 * The integration API (stock, visit COGS) on every backend: shapes, money from the domain ([M2],
 * [C1]), corrections, validation naming the field, and for every integration route (recall too)
 * 401 without a token and tenant isolation ([S2]). Recall details: integration-recall-contract.ts.
 */
import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { lineCostCents } from '../../src/domain/money';
import type { StoreBackend } from './backends';
import {
  BOTOX_GTIN,
  BOTOX_LOT,
  draw,
  integrationKit,
  JUVEDERM_LOT,
  SATELLITE,
  undo,
} from './integration-fixtures';
import { approved, MAIN, ORG, OTHER, serverEvent, STAFF } from './sync-harness';

interface StockLine {
  lotId: string;
  locationId: string;
  productName: string | null;
  lotNumber: string | null;
  unitCostMicros: number | null;
  onHandMilli: number;
  valueCents: number | null;
}

export function defineIntegrationContract(backend: StoreBackend): void {
  describe(`integration API (${backend.kind})`, () => {
    const { harness, get, pushOk } = integrationKit(backend);

    it('[S8][S16][M2] GET /stock: on hand per lot × location from lot_balances, valued half-even per line', async () => {
      const h = await harness();
      const device = await h.enroll();
      await pushOk(h, device, [draw(randomUUID(), BOTOX_LOT, 40_000)]);
      const all = (await get(h, device, '/api/v1/stock')).json<{ stock: StockLine[] }>().stock;
      expect(all).toHaveLength(10); // the demo receipts: one balance per lot × location
      expect(all.find((r) => r.lotId === BOTOX_LOT)).toEqual({
        lotId: BOTOX_LOT,
        locationId: MAIN,
        locationName: 'Lumen Aesthetics — Main St',
        productId: expect.any(String),
        productName: 'Botox Cosmetic 100 U',
        lotNumber: 'C8123AC4',
        expiry: expect.stringMatching(/^\d{4}-\d{2}-\d{2}$/),
        unitCostMicros: 6_500_000,
        onHandMilli: 60_000,
        valueCents: 39_000, // 60 U × $6.50
      });
      for (const r of all) expect(r.valueCents).toBe(lineCostCents(r.onHandMilli, r.unitCostMicros ?? NaN));

      const harbor = (await get(h, device, `/api/v1/stock?locationId=${SATELLITE}`)).json<{
        stock: StockLine[];
      }>().stock;
      expect(harbor.map((r) => r.locationId)).toEqual([SATELLITE, SATELLITE]);
      const juvederm = (
        await get(h, device, `/api/v1/stock?lotId=${JUVEDERM_LOT}&locationId=${SATELLITE}`)
      ).json<{
        stock: StockLine[];
      }>().stock;
      expect(juvederm).toMatchObject([{ onHandMilli: 2_000, valueCents: 62_000 }]); // 2 mL × $310
    });

    it('[S8][S16] GET /stock: a lot not on the server yet is listed with its balance and no value', async () => {
      const h = await harness();
      const device = await h.enroll();
      const unknownLot = randomUUID();
      await pushOk(h, device, [serverEvent({ lotId: unknownLot, quantityMilli: 5_000 })]);
      const res = await get(h, device, `/api/v1/stock?lotId=${unknownLot}`);
      expect(res.json()).toEqual({
        stock: [
          {
            lotId: unknownLot,
            locationId: MAIN,
            locationName: 'Lumen Aesthetics — Main St',
            productId: null,
            productName: null,
            lotNumber: null,
            expiry: null,
            unitCostMicros: null,
            onHandMilli: 5_000,
            valueCents: null,
          },
        ],
        discrepancies: [],
      });
    });

    it('[AL1] GET /stock lists a lot drawn below zero as a discrepancy', async () => {
      const h = await harness();
      const device = await h.enroll();
      const lot = randomUUID();
      await pushOk(h, device, [serverEvent({ lotId: lot, quantityMilli: 5_000 })]);
      const adjust = serverEvent({
        lotId: lot,
        quantityMilli: -8_000,
        type: 'adjust',
        payload: { reason: 'count' },
      });
      await pushOk(h, device, [await approved(adjust, STAFF.manager)]);
      const body = (await get(h, device, `/api/v1/stock?lotId=${lot}`)).json<{
        stock: StockLine[];
        discrepancies: StockLine[];
      }>();
      expect(body.discrepancies.map((d) => [d.lotId, d.onHandMilli])).toEqual([[lot, -3_000]]);
      expect(body.stock).toEqual(body.discrepancies);
    });

    it('[C1][C2][S17] GET /visits/:id/cogs prices each draw at its lot; a correction is a negative line', async () => {
      const h = await harness();
      const device = await h.enroll();
      const visit = randomUUID();
      const botox = draw(visit, BOTOX_LOT, 40_000, { deviceTime: '2025-06-15T10:00:00.000Z' });
      const filler = draw(visit, JUVEDERM_LOT, 500, { deviceTime: '2025-06-15T10:05:00.000Z' });
      const fillerUndone = undo({ ...filler, deviceTime: '2025-06-15T10:06:00.000Z' });
      const unknown = draw(visit, randomUUID(), 1_000, { deviceTime: '2025-06-15T10:07:00.000Z' });
      await pushOk(h, device, [filler, botox, fillerUndone, unknown, draw(randomUUID(), BOTOX_LOT, 5_000)]);

      const res = await get(h, device, `/api/v1/visits/${visit}/cogs`);
      expect(res.statusCode).toBe(200);
      const body = res.json<{ lines: { eventId: string; costCents: number }[] }>();
      expect(body).toEqual({
        visitId: visit,
        locationId: MAIN,
        lines: [
          expect.objectContaining({
            eventId: botox.id,
            quantityMilli: 40_000,
            costCents: 26_000,
            correction: false,
          }),
          expect.objectContaining({
            eventId: filler.id,
            lotNumber: 'V20LA81402',
            productName: 'Juvéderm Ultra XC 1 mL',
            unitCostMicros: 310_000_000,
            quantityMilli: 500,
            costCents: 15_500,
          }),
          expect.objectContaining({
            eventId: fillerUndone.id,
            quantityMilli: -500,
            costCents: -15_500,
            correction: true,
          }),
        ],
        cogsCents: 26_000,
        unpricedEventIds: [unknown.id],
      });
    });

    it('[C1][S17] GET /visits/:id/cogs: unknown visit → 404; a malformed id → 400 naming visitId', async () => {
      const h = await harness();
      const device = await h.enroll();
      expect((await get(h, device, `/api/v1/visits/${randomUUID()}/cogs`)).statusCode).toBe(404);
      const bad = await get(h, device, '/api/v1/visits/VISIT-1/cogs');
      expect(bad.statusCode).toBe(400);
      expect(bad.json()).toMatchObject({ error: 'invalid', field: 'visitId' });
    });

    it('[S2] every integration route answers 401 without a token or with an unknown one', async () => {
      const h = await harness();
      const urls = [
        '/api/v1/stock',
        `/api/v1/visits/${randomUUID()}/cogs`,
        `/api/v1/recall?gtin=${BOTOX_GTIN}&lot=x`,
      ];
      for (const url of urls) {
        const missing = await get(h, null, url);
        expect(missing.statusCode, url).toBe(401);
        expect(missing.json()).toEqual({ error: 'unauthorized', reason: 'missing_token' });
        const unknown = await get(h, { deviceId: 'x', orgId: ORG, token: 'cs_not-a-token' }, url);
        expect(unknown.json()).toEqual({ error: 'unauthorized', reason: 'unknown_token' });
      }
    });

    it("[S2] another organization's device sees nothing of this one on any integration route", async () => {
      const h = await harness();
      const demo = await h.enroll();
      const other = await h.enroll(OTHER.location);
      const visit = randomUUID();
      const demoDraw = draw(visit, BOTOX_LOT, 10_000);
      await pushOk(h, demo, [demoDraw]);
      // The other org reuses the demo's visit id and "corrects" the demo's draw: neither may leak.
      const theirs = { orgId: OTHER.org, actorId: OTHER.manager, locationId: OTHER.location };
      await pushOk(h, other, [
        serverEvent({ ...theirs, lotId: OTHER.lot }),
        draw(visit, OTHER.lot, 1_000, theirs),
        serverEvent({ ...undo(demoDraw), ...theirs, lotId: OTHER.lot, visitId: randomUUID() }),
      ]);

      const otherStock = (await get(h, other, '/api/v1/stock')).json<{ stock: StockLine[] }>().stock;
      expect(otherStock).toEqual([expect.objectContaining({ lotId: OTHER.lot, onHandMilli: 109_000 })]);
      expect((await get(h, other, `/api/v1/stock?lotId=${BOTOX_LOT}`)).json()).toEqual({
        stock: [],
        discrepancies: [],
      });
      expect((await get(h, other, `/api/v1/stock?locationId=${MAIN}`)).json()).toEqual({
        stock: [],
        discrepancies: [],
      });

      const otherVisit = (await get(h, other, `/api/v1/visits/${visit}/cogs`)).json<{ lines: unknown[] }>();
      expect(otherVisit).toMatchObject({ lines: [], unpricedEventIds: [expect.any(String)] });
      const demoVisit = (await get(h, demo, `/api/v1/visits/${visit}/cogs`)).json();
      expect(demoVisit).toMatchObject({ lines: [{ eventId: demoDraw.id }], unpricedEventIds: [] });

      expect((await get(h, other, `/api/v1/recall?gtin=${BOTOX_GTIN}&lot=C8123AC4`)).json()).toMatchObject({
        products: [],
        lots: [],
        visits: [],
        onHand: [],
      });
      const demoRecall = (await get(h, demo, `/api/v1/recall?gtin=${BOTOX_GTIN}&lot=C8123AC4`)).json();
      expect(demoRecall).toMatchObject({ visits: [{ visitId: visit, eventIds: [demoDraw.id] }] });
    });
  });
}
