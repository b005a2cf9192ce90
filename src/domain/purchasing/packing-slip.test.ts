import { describe, expect, it } from 'vitest';
import type { ReceiptLine } from '../receiving/draft';
import { orderLine } from './order';
import { packingSlip } from './packing-slip';
import { receiptsByOrder } from './order-receipts';
import { makeEvent } from '../ledger/fixtures';

const SIZE: Record<string, number> = { botox: 100_000, juvederm: 1_000, sculptra: 5_000 };
const size = (id: string) => SIZE[id] ?? 0;
const order = {
  status: 'sent' as const,
  lines: [
    orderLine('botox', { containerSizeMilli: 100_000, containersPerPack: 1 }, 2, 6_500_000),
    orderLine('juvederm', { containerSizeMilli: 1_000, containersPerPack: 2 }, 2, 300_000_000),
  ],
};
const scanned = (productId: string, containers: number, o: Partial<ReceiptLine> = {}): ReceiptLine => ({
  key: `${productId}|L`,
  productId,
  lotNumber: 'L',
  expiry: '2028-01-31',
  existingLotId: null,
  containers,
  freeContainers: 0,
  priceCentsPerContainer: null,
  serials: [],
  warnings: [],
  ...o,
});

describe('[PO3] packing-slip check', () => {
  it('follows the worked example: complete, missing and extra, and the status after confirming', () => {
    const slip = packingSlip(
      order,
      [{ productId: 'botox', quantityMilli: 100_000 }],
      {
        lines: [scanned('botox', 1), scanned('sculptra', 1, { warnings: ['short-dated'], lotNumber: 'S9' })],
      },
      size,
    );
    expect(slip.lines.map((l) => [l.productId, l.state, l.scannedMilli, l.missingMilli])).toEqual([
      ['botox', 'complete', 100_000, 0],
      ['juvederm', 'missing', 0, 4_000],
      ['sculptra', 'extra', 5_000, 0],
    ]);
    expect(slip.lines[2]?.datedLots).toEqual(['S9']);
    expect(slip.statusAfter).toBe('partially_received');
  });
  it('calls a line short, then over, as cartons are scanned', () => {
    const one = packingSlip(order, [], { lines: [scanned('juvederm', 2)] }, size);
    expect(one.lines[1]).toMatchObject({ state: 'short', missingMilli: 2_000 });
    const over = packingSlip(order, [], { lines: [scanned('botox', 2), scanned('juvederm', 6)] }, size);
    expect(over.lines[1]).toMatchObject({ state: 'over', overMilli: 2_000 });
    expect(over.statusAfter).toBe('received');
  });
  it('counts only receipts naming the order and not voided since', () => {
    const lots = new Map([['lot-b', { productId: 'botox' }]]);
    const kept = makeEvent({
      id: 'r1',
      type: 'receive',
      lotId: 'lot-b',
      quantityMilli: 100_000,
      payload: { purchaseOrderId: 'O' },
    });
    const voided = makeEvent({
      id: 'r2',
      type: 'receive',
      lotId: 'lot-b',
      quantityMilli: 100_000,
      payload: { purchaseOrderId: 'O' },
    });
    const correction = makeEvent({
      id: 'c2',
      type: 'receive',
      lotId: 'lot-b',
      quantityMilli: -100_000,
      correctsId: 'r2',
    });
    const other = makeEvent({ id: 'r3', type: 'receive', lotId: 'lot-b', quantityMilli: 100_000 });
    expect(receiptsByOrder([kept, voided, correction, other], lots)).toEqual(
      new Map([['O', [{ productId: 'botox', quantityMilli: 100_000 }]]]),
    );
  });
});
