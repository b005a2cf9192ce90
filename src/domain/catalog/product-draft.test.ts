import { describe, expect, it } from 'vitest';
import { BOTOX } from '../fefo/fixtures';
import { checkRecordData } from '../replica/kinds';
import { errorFor } from './errors';
import type { ProductDraft } from './product-draft';
import {
  buildProduct,
  EMPTY_PRODUCT_DRAFT,
  productDraftFromScan,
  validateProductDraft,
} from './product-draft';

const catalog = [{ ...BOTOX, gtins: ['00099000000011'] }];
const filled = (over: Partial<ProductDraft> = {}): ProductDraft => ({
  ...productDraftFromScan({ gtin: '00012345678905' }),
  name: ' Daxxify 100 U ',
  category: 'neurotoxin',
  baseUnit: 'U',
  containerSize: '100',
  patientPrice: '12.00',
  beyondUseHours: '72',
  ...over,
});

describe('new product from a scan', () => {
  it('[SC8] the form is pre-filled with the GTIN the code said, and nothing it did not say', () => {
    expect(productDraftFromScan({ gtin: '00012345678905' })).toEqual({
      ...EMPTY_PRODUCT_DRAFT,
      gtin: '00012345678905',
    });
    expect(EMPTY_PRODUCT_DRAFT.baseUnit).toBe('');
    expect(EMPTY_PRODUCT_DRAFT.category).toBe('');
  });

  it('[SC8] the docblock example becomes an exact product record', () => {
    const result = validateProductDraft(filled(), catalog);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(buildProduct(result.value, { id: 'p-1', orgId: 'org-1' })).toEqual({
      id: 'p-1',
      orgId: 'org-1',
      name: 'Daxxify 100 U',
      manufacturer: '',
      category: 'neurotoxin',
      baseUnit: 'U',
      containerSizeMilli: 100_000,
      containersPerPack: 1,
      gtins: ['00012345678905'],
      hibccCodes: [],
      patientPricePerUnitCents: 1200,
      minStockMilli: 0,
      beyondUseHours: 72,
      supplier: '',
      drawStepMilli: null,
      archived: false,
      family: '',
      reorderQuantityMilli: 0,
      preferredSupplierId: null,
    });
    // What the server checks on push ([MD6]) holds for every valid draft.
    const { id: _id, ...data } = buildProduct(result.value, {
      id: 'p-1',
      orgId: '0190a000-0000-7000-8000-000000001001',
    });
    expect(checkRecordData('products', data)).toBeNull();
  });

  it('[SC8] an untouched form names every required field; the unit is never guessed', () => {
    const result = validateProductDraft(productDraftFromScan({ gtin: '00012345678905' }), catalog);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.errors.map((e) => e.field)).toEqual(['name', 'category', 'baseUnit', 'containerSize']);
  });

  it('[SC8][B6] the GTIN must be well-formed, check-digit valid, and not another product’s', () => {
    const check = (gtin: string) => {
      const r = validateProductDraft(filled({ gtin }), catalog);
      return r.ok ? null : errorFor(r.errors, 'gtin');
    };
    expect(check('00012345678906')).toMatch(/check digit/);
    expect(check('123')).toMatch(/8, 12, 13 or 14 digits/);
    expect(check('00099000000011')).toMatch(/already belongs to Botox/);
    // A UPC-A is padded to GTIN-14.
    const upc = validateProductDraft(filled({ gtin: '012345678905' }), catalog);
    expect(upc.ok && upc.value.gtins).toEqual(['00012345678905']);
  });

  it('[SC8][Q1][M1] amounts use the quantity and money parsers: decimals beyond the scale are refused', () => {
    const r = validateProductDraft(
      filled({ containerSize: '0.0005', patientPrice: '12.005', minStock: '-1', beyondUseHours: '1.5' }),
      catalog,
    );
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.errors.map((e) => e.field).sort()).toEqual(
      ['beyondUseHours', 'containerSize', 'minStock', 'patientPrice'].sort(),
    );
    const ml = validateProductDraft(
      filled({
        baseUnit: 'mL',
        containerSize: '0.55',
        containersPerPack: '2',
        patientPrice: '',
        beyondUseHours: '',
      }),
      catalog,
    );
    expect(ml.ok && [ml.value.containerSizeMilli, ml.value.containersPerPack]).toEqual([550, 2]);
    expect(ml.ok && [ml.value.patientPricePerUnitCents, ml.value.beyondUseHours]).toEqual([null, null]);
  });

  it('[Q4] sizes, reorder points and prices beyond the shared caps are refused for their field', () => {
    const r = validateProductDraft(
      filled({ containerSize: '1000000.001', minStock: '1000000000.001', patientPrice: '100000000.01' }),
      catalog,
    );
    expect(r.ok ? [] : r.errors.map((e) => e.field).sort()).toEqual([
      'containerSize',
      'minStock',
      'patientPrice',
    ]);
    const max = validateProductDraft(
      filled({ containerSize: '1000000', minStock: '1000000000', patientPrice: '100000000' }),
      catalog,
    );
    expect(max.ok).toBe(true);
  });

  it('[SC8] a container size typed with another unit is refused for that field', () => {
    const r = validateProductDraft(filled({ containerSize: '100 mL' }), catalog);
    expect(r.ok ? null : errorFor(r.errors, 'containerSize')).toMatch(/one vial/);
    const packs = validateProductDraft(filled({ containersPerPack: '0' }), catalog);
    expect(packs.ok ? null : errorFor(packs.errors, 'containersPerPack')).toMatch(/1 to 1000/);
  });
});

describe('a new product’s draw step [T3]', () => {
  it('is the unit’s when left empty, the typed amount in the unit otherwise', () => {
    const none = validateProductDraft(filled(), catalog);
    expect(none.ok && none.value.drawStepMilli).toBeNull();
    const whole = validateProductDraft(filled({ drawStep: '1' }), catalog);
    expect(whole.ok && whole.value.drawStepMilli).toBe(1000);
    const ml = validateProductDraft(
      filled({ baseUnit: 'mL', containerSize: '1', drawStep: '0.05' }),
      catalog,
    );
    expect(ml.ok && ml.value.drawStepMilli).toBe(50);
    if (!whole.ok) return;
    const { id: _id, ...data } = buildProduct(whole.value, {
      id: 'p-1',
      orgId: '0190a000-0000-7000-8000-000000001001',
    });
    expect(checkRecordData('products', data)).toBeNull();
  });

  it('refuses zero, nonsense and a step larger than one container, naming the field', () => {
    for (const drawStep of ['0', 'abc', '0.0001', '101']) {
      const result = validateProductDraft(filled({ drawStep }), catalog);
      expect(result.ok, drawStep).toBe(false);
      if (!result.ok) expect(errorFor(result.errors, 'drawStep'), drawStep).not.toBeNull();
    }
    const zero = validateProductDraft(filled({ drawStep: '0' }), catalog);
    expect(!zero.ok && errorFor(zero.errors, 'drawStep')).toContain('empty = 0.5 U');
  });
});
