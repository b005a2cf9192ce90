import { describe, expect, it } from 'vitest';
import { buildDemoClinic, DEMO_IDS } from '../demo/clinic';
import { BOTOX, makeLot } from '../fefo/fixtures';
import type { Lot, Product } from '../model';
import { buildStockView, pickLots, unitCostCents, type StockBalanceInput, type StockViewInput } from './view';

const TODAY = '2026-12-02';
const MAIN = DEMO_IDS.mainLocation;
const HARBOR = DEMO_IDS.satelliteLocation;
const demo = buildDemoClinic(TODAY);
const demoBalances: StockBalanceInput[] = demo.receipts.map((r) => ({
  lotId: r.lotId,
  locationId: r.locationId,
  onHandMilli: r.quantityMilli,
  firstReceivedAt: r.receivedAt,
}));

function demoView(locationIds: string[], overrides: Partial<StockViewInput> = {}) {
  return buildStockView({
    products: demo.products,
    lots: demo.lots,
    balances: demoBalances,
    locationIds,
    view: 'in_stock',
    today: TODAY,
    ...overrides,
  });
}

const byNumber = (view: ReturnType<typeof demoView>, lotNumber: string) =>
  view.products.flatMap((p) => p.lots).find((r) => r.lot.lotNumber === lotNumber);

const balance = (lotId: string, onHandMilli: number, locationId = MAIN): StockBalanceInput => ({
  lotId,
  locationId,
  onHandMilli,
});

