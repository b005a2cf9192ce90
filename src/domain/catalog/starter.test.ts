import { describe, expect, it } from 'vitest';
import { buildDemoClinic } from '../demo/clinic';
import { checkRecordData } from '../replica/kinds';
import { STARTER_CATALOG, starterProductId, starterProductsToAdd } from './starter';

const ORG = '0190a000-0000-7000-8000-0000000003e9';

describe('starter catalog [CT1]', () => {
  it('adds every entry to an empty catalog as valid products with no GTINs or prices', () => {
    const added = starterProductsToAdd(ORG, []);
    expect(added).toHaveLength(Object.keys(STARTER_CATALOG).length);
    for (const { id: _id, ...data } of added) expect(checkRecordData('products', data)).toBeNull();
    expect(added.every((p) => p.gtins.length === 0 && p.patientPricePerUnitCents === null)).toBe(true);
  });

  it('creates each product once: importing again, on another tablet, or over the same names adds nothing new', () => {
    const first = starterProductsToAdd(ORG, []);
    expect(starterProductsToAdd(ORG, first)).toEqual([]);
    // Another tablet derives the same ids, so its copies merge with these ([MD3]).
    expect(starterProductsToAdd(ORG, []).map((p) => p.id)).toEqual(first.map((p) => p.id));
    // The demo clinic already has Botox 100 U and Juvéderm Ultra XC (spelled its own way).
    const demo = buildDemoClinic('2026-12-02');
    const names = starterProductsToAdd(demo.organization.id, demo.products).map((p) => p.name);
    expect(names).not.toContain('Botox Cosmetic 100 U');
    expect(names).not.toContain('Juvéderm Ultra XC 1 mL');
    expect(names).toContain('Botox Cosmetic 50 U');
  });

  it('[CT4] the toxins sold in two sizes are one family each, active, with no reorder settings', () => {
    const added = starterProductsToAdd(ORG, []);
    const family = (name: string) => added.filter((p) => p.family === name).map((p) => p.name);
    expect(family('Botox Cosmetic')).toEqual(['Botox Cosmetic 50 U', 'Botox Cosmetic 100 U']);
    expect(family('Xeomin')).toEqual(['Xeomin 50 U', 'Xeomin 100 U']);
    expect(
      added.every((p) => !p.archived && p.reorderQuantityMilli === 0 && p.preferredSupplierId === null),
    ).toBe(true);
  });

  it('derives ids per organization', () => {
    expect(starterProductId(ORG, 'botox-50')).not.toBe(
      starterProductId('0190a000-0000-7000-8000-0000000003ea', 'botox-50'),
    );
  });
});
