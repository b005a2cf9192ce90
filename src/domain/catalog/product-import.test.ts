import { describe, expect, it } from 'vitest';
import { BOTOX } from '../fefo/fixtures';
import type { Product, Supplier } from '../model';
import { parseCsv, toCsv } from './csv';
import { planProductImport, productCsvRows } from './product-import';
import { PRODUCT_COLUMNS, productToText, textContext, validateProductText } from './product-text';

const MCKESSON: Supplier = {
  id: 'sup-1',
  orgId: 'org-1',
  name: 'McKesson',
  contact: '',
  accountNumber: '',
  leadTimeDays: 3,
  paymentTerms: '',
  notes: '',
};
const botox: Product = { ...BOTOX, gtins: ['00099000000011', '10099000000018'] };

function plan(csv: string, existing: Product[] = [botox]) {
  const parsed = parseCsv(csv);
  if (!parsed.ok) throw new Error(parsed.error);
  let n = 0;
  return planProductImport(parsed.table, {
    orgId: 'org-1',
    existing,
    suppliers: [MCKESSON],
    newId: () => `new-${++n}`,
  });
}

describe('product text and import ([CT5])', () => {
  it('[CT5] a product shown as text validates back to itself (the form and the CSV agree)', () => {
    const p: Product = {
      ...botox,
      hibccCodes: ['A123BJC5D6E7'],
      family: 'Botox Cosmetic',
      reorderQuantityMilli: 500_000,
      minStockMilli: 200_000,
      preferredSupplierId: MCKESSON.id,
      supplier: 'McKesson',
      drawStepMilli: 1_000,
    };
    const text = productToText(p, [MCKESSON]);
    expect(text.unitGtins).toBe('00099000000011');
    expect(text.cartonGtins).toBe('10099000000018');
    const back = validateProductText(text, textContext([p], p.id, [MCKESSON]));
    expect(back).toEqual({ ok: true, value: (({ id: _i, orgId: _o, ...rest }) => rest)(p) });
  });

  it('[CT5] a carton code in the unit column, a wrong check digit and a GTIN of another product name their field', () => {
    const text = { ...productToText(botox, []), unitGtins: '10099000000018 00099000000012' };
    const r = validateProductText(
      text,
      textContext([botox, { ...BOTOX, id: 'x', name: 'Other', gtins: ['00099000000028'] }], botox.id, []),
    );
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.errors.map((e) => e.field)).toEqual(['unitGtins', 'unitGtins']);
    const taken = validateProductText(
      { ...productToText(botox, []), unitGtins: '00099000000028' },
      textContext([{ ...BOTOX, id: 'x', name: 'Other', gtins: ['00099000000028'] }], botox.id, []),
    );
    expect(taken.ok ? [] : taken.errors.map((e) => e.message)).toContain(
      '00099000000028 already belongs to Other.',
    );
  });

  it('[CT5] good rows are created or update the product they name; bad rows are reported by row and field', () => {
    const result = plan(
      [
        'name,category,unit,containerSize,unitGtins,patientPrice,family',
        'Botox Cosmetic 100 U,neurotoxin,U,100,00099000000011,15.00,Botox Cosmetic',
        'Daxxify 100 U,,U,100,,12,',
        'Jeuveau 100 U,neurotoxin,U,100,,11.50,',
        'botox cosmetic 100 u,neurotoxin,U,100,,16,',
        'Restylane Kysse 1 mL,filler,mL,abc,,,',
      ].join('\n'),
    );
    expect(result.updated).toHaveLength(1);
    expect(result.updated[0]).toMatchObject({
      id: botox.id,
      patientPricePerUnitCents: 1500,
      family: 'Botox Cosmetic',
    });
    expect(result.created.map((p) => [p.id, p.name, p.archived])).toEqual([
      ['new-1', 'Jeuveau 100 U', false],
    ]);
    expect(result.errors.map((e) => [e.row, e.field])).toEqual([
      [3, 'category'],
      [5, 'name'],
      [6, 'containerSize'],
    ]);
    expect(result.errors[1]?.message).toBe('Row 2 already has this product.');
  });

  it('[CT5] a row updates only the columns the file has; a row that changes nothing is unchanged', () => {
    const same = plan('name,minStock\nBotox Cosmetic 100 U,0\n');
    expect(same).toMatchObject({ created: [], updated: [], unchanged: 1, errors: [] });
    const price = plan('gtin;patientPrice\n00099000000011;14,50\n');
    expect(price.errors).toEqual([{ row: 1, field: 'name', message: 'The file needs a "name" column.' }]);
    const semi = plan('name;patientPrice\nBotox Cosmetic 100 U;14,50\n');
    expect(semi.updated[0]).toMatchObject({
      patientPricePerUnitCents: 1450,
      gtins: botox.gtins,
      family: botox.family,
    });
  });

  it('[CT5] two new rows with the same GTIN: the second is refused naming the first product', () => {
    const r = plan(
      'name,category,unit,containerSize,unitGtins\nA,filler,mL,1,00099000000035\nB,filler,mL,1,00099000000035\n',
    );
    expect(r.created.map((p) => p.name)).toEqual(['A']);
    expect(r.errors).toEqual([{ row: 3, field: 'name', message: 'Row 2 already has this product.' }]);
  });

  it('[CT5] a preferred supplier this tablet has no record of yet stays linked when its row is imported unchanged', () => {
    const linked: Product = { ...botox, preferredSupplierId: 'sup-not-synced', supplier: 'Henry Schein' };
    const r = plan('name,preferredSupplier,patientPrice\nBotox Cosmetic 100 U,Henry Schein,15.00\n', [
      linked,
    ]);
    expect(r.updated[0]).toMatchObject({
      preferredSupplierId: 'sup-not-synced',
      patientPricePerUnitCents: 1500,
    });
    const changed = plan('name,preferredSupplier\nBotox Cosmetic 100 U,Other Co\n', [linked]);
    expect(changed.updated[0]).toMatchObject({ preferredSupplierId: null, supplier: 'Other Co' });
  });

  it('[CT5] export then import of the whole catalog changes nothing', () => {
    const catalog = [botox, { ...BOTOX, id: 'p2', name: 'Dysport 300 U, "EU"', gtins: [], archived: true }];
    const csv = toCsv(PRODUCT_COLUMNS, productCsvRows(catalog, [MCKESSON]));
    expect(plan(csv, catalog)).toMatchObject({ created: [], updated: [], unchanged: 2, errors: [] });
  });
});