describe('stock view', () => {
  it('[ST3] the worked example: Main St values each lot to the cent once and sums the rounded values', () => {
    const view = demoView([MAIN]);
    const botox = view.products.find((p) => p.product.name.startsWith('Botox'));
    expect(botox?.lots.map((r) => [r.lot.lotNumber, r.onHandMilli, r.valueCents])).toEqual([
      ['C8123AC4', 100_000, 65_000],
      ['C8377AD2', 300_000, 204_000],
    ]);
    expect(botox?.onHandMilli).toBe(400_000);
    expect(botox?.valueCents).toBe(269_000);
    // $590 / 300 U = $1.966667/U: 300 U × 1,966,667 µ$ = $590.0001 → $590.00, once.
    expect(byNumber(view, 'P47512')?.valueCents).toBe(59_000);
    expect(unitCostCents(1_966_667)).toBe(197);
    const total = view.products.reduce((sum, p) => sum + p.valueCents, 0);
    expect(view.valueCents).toBe(total);
  });

  it('[ST1] a lot shows its balance at the chosen location, not the clinic-wide sum', () => {
    expect(byNumber(demoView([MAIN]), 'C8377AD2')?.onHandMilli).toBe(300_000);
    expect(byNumber(demoView([HARBOR]), 'C8377AD2')?.onHandMilli).toBe(200_000);
    expect(byNumber(demoView([HARBOR]), 'C8123AC4')).toBeUndefined();
    expect(demoView([HARBOR]).products.map((p) => p.product.name)).toEqual([
      'Botox Cosmetic 100 U',
      'Juvéderm Ultra XC 1 mL',
    ]);
  });

  it('[ST2] all locations: the sum, valued once, with the split per location in the order given', () => {
    const row = byNumber(demoView([MAIN, HARBOR]), 'C8377AD2');
    expect(row?.onHandMilli).toBe(500_000);
    expect(row?.valueCents).toBe(340_000);
    expect(row?.byLocation).toEqual([
      { locationId: MAIN, onHandMilli: 300_000 },
      { locationId: HARBOR, onHandMilli: 200_000 },
    ]);
    expect(byNumber(demoView([MAIN, HARBOR]), 'C8123AC4')?.byLocation).toEqual([
      { locationId: MAIN, onHandMilli: 100_000 },
      { locationId: HARBOR, onHandMilli: 0 },
    ]);
  });

  it('[ST4] the lot expiring in 20 days is flagged; the expired and the recalled stay bad', () => {
    const view = demoView([MAIN]);
    expect(byNumber(view, 'C8123AC4')?.state).toMatchObject({
      kind: 'expiring_soon',
      label: 'Expires in 20 days',
      tone: 'warn',
    });
    expect(byNumber(view, '283947')?.state).toMatchObject({ label: 'Expired', tone: 'bad' });
    expect(byNumber(view, '19218-1')?.state).toMatchObject({ label: 'Recalled', tone: 'bad' });
    expect(byNumber(view, 'C8377AD2')?.state.tone).toBe('ok');
  });

  it('[ST5] used-up lots are left out of In stock and listed in History, latest expiry first', () => {
    const lots: Lot[] = [
      makeLot({ id: 'a', expiry: '2026-01-31' }),
      makeLot({ id: 'b', expiry: '2026-06-30' }),
      makeLot({ id: 'c', expiry: '2027-03-31' }),
    ];
    const balances = [balance('a', 0), balance('b', 0), balance('c', 40_000)];
    const input = { products: [BOTOX], lots, balances, locationIds: [MAIN], today: TODAY };
    const inStock = buildStockView({ ...input, view: 'in_stock' });
    expect(inStock.products[0]?.lots.map((r) => r.lot.id)).toEqual(['c']);
    expect(inStock.counts).toEqual({ in_stock: 1, history: 2 });
    const history = buildStockView({ ...input, view: 'history' });
    expect(history.products[0]?.lots.map((r) => r.lot.id)).toEqual(['b', 'a']);
    expect(history.valueCents).toBe(0);
    expect(pickLots(balances, 'in_stock').lotIds).toEqual(['c']);
    expect(pickLots(balances, 'history').lotIds).toEqual(['a', 'b']);
  });

  it('[ST5] FEFO order inside a product: expiry, then first receipt, then lot number', () => {
    const lots = [
      makeLot({ id: 'late', lotNumber: 'A1', expiry: '2027-05-31' }),
      makeLot({ id: 'second', lotNumber: 'B2', expiry: '2027-01-31' }),
      makeLot({ id: 'first', lotNumber: 'C3', expiry: '2027-01-31' }),
      makeLot({ id: 'soon', lotNumber: 'Z9', expiry: '2026-12-31' }),
    ];
    const balances = lots.map((l) => ({
      ...balance(l.id, 1000),
      firstReceivedAt: l.id === 'first' ? '2026-01-01T10:00:00.000Z' : '2026-02-01T10:00:00.000Z',
    }));
    const view = buildStockView({
      products: [BOTOX],
      lots,
      balances,
      locationIds: [MAIN],
      view: 'in_stock',
      today: TODAY,
    });
    expect(view.products[0]?.lots.map((r) => r.lot.id)).toEqual(['soon', 'first', 'second', 'late']);
  });

  it('[ST5] products are in name order, numbers read as numbers', () => {
    const named = (id: string, name: string): Product => ({ ...BOTOX, id, name });
    const products = [named('p10', 'Toxin 10'), named('p2', 'Toxin 2'), named('pa', 'Abobotulinum')];
    const view = buildStockView({
      products,
      lots: products.map((p) => makeLot({ id: `lot-${p.id}`, productId: p.id })),
      balances: products.map((p) => balance(`lot-${p.id}`, 1000)),
      locationIds: [MAIN],
      view: 'in_stock',
      today: '2025-01-01',
    });
    expect(view.products.map((p) => p.product.name)).toEqual(['Abobotulinum', 'Toxin 2', 'Toxin 10']);
  });

  it('a balance below zero stays in stock, flagged, and is valued at nothing', () => {
    const lots = [makeLot({ id: 'neg', expiry: '2027-12-31' })];
    const view = buildStockView({
      products: [BOTOX],
      lots,
      balances: [balance('neg', -20_000)],
      locationIds: [MAIN],
      view: 'in_stock',
      today: TODAY,
    });
    expect(view.products[0]?.lots[0]).toMatchObject({ onHandMilli: -20_000, valueCents: 0 });
    expect(view.products[0]?.lots[0]?.state.label).toBe('Below zero');
  });

  it('balances at other locations, and lots or products not on the tablet yet, are left out', () => {
    const stranger: Product = { ...BOTOX, id: 'prod-other', name: 'Other' };
    const lots = [makeLot({ id: 'x' }), makeLot({ id: 'y', productId: 'prod-missing' })];
    const view = buildStockView({
      products: [BOTOX, stranger],
      lots,
      balances: [balance('x', 5_000, HARBOR), balance('y', 5_000), balance('z', 5_000)],
      locationIds: [MAIN],
      view: 'in_stock',
      today: TODAY,
    });
    expect(view.products).toEqual([]);
    expect(view.counts.in_stock).toBe(2);
  });

  it('[ST3] values are exact: 0.001 U at $5/U is half a cent and rounds to the even cent', () => {
    const lots = [
      makeLot({ id: 'h', unitCostMicros: 5_000_000 }),
      makeLot({ id: 'i', unitCostMicros: 5_000_000 }),
    ];
    const view = buildStockView({
      products: [BOTOX],
      lots,
      balances: [balance('h', 1), balance('i', 3)],
      locationIds: [MAIN],
      view: 'in_stock',
      today: '2025-01-01',
    });
    expect(view.products[0]?.lots.map((r) => r.valueCents)).toEqual([0, 2]);
    expect(view.valueCents).toBe(2);
  });
});
