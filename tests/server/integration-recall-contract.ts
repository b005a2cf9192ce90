/** GET /api/v1/recall on every backend ([B6], [L5]): who received a lot, and input validation. */
import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import type { StoreBackend } from './backends';
import { BOTOX_GTIN, BOTOX_LOT, draw, integrationKit, undo } from './integration-fixtures';
import { LOTS, MAIN } from './sync-harness';

export function defineRecallContract(backend: StoreBackend): void {
  describe(`integration API: recall (${backend.kind})`, () => {
    const { harness, get, pushOk } = integrationKit(backend);

    it('[B6][S18] GET /recall: products with the GTIN, the lot, visits that kept their draws, on hand per location', async () => {
      const h = await harness();
      const device = await h.enroll();
      const [v1, v2, v3] = [randomUUID(), randomUUID(), randomUUID()];
      const first = draw(v1, BOTOX_LOT, 10_000, { deviceTime: '2025-06-15T09:00:00.000Z' });
      const second = draw(v1, BOTOX_LOT, 5_000, { deviceTime: '2025-06-15T09:01:00.000Z' });
      const undone = draw(v2, BOTOX_LOT, 20_000, { deviceTime: '2025-06-15T09:30:00.000Z' });
      const later = draw(v3, BOTOX_LOT, 2_500, { deviceTime: '2025-06-15T11:00:00.000Z' });
      const otherLot = draw(randomUUID(), LOTS[1] ?? '', 1_000);
      await pushOk(h, device, [later, second, first, undone, undo(undone), otherLot]);

      // GTIN-13 form of the same GTIN: left-padded to 14 ([B6]).
      for (const gtin of [BOTOX_GTIN, BOTOX_GTIN.slice(1)]) {
        const res = await get(h, device, `/api/v1/recall?gtin=${gtin}&lot=C8123AC4`);
        expect(res.statusCode, res.body).toBe(200);
        expect(res.json()).toEqual({
          gtin: BOTOX_GTIN,
          lotNumber: 'C8123AC4',
          products: [
            {
              id: expect.any(String),
              name: 'Botox Cosmetic 100 U',
              manufacturer: expect.any(String),
              gtins: [BOTOX_GTIN],
            },
          ],
          lots: [
            {
              id: BOTOX_LOT,
              productId: expect.any(String),
              lotNumber: 'C8123AC4',
              expiry: expect.any(String),
              status: 'available',
            },
          ],
          visits: [
            {
              visitId: v1,
              lotId: BOTOX_LOT,
              locationId: MAIN,
              quantityMilli: 15_000,
              deviceTime: first.deviceTime,
              eventIds: [first.id, second.id],
            },
            {
              visitId: v3,
              lotId: BOTOX_LOT,
              locationId: MAIN,
              quantityMilli: 2_500,
              deviceTime: later.deviceTime,
              eventIds: [later.id],
            },
          ],
          onHand: [{ lotId: BOTOX_LOT, locationId: MAIN, onHandMilli: 100_000 - 17_500 }],
        });
      }
      const unknownLot = (await get(h, device, `/api/v1/recall?gtin=${BOTOX_GTIN}&lot=NOPE`)).json();
      expect(unknownLot).toMatchObject({
        products: [{ name: 'Botox Cosmetic 100 U' }],
        lots: [],
        visits: [],
      });
    });

    it('[B6][S18] GET /recall: a wrong check digit, a missing lot or an unknown parameter → 400 naming the field', async () => {
      const h = await harness();
      const device = await h.enroll();
      for (const [query, field] of [
        ['gtin=00099000000012&lot=C8123AC4', 'gtin'],
        ['gtin=0009900000001&lot=C8123AC4', 'gtin'],
        ['gtin=ABC&lot=C8123AC4', 'gtin'],
        ['lot=C8123AC4', 'gtin'],
        [`gtin=${BOTOX_GTIN}`, 'lot'],
        [`gtin=${BOTOX_GTIN}&lot=C8123AC4&since=1`, 'since'],
      ] as const) {
        const res = await get(h, device, `/api/v1/recall?${query}`);
        expect(res.statusCode, query).toBe(400);
        expect(res.json(), query).toMatchObject({ error: 'invalid', field });
      }
      const stock = await get(h, device, '/api/v1/stock?locationId=main');
      expect(stock.json()).toMatchObject({ error: 'invalid', field: 'locationId' });
    });
  });
}
