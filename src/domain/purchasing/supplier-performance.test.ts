import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { PurchaseOrder, Supplier } from '../model';
import { makeEvent } from '../ledger/fixtures';
import { deliveriesByOrder } from './order-receipts';
import { supplierPerformance, type Delivery } from './supplier-performance';

const BOTOX = '0190a000-0000-7000-8000-000000000011';
const order = (o: Partial<PurchaseOrder>): PurchaseOrder => ({
  id: 'order-a',
  orgId: 'org',
  locationId: 'loc',
  supplier: 'McKesson',
  reference: 'PO-1',
  status: 'sent',
  orderedOn: '2026-11-01',
  sentAt: '2026-11-02T09:00:00.000Z',
  lines: [
    { productId: BOTOX, packs: 10, quantityMilli: 1_000_000, unitCostMicros: 5_900_000, expectedOn: null },
  ],
  note: '',
  ...o,
});
const mckesson: Supplier = {
  id: 'sup-1',
  orgId: 'org',
  name: 'McKesson',
  contact: '',
  accountNumber: '',
  leadTimeDays: 3,
  paymentTerms: '',
  notes: '',
};
const delivered = (at: string, quantityMilli: number): Delivery => ({ productId: BOTOX, quantityMilli, at });

/** The docblock's worked example. */
const orderA = order({
  lines: [
    {
      productId: BOTOX,
      packs: 10,
      quantityMilli: 1_000_000,
      unitCostMicros: 5_900_000,
      expectedOn: '2026-11-05',
    },
  ],
});
const orderB = order({
  id: 'order-b',
  reference: 'PO-2',
  sentAt: '2026-11-10T09:00:00.000Z',
  lines: [
    { productId: BOTOX, packs: 10, quantityMilli: 1_000_000, unitCostMicros: 6_100_000, expectedOn: null },
  ],
});
const deliveries = new Map([
  ['order-a', [delivered('2026-11-04T15:00:00.000Z', 1_000_000)]],
  ['order-b', [delivered('2026-11-16T15:00:00.000Z', 600_000)]],
]);

describe('supplier performance [PO7]', () => {
  it('[PO7] follows the worked example: on time, late, lead time, short and the price change', () => {
    expect(supplierPerformance([orderA, orderB], deliveries, [mckesson])).toEqual([
      {
        supplier: 'McKesson',
        supplierId: 'sup-1',
        sent: 2,
        delivered: 2,
        onTime: 1,
        late: 1,
        promisedLeadDays: 3,
        actualLeadDays: 4,
        short: 1,
        priceChanges: [{ productId: BOTOX, fromMicros: 5_900_000, toMicros: 6_100_000, on: '2026-11-10' }],
      },
    ]);
  });

  it('[PO7] drafts and cancelled orders do not count; names match accents and case aside; no due day is not judged', () => {
    const draft = order({ id: 'd', status: 'draft', sentAt: null });
    const cancelled = order({ id: 'c', status: 'cancelled' });
    const other = order({ id: 'o', supplier: 'mckesson ', sentAt: '2026-11-20T09:00:00.000Z' });
    const [only] = supplierPerformance(
      [draft, cancelled, other],
      new Map([['o', [delivered('2026-11-30T10:00:00Z', 1_000_000)]]]),
      [{ ...mckesson, leadTimeDays: null }],
    );
    expect(only).toMatchObject({
      supplier: 'McKesson',
      sent: 1,
      delivered: 1,
      onTime: 0,
      late: 0,
      actualLeadDays: 10,
    });
  });

  it('[PO7] deliveries come from receive events naming the order, voided ones left out', () => {
    const kept = makeEvent({ type: 'receive', lotId: 'lot-1', payload: { purchaseOrderId: 'order-a' } });
    const voided = makeEvent({ type: 'receive', lotId: 'lot-1', payload: { purchaseOrderId: 'order-a' } });
    const correction = makeEvent({
      type: 'receive',
      quantityMilli: -voided.quantityMilli,
      correctsId: voided.id,
      payload: { reason: 'x' },
    });
    const got = deliveriesByOrder([kept, voided, correction], new Map([['lot-1', { productId: BOTOX }]]));
    expect(got.get('order-a')).toEqual([
      { productId: BOTOX, quantityMilli: kept.quantityMilli, at: kept.deviceTime },
    ]);
  });

  it('[PO7] the order receipts arrive in does not change the figures', () => {
    const many = [
      delivered('2026-11-04T10:00:00Z', 300_000),
      delivered('2026-11-06T10:00:00Z', 300_000),
      delivered('2026-11-05T10:00:00Z', 400_000),
    ];
    const expected = supplierPerformance([orderA], new Map([['order-a', many]]), [mckesson]);
    fc.assert(
      fc.property(
        fc.shuffledSubarray(many, { minLength: many.length, maxLength: many.length }),
        (shuffled) => {
          expect(supplierPerformance([orderA], new Map([['order-a', shuffled]]), [mckesson])).toEqual(
            expected,
          );
        },
      ),
    );
  });
});
