import { describe, expect, it } from 'vitest';
import { BOTOX } from '../fefo/fixtures';
import type { LedgerEvent, Product, Supplier } from '../model';
import { catalogGroups, pickable } from './catalog-list';
import { parseCsv } from './csv';
import { priceHistory } from './price-history';
import { planPriceImport, supplierPriceId } from './price-import';

const ORG = '0190a000-0000-7000-8000-000000001001';
const SUPPLIER: Supplier = {
  id: '0190a000-0000-7000-8000-000000009001',
  orgId: ORG,
  name: 'McKesson',
  contact: '',
  accountNumber: '',
  leadTimeDays: null,
  paymentTerms: '',
  notes: '',
};
const botox: Product = { ...BOTOX, gtins: ['00099000000011'] };
const juvederm: Product = {
  ...BOTOX,
  id: 'prod-juv',
  name: 'Juvéderm Ultra XC',
  category: 'filler',
  baseUnit: 'mL',
  containerSizeMilli: 1_000,
  containersPerPack: 2,
  family: '',
  gtins: [],
};

function plan(csv: string) {
  const parsed = parseCsv(csv);
  if (!parsed.ok) throw new Error(parsed.error);
  return planPriceImport(parsed.table, {
    supplier: SUPPLIER,
    products: [botox, juvederm],
    today: '2026-12-02',
  });
}

describe('supplier price lists ([CT6])', () => {
  it('[CT6] a pack price becomes an exact cost per base unit; a unit cost is taken as it is; the id follows supplier, product and day', () => {
    const r = plan(
      'gtin,product,packPrice,unitCost,minPacks\n00099000000011,,590.00,,\n,juvederm ultra xc,,"129.5",2\n',
    );
    expect(r.errors).toEqual([]);
    expect(r.prices).toEqual([
      {
        id: supplierPriceId(ORG, SUPPLIER.id, botox.id, '2026-12-02'),
        orgId: ORG,
        supplierId: SUPPLIER.id,
        productId: botox.id,
        supplierSku: '',
        unitCostMicros: 5_900_000,
        minPacks: 1,
        updatedOn: '2026-12-02',
      },
      expect.objectContaining({ productId: juvederm.id, unitCostMicros: 129_500_000, minPacks: 2 }),
    ]);
    // 2 syringes of 1 mL for $259.00 → $129.50 per mL.
    expect(plan('product;packPrice\nJuvéderm Ultra XC;259,00\n').prices[0]?.unitCostMicros).toBe(129_500_000);
  });

  it('[CT6] bad rows name their row and field; the good rows are kept', () => {
    const r = plan(
      [
        'gtin,packPrice,updatedOn',
        '00099000000011,590.00,2026-11-01',
        '00099000000028,10.00,',
        '00099000000011,-1,2026-11-02',
        '00099000000011,12.00,2026-13-01',
        '00099000000011,600.00,2026-11-01',
      ].join('\n'),
    );
    expect(r.prices.map((p) => p.updatedOn)).toEqual(['2026-11-01']);
    expect(r.errors.map((e) => [e.row, e.field])).toEqual([
      [3, 'gtin'],
      [4, 'packPrice'],
      [5, 'updatedOn'],
      [6, 'gtin'],
    ]);
  });

  it('[CT6] price history lists price lists and receipts newest first; a split receipt line once, a voided receipt not at all', () => {
    const receive = (id: string, location: string): LedgerEvent => ({
      id,
      orgId: ORG,
      type: 'receive',
      lotId: 'lot-1',
      locationId: location,
      quantityMilli: 100_000,
      actorId: 's',
      deviceId: 'd',
      deviceTime: '2026-11-20T10:00:00.000Z',
      visitId: null,
      containerId: null,
      correctsId: null,
      payload: {
        supplier: 'mckesson',
        purchaseOrder: 'PO-7',
        receiptId: 'r1',
        lineId: 'l1',
        unitCostMicros: 5_850_000,
      },
    });
    const prices = plan('gtin,packPrice,updatedOn\n00099000000011,590.00,2026-11-01\n').prices;
    expect(
      priceHistory({ prices, receipts: [receive('e1', 'a'), receive('e2', 'b')], suppliers: [SUPPLIER] }),
    ).toEqual([
      {
        on: '2026-11-20',
        supplier: 'McKesson',
        supplierId: SUPPLIER.id,
        unitCostMicros: 5_850_000,
        source: 'receipt',
        reference: 'PO-7',
      },
      {
        on: '2026-11-01',
        supplier: 'McKesson',
        supplierId: SUPPLIER.id,
        unitCostMicros: 5_900_000,
        source: 'price list',
        reference: '',
      },
    ]);
  });
});

