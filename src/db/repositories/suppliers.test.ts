import { firstValueFrom } from 'rxjs';
import { describe, expect, it } from 'vitest';
import { parseCsv } from '../../domain/catalog/csv';
import { planPriceImport } from '../../domain/catalog/price-import';
import { planProductImport } from '../../domain/catalog/product-import';
import { buildDemoClinic } from '../../domain/demo/clinic';
import type { Supplier } from '../../domain/model';
import { loadDemoClinic } from '../demo';
import { openTestDatabase } from '../testing';
import { CatalogError, saveProducts, toProduct } from './products';
import { editedOn } from './records';
import { watchProductReceipts } from './price-history';
import { saveSupplier, saveSupplierPrices, watchSupplierPrices, watchSuppliers } from './suppliers';

const TODAY = '2026-11-23';
const demo = buildDemoClinic(TODAY);
const ctxOf = (role: 'manager' | 'injector' | 'front_desk') => ({
  deviceId: 'tablet-1',
  actorId: demo.staff.find((s) => s.role === role)?.id ?? '',
  nowMs: Date.parse('2026-11-23T12:00:00Z'),
  role,
});
const supplier: Supplier = {
  id: '0190a000-0000-7000-8000-000000009001',
  orgId: demo.organization.id,
  name: 'McKesson',
  contact: '',
  accountNumber: 'A-1',
  leadTimeDays: 3,
  paymentTerms: 'Net 30',
  notes: '',
};

async function demoDb() {
  const { db } = await openTestDatabase();
  await loadDemoClinic(db, { today: TODAY, hashPin: async (pin) => `test$${pin}` });
  return db;
}

describe('suppliers and catalog writes on the tablet ([CT2])', () => {
  it('[CT2] a manager’s supplier and price list are stored in `records`, stamped with this tablet’s clock', async () => {
    const db = await demoDb();
    await saveSupplier(db, supplier, ctxOf('manager'));
    const parsed = parseCsv('product,packPrice\nBotox Cosmetic 100 U,590.00\nDysport 300 U,600.00\n');
    if (!parsed.ok) throw new Error(parsed.error);
    const plan = planPriceImport(parsed.table, { supplier, products: demo.products, today: TODAY });
    await saveSupplierPrices(db, plan.prices, ctxOf('manager'));
    expect(await firstValueFrom(watchSuppliers(db))).toEqual([supplier]);
    expect((await firstValueFrom(watchSupplierPrices(db))).map((p) => p.unitCostMicros).sort()).toEqual([
      2_000_000, 5_900_000,
    ]);
    const stored = await db.records.findOne(`suppliers:${supplier.id}`).exec();
    expect(stored && editedOn(stored.toMutableJSON(), 'tablet-1')).toBe(true);
    await db.close();
  });

  it('[CT2] an injector or front desk may not write a supplier, a price or a product; nothing is written', async () => {
    const db = await demoDb();
    for (const role of ['injector', 'front_desk'] as const) {
      await expect(saveSupplier(db, supplier, ctxOf(role))).rejects.toThrow(CatalogError);
      await expect(saveSupplierPrices(db, [], ctxOf(role))).rejects.toThrow(CatalogError);
      const botox = toProduct((await db.products.find().exec())[0]!.toMutableJSON());
      await expect(saveProducts(db, [{ ...botox, archived: true }], ctxOf(role))).rejects.toThrow(
        CatalogError,
      );
    }
    const written = { kind: { $in: ['suppliers', 'supplier_prices'] } };
    expect(await db.records.find({ selector: written }).exec()).toHaveLength(0);
    expect((await db.products.find({ selector: { archived: true } }).exec()).length).toBe(0);
    await db.close();
  });

  it('[CT5] a product import is one write: every good row stored, none of the bad', async () => {
    const db = await demoDb();
    const existing = (await db.products.find().exec()).map((d) => toProduct(d.toMutableJSON()));
    const parsed = parseCsv(
      'name,category,baseUnit,containerSize\nA,filler,mL,1\nB,filler,litre,1\nC,supply,each,1\n',
    );
    if (!parsed.ok) throw new Error(parsed.error);
    let n = 0;
    const plan = planProductImport(parsed.table, {
      orgId: demo.organization.id,
      existing,
      suppliers: [],
      newId: () => `0190a000-0000-7000-8000-00000000800${++n}`,
    });
    expect(plan.errors.map((e) => [e.row, e.field])).toEqual([[3, 'baseUnit']]);
    await saveProducts(db, plan.created, ctxOf('manager'));
    const names = (await db.products.find().exec()).map((d) => d.name);
    expect(names).toEqual(expect.arrayContaining(['A', 'C']));
    expect(names).not.toContain('B');
    expect(names).toHaveLength(demo.products.length + 2);
    await db.close();
  });

  it('[CT6] a product’s receipts for its price history: its lots’ receive events and their corrections, live', async () => {
    const db = await demoDb();
    const botox = demo.products[0];
    if (!botox) throw new Error('no demo product');
    const lots = new Set(demo.lots.filter((l) => l.productId === botox.id).map((l) => l.id));
    const events = await firstValueFrom(watchProductReceipts(db, botox.id));
    expect(events.length).toBeGreaterThan(0);
    expect(events.every((e) => e.type === 'receive' && lots.has(e.lotId))).toBe(true);
    await db.close();
  });
});
