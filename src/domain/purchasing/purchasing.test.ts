import { describe, expect, it } from 'vitest';
import { baseMilliToPacks, packsToBaseMilli } from './packs';
import { invoiceFromUnitCost, receiptCost } from './receipt-cost';
import { orderProgress } from './po-progress';

const syringes = { containerSizeMilli: 1_000, containersPerPack: 2 };
const vial100 = { containerSizeMilli: 100_000, containersPerPack: 1 };

describe('packs and base units [RC1]', () => {
  it('turns cartons into base units and back, with what is left over', () => {
    expect(packsToBaseMilli(3, syringes)).toBe(6_000);
    expect(packsToBaseMilli(-1, vial100)).toBe(-100_000);
    expect(baseMilliToPacks(5_000, syringes)).toEqual({ packs: 2, remainderMilli: 1_000 });
    expect(baseMilliToPacks(-250_000, vial100)).toEqual({ packs: -2, remainderMilli: -50_000 });
  });
  it('refuses amounts beyond exact integers', () => {
    expect(() => packsToBaseMilli(2 ** 52, syringes)).toThrow(RangeError);
    expect(() => packsToBaseMilli(1.5, syringes)).toThrow(RangeError);
  });
});

describe('cost per unit with free goods [RC2]', () => {
  it('spreads the invoice over every unit that arrived (worked example)', () => {
    const cost = receiptCost({
      invoiceCents: 540_000,
      paidQuantityMilli: 1_000_000,
      freeQuantityMilli: 100_000,
    });
    expect(cost).toEqual({
      unitCostMicros: 4_909_091,
      quantityMilli: 1_100_000,
      valuedCents: 540_000,
      roundingCents: 0,
    });
  });
  it('reports what the rounding to the micro-dollar moved instead of hiding it', () => {
    // $1,000,000.00 over 3,000,000 units: $0.33333333/U → 333_333 µ$, which values them at $1.00 less.
    const cost = receiptCost({
      invoiceCents: 100_000_000,
      paidQuantityMilli: 3_000_000_000,
      freeQuantityMilli: 0,
    });
    expect(cost.unitCostMicros).toBe(333_333);
    expect(cost.valuedCents).toBe(99_999_900);
    expect(cost.roundingCents).toBe(100);
  });
  it('prices a receipt from the PO line’s cost per unit', () => {
    expect(invoiceFromUnitCost(1_000_000, 5_400_000)).toBe(540_000);
  });
  it('refuses a receipt of nothing paid, negative free goods or a negative invoice', () => {
    expect(() => receiptCost({ invoiceCents: 1, paidQuantityMilli: 0, freeQuantityMilli: 1 })).toThrow(
      /paid/,
    );
    expect(() => receiptCost({ invoiceCents: 1, paidQuantityMilli: 1, freeQuantityMilli: -1 })).toThrow(
      /free/,
    );
    expect(() => receiptCost({ invoiceCents: -1, paidQuantityMilli: 1, freeQuantityMilli: 0 })).toThrow(
      /invoice/,
    );
  });
});

describe('purchase order progress [RC3]', () => {
  const lines = [
    { productId: 'botox', quantityMilli: 1_000_000 },
    { productId: 'juvederm', quantityMilli: 4_000 },
  ];
  it('follows the worked example: over on one line, short on the other', () => {
    const progress = orderProgress('sent', lines, [
      { productId: 'botox', quantityMilli: 600_000 },
      { productId: 'botox', quantityMilli: 500_000 },
    ]);
    expect(progress.status).toBe('partially_received');
    expect(progress.lines).toEqual([
      {
        productId: 'botox',
        orderedMilli: 1_000_000,
        receivedMilli: 1_100_000,
        shortMilli: 0,
        overMilli: 100_000,
      },
      { productId: 'juvederm', orderedMilli: 4_000, receivedMilli: 0, shortMilli: 4_000, overMilli: 0 },
    ]);
  });
  it('is received when every line has arrived, and lists a product nobody ordered as extra', () => {
    const progress = orderProgress('sent', lines, [
      { productId: 'juvederm', quantityMilli: 4_000 },
      { productId: 'sculptra', quantityMilli: 1_000 },
      { productId: 'botox', quantityMilli: 1_000_000 },
    ]);
    expect(progress.status).toBe('received');
    expect(progress.lines.at(-1)).toEqual({
      productId: 'sculptra',
      orderedMilli: 0,
      receivedMilli: 1_000,
      shortMilli: 0,
      overMilli: 1_000,
    });
  });
  it('keeps a draft, a cancelled order and a sent one with nothing received as staff left them', () => {
    expect(orderProgress('draft', lines, []).status).toBe('draft');
    expect(orderProgress('cancelled', lines, [{ productId: 'botox', quantityMilli: 1 }]).status).toBe(
      'cancelled',
    );
    expect(orderProgress('sent', lines, []).status).toBe('sent');
  });
});