describe('price history from purchase orders ([CT6], [PO7])', () => {
  it('[PO7] a sent order’s agreed cost per unit is an entry; drafts, cancelled orders and other products are not', () => {
    const order = (id: string, status: 'draft' | 'sent' | 'cancelled', productId: string) => ({
      id,
      orgId: 'org',
      locationId: 'loc',
      supplier: 'MCKESSON',
      reference: `PO-${id}`,
      status,
      orderedOn: '2026-11-01',
      sentAt: status === 'draft' ? null : '2026-11-03T09:00:00.000Z',
      lines: [{ productId, packs: 1, quantityMilli: 100_000, unitCostMicros: 6_000_000, expectedOn: null }],
      note: '',
    });
    const orders = [
      order('1', 'sent', botox.id),
      order('2', 'draft', botox.id),
      order('3', 'cancelled', botox.id),
      order('4', 'sent', juvederm.id),
    ];
    expect(
      priceHistory({ prices: [], receipts: [], suppliers: [SUPPLIER], orders, productId: botox.id }),
    ).toEqual([
      {
        on: '2026-11-03',
        supplier: 'McKesson',
        supplierId: SUPPLIER.id,
        unitCostMicros: 6_000_000,
        source: 'order',
        reference: 'PO-1',
      },
    ]);
  });
});

describe('the catalog list ([CT3], [CT4])', () => {
  const b50: Product = { ...botox, id: 'b50', name: 'Botox Cosmetic 50 U', family: 'Botox Cosmetic' };
  const b100: Product = { ...botox, id: 'b100', name: 'Botox Cosmetic 100 U', family: 'Botox Cosmetic' };
  const old: Product = { ...juvederm, id: 'old', name: 'Belotero Soft', archived: true };
  const all = [juvederm, b50, old, b100];
  const q = { search: '', category: null, showArchived: false };

  it('[CT3] archived products leave pickers and the list, unless the list is asked to show them', () => {
    expect(pickable(all).map((p) => p.id)).toEqual(['prod-juv', 'b50', 'b100']);
    expect(catalogGroups(all, q).flatMap((g) => g.products.map((p) => p.id))).not.toContain('old');
    expect(
      catalogGroups(all, { ...q, showArchived: true }).flatMap((g) => g.products.map((p) => p.id)),
    ).toContain('old');
  });

  it('[CT4] variants are grouped by family; search reads name, maker, family and GTIN, accents aside', () => {
    expect(catalogGroups(all, q).map((g) => [g.family, g.products.map((p) => p.id)])).toEqual([
      ['Botox Cosmetic', ['b100', 'b50']],
      [null, ['prod-juv']],
    ]);
    expect(catalogGroups(all, { ...q, search: 'JUVED' }).map((g) => g.products[0]?.id)).toEqual(['prod-juv']);
    expect(catalogGroups(all, { ...q, search: '0009900000001' })).toHaveLength(1);
    expect(catalogGroups(all, { ...q, category: 'filler' }).map((g) => g.products[0]?.id)).toEqual([
      'prod-juv',
    ]);
  });
});

describe('supplier form ([CT2])', () => {
  it('[CT2] a supplier validates with an unknown lead time as null; a bad lead time or a taken name names its field', async () => {
    const { validateSupplierText, EMPTY_SUPPLIER_TEXT } = await import('./supplier-text');
    expect(validateSupplierText({ ...EMPTY_SUPPLIER_TEXT, name: ' Henry Schein ' }, [SUPPLIER])).toEqual({
      ok: true,
      value: {
        name: 'Henry Schein',
        contact: '',
        accountNumber: '',
        leadTimeDays: null,
        paymentTerms: '',
        notes: '',
      },
    });
    const bad = validateSupplierText({ ...EMPTY_SUPPLIER_TEXT, name: 'mckesson', leadTimeDays: '2.5' }, [
      SUPPLIER,
    ]);
    expect(bad.ok ? [] : bad.errors.map((e) => e.field)).toEqual(['name', 'leadTimeDays']);
  });
});
