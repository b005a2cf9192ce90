import { describe, expect, it } from 'vitest';
import type { PurchaseOrder } from '../model';
import {
  cancelOrder,
  lineTotalCents,
  orderLine,
  orderTotalCents,
  sendOrder,
  setLinePacks,
  setLineQuantity,
} from './order';

const juvederm = { containerSizeMilli: 1_000, containersPerPack: 2 };
const botox = { containerSizeMilli: 100_000, containersPerPack: 1 };
const P1 = '0190a000-0000-7000-8000-000000000011';
const P2 = '0190a000-0000-7000-8000-000000000012';

/** A draft with defaults; override what the test is about. */
const makeOrder = (o: Partial<PurchaseOrder> = {}): PurchaseOrder => ({
  id: '0190a000-0000-7000-8000-0000000000a1',
  orgId: '0190a000-0000-7000-8000-000000000001',
  locationId: '0190a000-0000-7000-8000-000000000002',
  supplier: 'Allergan',
  reference: 'PO-1',
  status: 'draft',
  orderedOn: '2026-12-01',
  sentAt: null,
  lines: [orderLine(P1, juvederm, 3, 300_000_000)],
  note: '',
  ...o,
});

describe('order lines in packs and base units [PO1][RC1]', () => {
  it('follows the worked example: 3 cartons of 2 syringes is 6 mL, $1,800.00 at $300.00/mL', () => {
    const line = orderLine(P1, juvederm, 3, 300_000_000);
    expect(line).toEqual({
      productId: P1,
      packs: 3,
      quantityMilli: 6_000,
      unitCostMicros: 300_000_000,
      expectedOn: null,
    });
    expect(lineTotalCents(line)).toBe(180_000);
  });
  it('keeps packs and base units in step whichever is typed', () => {
    const line = orderLine(P1, juvederm, 1, 1);
    expect(setLinePacks(line, juvederm, 5).quantityMilli).toBe(10_000);
    expect(setLineQuantity(line, juvederm, 5_000)).toMatchObject({ packs: 2, quantityMilli: 5_000 });
    expect(setLineQuantity(line, juvederm, 500)).toMatchObject({ packs: 0, quantityMilli: 500 });
  });
  it('totals the order from its lines, to the cent', () => {
    const order = makeOrder({
      lines: [orderLine(P1, juvederm, 3, 300_000_000), orderLine(P2, botox, 2, 6_500_000)],
    });
    expect(orderTotalCents(order)).toBe(180_000 + 130_000);
  });
});

describe('sending and cancelling [PO1]', () => {
  it('sends a complete draft, stamping sentAt', () => {
    const r = sendOrder(makeOrder({ supplier: ' Allergan ' }), '2026-12-02T10:00:00.000Z');
    expect(r).toMatchObject({
      ok: true,
      order: { status: 'sent', sentAt: '2026-12-02T10:00:00.000Z', supplier: 'Allergan' },
    });
  });
  it('names everything that stops a draft from being sent', () => {
    const r = sendOrder(
      makeOrder({
        supplier: '',
        reference: ' ',
        lines: [
          { ...orderLine(P1, juvederm, 1, 1), expectedOn: '2026-11-01' },
          orderLine(P1, juvederm, 1, 1),
        ],
      }),
      '2026-12-02T10:00:00.000Z',
    );
    expect(r.ok).toBe(false);
    expect(r.ok ? [] : r.problems.map((p) => p.message)).toEqual([
      'Name the supplier.',
      'Give the PO number.',
      'Line 1: expected before the order was started.',
      'A product is on two lines: put it on one.',
    ]);
    expect(sendOrder(makeOrder({ lines: [] }), 'x').ok).toBe(false);
    expect(sendOrder(makeOrder({ status: 'sent' }), 'x').ok).toBe(false);
  });
  it('cancels a draft or a sent order once', () => {
    expect(cancelOrder(makeOrder()).ok).toBe(true);
    const sent = cancelOrder(makeOrder({ status: 'sent' }));
    expect(sent.ok && sent.order.status).toBe('cancelled');
    expect(cancelOrder(makeOrder({ status: 'cancelled' })).ok).toBe(false);
  });
});
