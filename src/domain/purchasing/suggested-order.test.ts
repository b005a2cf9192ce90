import { describe, expect, it } from 'vitest';
import { BOTOX } from '../fefo/fixtures';
import type { Product } from '../model';
import { suggestedOrder, UNASSIGNED_SUPPLIER, type SuggestionInput } from './suggested-order';

const ALLERGAN = 'sup-allergan';
/** A product with defaults; override what the test is about. */
const makeProduct = (o: Partial<Product> & { id: string }): Product => ({
  ...BOTOX,
  minStockMilli: 300_000,
  ...o,
});
const input = (products: Product[], o: Partial<SuggestionInput> = {}): SuggestionInput => ({
  products,
  onHandMilli: new Map(),
  onOrderMilli: new Map(),
  supplierNames: new Map([[ALLERGAN, 'Allergan']]),
  supplierPrices: new Map(),
  lastOrderedCost: new Map(),
  ...o,
});

describe('[PO6] suggested order', () => {
  it('follows the worked example: twice the minimum less what is on hand, in whole packs, at the supplier’s latest price', () => {
    const botox = makeProduct({ id: 'botox', preferredSupplierId: ALLERGAN });
    const drafts = suggestedOrder(
      input([botox], {
        onHandMilli: new Map([['botox', 120_000]]),
        supplierPrices: new Map([[`${ALLERGAN}|botox`, 6_400_000]]),
      }),
    );
    expect(drafts).toEqual([
      {
        supplier: 'Allergan',
        supplierId: ALLERGAN,
        lines: [
          {
            productId: 'botox',
            packs: 5,
            quantityMilli: 500_000,
            unitCostMicros: 6_400_000,
            expectedOn: null,
          },
        ],
      },
    ]);
  });
  it('orders the reorder quantity when set, rounded up to packs, and counts what is already on order', () => {
    const filler = makeProduct({
      id: 'filler',
      containerSizeMilli: 1_000,
      containersPerPack: 2,
      minStockMilli: 4_000,
      reorderQuantityMilli: 5_000,
    });
    const [draft] = suggestedOrder(input([filler], { lastOrderedCost: new Map([['filler', 300_000_000]]) }));
    expect(draft?.lines).toEqual([
      { productId: 'filler', packs: 3, quantityMilli: 6_000, unitCostMicros: 300_000_000, expectedOn: null },
    ]);
    const covered = input([filler], {
      onHandMilli: new Map([['filler', 1_000]]),
      onOrderMilli: new Map([['filler', 3_000]]),
    });
    expect(suggestedOrder(covered)).toEqual([]);
  });
  it('leaves out archived products, those without a minimum and those at or above it; groups by supplier', () => {
    const drafts = suggestedOrder(
      input(
        [
          makeProduct({ id: 'a', archived: true }),
          makeProduct({ id: 'b', minStockMilli: 0 }),
          makeProduct({ id: 'c' }),
          makeProduct({ id: 'd', supplier: 'Galderma' }),
          makeProduct({ id: 'e', supplier: '' }),
          makeProduct({ id: 'f', preferredSupplierId: ALLERGAN }),
        ],
        { onHandMilli: new Map([['c', 300_000]]) },
      ),
    );
    expect(drafts.map((d) => [d.supplier, d.lines.map((l) => l.productId)])).toEqual([
      ['Allergan', ['f']],
      ['Galderma', ['d']],
      [UNASSIGNED_SUPPLIER, ['e']],
    ]);
    expect(drafts[1]?.lines[0]?.unitCostMicros).toBe(0);
  });
});
