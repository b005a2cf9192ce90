import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { ReceiptLine } from '../receiving/draft';
import { packingSlip } from './packing-slip';

const product = fc.constantFrom('a', 'b', 'c');
const scanned = fc.record({
  productId: product,
  lotNumber: fc.constantFrom('L1', 'L2'),
  containers: fc.integer({ min: 1, max: 50 }),
});
const asLine = (s: { productId: string; lotNumber: string; containers: number }): ReceiptLine => ({
  key: `${s.productId}|${s.lotNumber}`,
  productId: s.productId,
  lotNumber: s.lotNumber,
  expiry: '2028-01-31',
  existingLotId: null,
  containers: s.containers,
  freeContainers: 0,
  priceCentsPerContainer: null,
  serials: [],
  warnings: [],
});

describe('packing-slip properties', () => {
  it('[PO3] what is missing, over or extra never depends on the order the cartons were scanned in; missing + received = ordered', () => {
    fc.assert(
      fc.property(
        fc.uniqueArray(
          fc.record({ productId: product, quantityMilli: fc.integer({ min: 1, max: 100_000 }) }),
          {
            selector: (l) => l.productId,
            minLength: 1,
          },
        ),
        fc
          .array(scanned, { maxLength: 8 })
          .chain((s) => fc.tuple(fc.constant(s), fc.shuffledSubarray(s, { minLength: s.length }))),
        (ordered, [scans, shuffled]) => {
          const order = {
            status: 'sent' as const,
            lines: ordered.map((l) => ({ ...l, packs: 0, unitCostMicros: 0, expectedOn: null })),
          };
          const size = () => 1_000;
          const a = packingSlip(order, [], { lines: scans.map(asLine) }, size);
          const b = packingSlip(order, [], { lines: shuffled.map(asLine) }, size);
          const byProduct = (s: typeof a) =>
            [...s.lines].sort((x, y) => x.productId.localeCompare(y.productId));
          expect(byProduct(b)).toEqual(byProduct(a));
          expect(b.statusAfter).toBe(a.statusAfter);
          for (const l of a.lines)
            expect(l.missingMilli - l.overMilli + l.receivedBeforeMilli + l.scannedMilli).toBe(
              l.orderedMilli,
            );
        },
      ),
    );
  });
});
