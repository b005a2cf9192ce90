import { describe, expect, it } from 'vitest';
import { validateProductDraft } from '../../domain/catalog/product-draft';
import { buildDemoClinic } from '../../domain/demo/clinic';
import { loadDemoClinic } from '../demo';
import { openTestDatabase } from '../testing';
import { CatalogError, createProduct, importStarterCatalog, toProduct } from './products';
import { editedOn } from './records';

const TODAY = '2026-11-23';
const demo = buildDemoClinic(TODAY);
const orgId = demo.organization.id;
const manager = {
  deviceId: 'tablet-1',
  actorId: demo.staff[1]?.id ?? '',
  nowMs: 1,
  role: 'manager' as const,
};

function valid(gtin: string) {
  const result = validateProductDraft(
    {
      gtin,
      name: 'Daxxify 100 U',
      manufacturer: 'Revance',
      supplier: 'Revance',
      category: 'neurotoxin',
      baseUnit: 'U',
      containerSize: '100',
      containersPerPack: '1',
      patientPrice: '',
      drawStep: '',
      beyondUseHours: '72',
      minStock: '0',
    },
    [],
  );
  if (!result.ok) throw new Error(JSON.stringify(result.errors));
  return result.value;
}

describe('products created from a scan', () => {
  it('[SC8][MD9] a manager adds the product; it is stored with clocks, so it replicates', async () => {
    const { db } = await openTestDatabase();
    await loadDemoClinic(db, { today: TODAY, hashPin: async (p) => p });
    const product = await createProduct(db, valid('00012345678905'), { id: 'p-new', orgId }, manager);
    const doc = (await db.products.findOne('p-new').exec())?.toMutableJSON();
    expect(doc && toProduct(doc)).toEqual(product);
    expect(doc?.editor).toBe(manager.actorId);
    expect(doc && editedOn(doc, 'tablet-1')).toBe(true);
    await db.close();
  });

  it('[SC8][R1] an injector may not add a product, and a GTIN already in the catalog is refused', async () => {
    const { db } = await openTestDatabase();
    await loadDemoClinic(db, { today: TODAY, hashPin: async (p) => p });
    const injector = { ...manager, role: 'injector' as const };
    await expect(createProduct(db, valid('00012345678905'), { id: 'p-x', orgId }, injector)).rejects.toThrow(
      CatalogError,
    );
    // Juvéderm's carton-level GTIN (second in its list) is taken.
    await expect(createProduct(db, valid('10099000000049'), { id: 'p-y', orgId }, manager)).rejects.toThrow(
      /already belongs to Juvéderm/,
    );
    expect(await db.products.count().exec()).toBe(demo.products.length);
    await db.close();
  });
});

describe('the starter catalog', () => {
  it('[CT1] a manager imports it once: a second import adds nothing; an injector may not', async () => {
    const { db } = await openTestDatabase();
    await loadDemoClinic(db, { today: TODAY, hashPin: async (p) => p });
    const added = await importStarterCatalog(db, manager);
    expect(added.length).toBeGreaterThan(10);
    expect(await db.products.count().exec()).toBe(demo.products.length + added.length);
    expect(await importStarterCatalog(db, manager)).toEqual([]);
    await expect(importStarterCatalog(db, { ...manager, role: 'injector' })).rejects.toThrow(CatalogError);
    expect(await db.products.count().exec()).toBe(demo.products.length + added.length);
    await db.close();
  });
});
