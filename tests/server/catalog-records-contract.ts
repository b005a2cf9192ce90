/**
 * The catalog's record kinds on the server ([CT2], [CT3], [MD10]): suppliers and supplier prices
 * are accepted from managers and admins and refused from everyone else, like products; a product's
 * catalog fields replicate, and a copy that predates them is valid.
 */
import { describe, expect, it } from 'vitest';
import type { RecordData } from '../../src/domain/replica';
import type { StoreBackend } from './backends';
import {
  BOTOX,
  clock,
  created,
  harnessPerTest,
  newId,
  productData,
  pulledOne,
  pushRecords,
} from './records-fixtures';
import { ORG, STAFF } from './sync-harness';

const supplierData = (o: RecordData = {}): RecordData => ({
  orgId: ORG,
  name: 'McKesson Medical-Surgical',
  contact: 'Dana, 555-0100',
  accountNumber: 'LUM-2231',
  leadTimeDays: 3,
  paymentTerms: 'Net 30',
  notes: '',
  ...o,
});

const priceData = (supplierId: string, o: RecordData = {}): RecordData => ({
  orgId: ORG,
  supplierId,
  productId: BOTOX,
  supplierSku: 'BTX-100',
  unitCostMicros: 6_250_000,
  minPacks: 1,
  updatedOn: '2025-06-01',
  ...o,
});

export function defineCatalogRecordsContract(backend: StoreBackend): void {
  describe(`catalog records (${backend.kind})`, () => {
    const harness = harnessPerTest(backend);

    it('[CT2] a manager’s supplier and supplier price are stored and pulled back', async () => {
      const h = await harness();
      const device = await h.enroll();
      const supplier = created('suppliers', newId(), supplierData(), clock(1), STAFF.manager);
      const price = created('supplier_prices', newId(), priceData(supplier.id), clock(1), STAFF.admin);
      const res = await pushRecords(h, device, [supplier, price]);
      expect(res.statusCode).toBe(200);
      expect(res.json()).toEqual({ changed: [supplier.id, price.id], unchanged: [] });
      expect((await pulledOne(h, device, 'suppliers', supplier.id)).data).toEqual(supplier.data);
      expect((await pulledOne(h, device, 'supplier_prices', price.id)).data.unitCostMicros).toBe(6_250_000);
    });

    it('[CT2] an injector or front desk may not create a supplier or a supplier price (403 with the reason)', async () => {
      const h = await harness();
      const device = await h.enroll();
      for (const actor of [STAFF.injector, STAFF.frontDesk]) {
        const supplier = created('suppliers', newId(), supplierData(), clock(1), actor);
        const res = await pushRecords(h, device, [supplier]);
        expect(res.statusCode, actor).toBe(403);
        expect(JSON.stringify(res.json())).toContain('may not create a supplier');
        const price = created('supplier_prices', newId(), priceData(newId()), clock(1), actor);
        expect((await pushRecords(h, device, [price])).statusCode, actor).toBe(403);
      }
    });

    it('[CT2] a supplier with no name or a negative lead time is refused naming the field', async () => {
      const h = await harness();
      const device = await h.enroll();
      const unnamed = created('suppliers', newId(), supplierData({ name: '' }), clock(1), STAFF.manager);
      const res = await pushRecords(h, device, [unnamed]);
      expect(res.statusCode).toBe(400);
      expect(res.json()).toMatchObject({ field: 'name', recordId: unnamed.id });
      const late = created('suppliers', newId(), supplierData({ leadTimeDays: -1 }), clock(1), STAFF.manager);
      expect((await pushRecords(h, device, [late])).json()).toMatchObject({ field: 'leadTimeDays' });
    });

    it('[CT3][MD10] a product’s archive flag, family, reorder quantity and preferred supplier replicate; a copy without them reads with the defaults', async () => {
      const h = await harness();
      const device = await h.enroll();
      const supplierId = newId();
      const full = created(
        'products',
        newId(),
        productData({
          gtins: ['00099000000899'],
          archived: true,
          family: 'Daxxify',
          reorderQuantityMilli: 300_000,
          preferredSupplierId: supplierId,
        }),
        clock(1),
        STAFF.manager,
      );
      const older = created(
        'products',
        newId(),
        productData({ gtins: ['00099000000882'] }),
        clock(1),
        STAFF.manager,
      );
      expect((await pushRecords(h, device, [full, older])).statusCode).toBe(200);
      expect((await pulledOne(h, device, 'products', full.id)).data).toMatchObject({
        archived: true,
        family: 'Daxxify',
        reorderQuantityMilli: 300_000,
        preferredSupplierId: supplierId,
      });
      expect((await pulledOne(h, device, 'products', older.id)).data).not.toHaveProperty('archived');
      const bad = created(
        'products',
        newId(),
        productData({ gtins: ['00099000000875'], preferredSupplierId: 'not-a-uuid' }),
        clock(1),
        STAFF.manager,
      );
      expect((await pushRecords(h, device, [bad])).json()).toMatchObject({ field: 'preferredSupplierId' });
    });
  });
}
