/**
 * Purchase orders and receipts through the integration API ([PO5]) on every backend: an order's
 * status and per-line received / short / over from the receipts against it, receipts with their
 * invoice (each line once, though split) and value, a voided receipt counting nowhere, filters,
 * 404, validation naming the field, 401 without a token and tenant isolation ([S2]).
 */
import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { buildDemoClinic } from '../../src/domain/demo/clinic';
import { lineCostCents } from '../../src/domain/money';
import type { StoreBackend } from './backends';
import { BOTOX_LOT, integrationKit, JUVEDERM_LOT, SATELLITE, undo } from './integration-fixtures';
import { orderData } from './purchase-orders-contract';
import { BOTOX, clock, created, pushRecords } from './records-fixtures';
import { OTHER, serverEvent, STAFF, TODAY } from './sync-harness';
import type { Device, Harness } from './sync-harness';

const JUVEDERM = buildDemoClinic(TODAY).lots.find((l) => l.id === JUVEDERM_LOT)?.productId ?? '';

interface OrderLine {
  productId: string;
  orderedMilli: number;
  receivedMilli: number;
  shortMilli: number;
  overMilli: number;
}
interface Order {
  id: string;
  status: string;
  totalCents: number;
  lines: OrderLine[];
  receiptIds: string[];
}
interface Receipt {
  receiptId: string;
  purchaseOrderId: string | null;
  invoiceCents: number;
  valueCents: number;
  lines: {
    eventId: string;
    productId: string | null;
    quantityMilli: number;
    voided: boolean;
    serials: string[];
  }[];
}

const receive = (orderId: string, receiptId: string, lineId: string, o: Record<string, unknown>) =>
  serverEvent({
    lotId: BOTOX_LOT,
    quantityMilli: 100_000,
    ...o,
    payload: {
      supplier: 'Allergan Aesthetics',
      purchaseOrder: 'PO-2025-0042',
      purchaseOrderId: orderId,
      receiptId,
      lineId,
      unitCostMicros: 6_500_000,
      lineInvoiceCents: 130_000,
      lineFreeMilli: 0,
      serials: '',
      ...(o.payload as Record<string, unknown> | undefined),
    },
  });

