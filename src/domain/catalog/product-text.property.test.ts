import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { gs1CheckDigit } from '../barcode/gtin';
import { BOTOX } from '../fefo/fixtures';
import type { Product } from '../model';
import { parseCsv, toCsv } from './csv';
import { planProductImport, productCsvRows } from './product-import';
import { PRODUCT_COLUMNS } from './product-text';

const gtin = (indicator: string) =>
  fc.stringMatching(/^[0-9]{12}$/).map((body) => {
    const b = `${indicator}${body}`;
    return `${b}${gs1CheckDigit(b)}`;
  });

const name = fc
  .stringMatching(/^[A-Za-zéÉ0-9 ,;"'-]{1,30}$/)
  .map((s) => s.trim().replace(/\s+/g, ' '))
  .filter((s) => s !== '');

const product = (i: number) =>
  fc.record({
    name: name.map((n) => `${n} #${i}`),
    manufacturer: name,
    family: fc.constantFrom('', 'Botox Cosmetic', 'Juvéderm'),
    category: fc.constantFrom('neurotoxin', 'filler', 'biostimulator', 'skincare', 'supply' as const),
    baseUnit: fc.constantFrom('U', 'mL', 'each' as const),
    containerSizeMilli: fc.integer({ min: 1, max: 1_000_000_000 }),
    containersPerPack: fc.integer({ min: 1, max: 1000 }),
    unit: fc.option(gtin('0'), { nil: undefined }),
    carton: fc.option(gtin('1'), { nil: undefined }),
    patientPricePerUnitCents: fc.option(fc.integer({ min: 0, max: 10_000_000_000 }), { nil: null }),
    minStockMilli: fc.integer({ min: 0, max: 1_000_000_000_000 }),
    reorderQuantityMilli: fc.integer({ min: 0, max: 1_000_000_000_000 }),
    beyondUseHours: fc.option(fc.integer({ min: 1, max: 8760 }), { nil: null }),
    archived: fc.boolean(),
  });

describe('product CSV round trip ([CT5])', () => {
  it('[CT5] property: any valid catalog exported to CSV and imported back changes nothing', () => {
    fc.assert(
      fc.property(fc.tuple(product(1), product(2), product(3)), (drafts) => {
        const seen = new Set<string>();
        const catalog: Product[] = drafts.map((d, i) => {
          const gtins = [d.unit, d.carton].filter((g): g is string => g !== undefined && !seen.has(g));
          for (const g of gtins) seen.add(g);
          const { unit: _u, carton: _c, ...fields } = d;
          return { ...BOTOX, ...fields, id: `p${i}`, gtins, supplier: '', drawStepMilli: null };
        });
        const parsed = parseCsv(toCsv(PRODUCT_COLUMNS, productCsvRows(catalog, [])));
        expect(parsed.ok).toBe(true);
        if (!parsed.ok) return;
        const plan = planProductImport(parsed.table, {
          orgId: BOTOX.orgId,
          existing: catalog,
          suppliers: [],
          newId: () => 'new',
        });
        expect(plan.errors).toEqual([]);
        expect(plan.created).toEqual([]);
        expect(plan.updated).toEqual([]);
        expect(plan.unchanged).toBe(catalog.length);
      }),
      { numRuns: 150 },
    );
  });
});
