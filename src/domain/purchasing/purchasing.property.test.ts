import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { orderProgress } from './po-progress';
import { receiptCost } from './receipt-cost';

const product = fc.constantFrom('a', 'b', 'c', 'd');
const receipt = fc.record({ productId: product, quantityMilli: fc.integer({ min: 1, max: 10_000_000 }) });
const line = fc.record({ productId: product, quantityMilli: fc.integer({ min: 1, max: 10_000_000 }) });

describe('purchasing properties', () => {
  it('[RC3] the order in which receipts arrive never changes a PO’s status or lines', () => {
    fc.assert(
      fc.property(
        fc.uniqueArray(line, { selector: (l) => l.productId, minLength: 1 }),
        fc
          .array(receipt, { maxLength: 12 })
          .chain((rs) => fc.tuple(fc.constant(rs), fc.shuffledSubarray(rs, { minLength: rs.length }))),
        (lines, [receipts, shuffled]) => {
          expect(orderProgress('sent', lines, shuffled)).toEqual(orderProgress('sent', lines, receipts));
        },
      ),
    );
  });

  it('[RC2] the rounding moves at most half a micro-dollar per base unit, and free goods never raise the unit cost', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 100_000_000 }),
        fc.integer({ min: 1, max: 100_000_000 }),
        fc.integer({ min: 0, max: 10_000_000 }),
        (invoiceCents, paid, free) => {
          const cost = receiptCost({ invoiceCents, paidQuantityMilli: paid, freeQuantityMilli: free });
          const paidOnly = receiptCost({ invoiceCents, paidQuantityMilli: paid, freeQuantityMilli: 0 });
          expect(cost.unitCostMicros).toBeLessThanOrEqual(paidOnly.unitCostMicros);
          // |rounding| in n$ ≤ ½ µ$ × units + ½ ¢ (the valuation's own rounding to the cent).
          const boundNanos = (cost.quantityMilli * 1_000) / 2 / 1_000 + 5_000_000;
          expect(Math.abs(cost.roundingCents) * 10_000_000).toBeLessThanOrEqual(boundNanos);
        },
      ),
    );
  });
});