export function defineIntegrationPurchasingContract(backend: StoreBackend): void {
  describe(`integration API: purchase orders and receipts (${backend.kind})`, () => {
    const { harness, get, pushOk } = integrationKit(backend);

    /** A sent order (Botox 200 U at $6.50, Juvéderm 4 mL at $310) and one delivery against it. */
    async function ordered(h: Harness, device: Device) {
      const orderId = randomUUID();
      const po = created(
        'purchase_orders',
        orderId,
        orderData({
          status: 'sent',
          sentAt: '2025-06-14T15:00:00.000Z',
          lines: [
            {
              productId: BOTOX,
              packs: 2,
              quantityMilli: 200_000,
              unitCostMicros: 6_500_000,
              expectedOn: null,
            },
            {
              productId: JUVEDERM,
              packs: 2,
              quantityMilli: 4_000,
              unitCostMicros: 310_000_000,
              expectedOn: '2025-06-20',
            },
          ],
        }),
        clock(1),
        STAFF.manager,
      );
      expect((await pushRecords(h, device, [po])).statusCode).toBe(200);
      const r1 = randomUUID();
      const botoxLine = randomUUID();
      const juvedermLine = randomUUID();
      // Botox split 1 vial Main, 1 Harbor (one invoice line, the Harbor event from a tablet there);
      // Juvéderm 2 mL.
      await pushOk(h, device, [receive(orderId, r1, botoxLine, { payload: { serials: 'B1' } })]);
      const harbor = await h.enroll(SATELLITE);
      await pushOk(h, harbor, [
        receive(orderId, r1, botoxLine, { locationId: SATELLITE, payload: { serials: 'B2' } }),
      ]);
      await pushOk(h, device, [
        receive(orderId, r1, juvedermLine, {
          lotId: JUVEDERM_LOT,
          quantityMilli: 2_000,
          payload: { unitCostMicros: 310_000_000, lineInvoiceCents: 62_000 },
        }),
      ]);
      // A second delivery of 1 mL, entered by mistake and voided.
      const r2 = randomUUID();
      const mistake = receive(orderId, r2, randomUUID(), {
        lotId: JUVEDERM_LOT,
        quantityMilli: 1_000,
        payload: { unitCostMicros: 310_000_000, lineInvoiceCents: 31_000 },
      });
      await pushOk(h, device, [mistake]);
      await pushOk(h, device, [undo(mistake)]);
      return { orderId, r1, r2, mistake };
    }

    it('[PO5][RC3] GET /purchase-orders: status and per line received, short, over from the receipts', async () => {
      const h = await harness();
      const device = await h.enroll();
      const { orderId, r1, r2 } = await ordered(h, device);
      const all = (await get(h, device, '/api/v1/purchase-orders')).json<{ purchaseOrders: Order[] }>();
      expect(all.purchaseOrders).toHaveLength(1);
      const [order] = all.purchaseOrders;
      expect(order).toMatchObject({
        id: orderId,
        status: 'partially_received',
        totalCents: 130_000 + 124_000,
        receiptIds: [r1, r2],
      });
      expect(
        order?.lines.map((l) => [l.productId, l.orderedMilli, l.receivedMilli, l.shortMilli, l.overMilli]),
      ).toEqual([
        [BOTOX, 200_000, 200_000, 0, 0],
        [JUVEDERM, 4_000, 2_000, 2_000, 0],
      ]);
      const partial = await get(h, device, '/api/v1/purchase-orders?status=partially_received');
      expect(partial.json<{ purchaseOrders: Order[] }>().purchaseOrders.map((o) => o.id)).toEqual([orderId]);
      const received = await get(h, device, '/api/v1/purchase-orders?status=received');
      expect(received.json()).toEqual({ purchaseOrders: [] });
      const bad = await get(h, device, '/api/v1/purchase-orders?status=open');
      expect(bad.statusCode).toBe(400);
      expect(bad.json()).toMatchObject({ field: 'status' });
    });

    it('[PO5] GET /receipts: one per delivery, invoice counting a split line once, value, voided lines counting nowhere', async () => {
      const h = await harness();
      const device = await h.enroll();
      const { orderId, r1, r2, mistake } = await ordered(h, device);
      const res = await get(h, device, `/api/v1/receipts?purchaseOrderId=${orderId}`);
      const { receipts } = res.json<{ receipts: Receipt[] }>();
      expect(receipts.map((r) => [r.receiptId, r.purchaseOrderId, r.invoiceCents, r.valueCents])).toEqual([
        [
          r1,
          orderId,
          130_000 + 62_000,
          lineCostCents(200_000, 6_500_000) + lineCostCents(2_000, 310_000_000),
        ],
        [r2, orderId, 0, 0],
      ]);
      expect(receipts[0]?.lines.map((l) => [l.productId, l.quantityMilli, l.serials, l.voided])).toEqual([
        [BOTOX, 100_000, ['B1'], false],
        [BOTOX, 100_000, ['B2'], false],
        [JUVEDERM, 2_000, [], false],
      ]);
      expect(receipts[1]?.lines).toMatchObject([{ eventId: mistake.id, voided: true }]);
      // Without the filter: the demo's own receipts are there too, this order's among them.
      const everything = (await get(h, device, '/api/v1/receipts')).json<{ receipts: Receipt[] }>().receipts;
      expect(everything.length).toBeGreaterThan(2);
      expect(everything.filter((r) => r.purchaseOrderId === orderId)).toHaveLength(2);
    });

    it('[PO5][S2] GET /purchase-orders/:id: the order with its receipts; 404 unknown or another organization’s; 401 without a token', async () => {
      const h = await harness();
      const device = await h.enroll();
      const { orderId, r1 } = await ordered(h, device);
      const one = (await get(h, device, `/api/v1/purchase-orders/${orderId}`)).json<
        Order & { receipts: Receipt[] }
      >();
      expect(one.status).toBe('partially_received');
      expect(one.receipts[0]?.receiptId).toBe(r1);
      expect((await get(h, device, `/api/v1/purchase-orders/${randomUUID()}`)).statusCode).toBe(404);
      const other = await h.enroll(OTHER.location);
      expect((await get(h, other, `/api/v1/purchase-orders/${orderId}`)).statusCode).toBe(404);
      expect((await get(h, other, '/api/v1/purchase-orders')).json()).toEqual({ purchaseOrders: [] });
      expect((await get(h, other, `/api/v1/receipts?purchaseOrderId=${orderId}`)).json()).toEqual({
        receipts: [],
      });
      for (const url of ['/api/v1/purchase-orders', `/api/v1/purchase-orders/${orderId}`, '/api/v1/receipts'])
        expect((await get(h, null, url)).statusCode, url).toBe(401);
    });
  });
}
