import { describe, expect, it } from 'vitest';
import { buildDemoClinic } from '../demo/clinic';
import { checkRecordData, mayChangeRecord, withFieldDefaults } from './kinds';
import { lotIdFor, normalizeLotNumber } from './lot-id';

const demo = buildDemoClinic('2026-11-30');
const withoutId = <T extends { id: string }>({ id: _id, ...rest }: T) => rest;

describe('record kinds [MD1] [MD5]', () => {
  it('accepts every demo record', () => {
    for (const p of demo.products) expect(checkRecordData('products', withoutId(p))).toBeNull();
    for (const l of demo.lots) expect(checkRecordData('lots', withoutId(l))).toBeNull();
    for (const l of demo.locations) expect(checkRecordData('locations', withoutId(l))).toBeNull();
    const { demoPin: _pin, ...staff } = demo.staff[0]!;
    expect(checkRecordData('staff', { ...withoutId(staff), pinHash: 'pbkdf2$x' })).toBeNull();
  });

  it('names the field that is wrong, missing or unknown', () => {
    const lot = withoutId(demo.lots[0]!);
    expect(checkRecordData('lots', { ...lot, expiry: '2026-13' })?.field).toBe('expiry');
    expect(checkRecordData('lots', { ...lot, unitCostMicros: 1.5 })?.field).toBe('unitCostMicros');
    const { status: _s, ...noStatus } = lot;
    expect(checkRecordData('lots', noStatus)).toEqual({
      field: 'status',
      message: 'lots.status is required',
    });
    expect(checkRecordData('lots', { ...lot, colour: 'red' })?.field).toBe('colour');
  });

  it('lets anyone create a lot but only managers and admins change one, and only admins staff', () => {
    expect(mayChangeRecord('injector', 'lots', true)).toBe(true);
    expect(mayChangeRecord('front_desk', 'lots', true)).toBe(true);
    expect(mayChangeRecord('injector', 'lots', false)).toBe(false);
    expect(mayChangeRecord('manager', 'lots', false)).toBe(true);
    expect(mayChangeRecord('manager', 'staff', false)).toBe(false);
    expect(mayChangeRecord('admin', 'staff', true)).toBe(true);
    expect(mayChangeRecord('injector', 'products', true)).toBe(false);
    expect(mayChangeRecord('front_desk', 'visits', true)).toBe(true);
  });

  it('[PO2] lets only managers and admins create, send or cancel a purchase order', () => {
    for (const isNew of [true, false]) {
      expect(mayChangeRecord('front_desk', 'purchase_orders', isNew)).toBe(false);
      expect(mayChangeRecord('injector', 'purchase_orders', isNew)).toBe(false);
      expect(mayChangeRecord('manager', 'purchase_orders', isNew)).toBe(true);
      expect(mayChangeRecord('admin', 'purchase_orders', isNew)).toBe(true);
    }
  });

  it('[TT1] lets only managers and admins create or change a treatment template', () => {
    for (const isNew of [true, false]) {
      expect(mayChangeRecord('front_desk', 'treatment_templates', isNew)).toBe(false);
      expect(mayChangeRecord('injector', 'treatment_templates', isNew)).toBe(false);
      expect(mayChangeRecord('manager', 'treatment_templates', isNew)).toBe(true);
      expect(mayChangeRecord('admin', 'treatment_templates', isNew)).toBe(true);
    }
  });
});

describe('lotIdFor [MD4]', () => {
  const org = demo.organization.id;
  const product = demo.products[0]!.id;
  it('gives the same id for the same product and lot number however it was typed', () => {
    expect(lotIdFor(org, product, ' c3456 ')).toBe(lotIdFor(org, product, 'C3456'));
    expect(normalizeLotNumber(' c3456 ')).toBe('C3456');
  });
  it('gives different ids to different lots, products and organizations', () => {
    const id = lotIdFor(org, product, 'C3456');
    expect(lotIdFor(org, product, 'C3457')).not.toBe(id);
    expect(lotIdFor(org, demo.products[1]!.id, 'C3456')).not.toBe(id);
    expect(lotIdFor(demo.locations[0]!.id, product, 'C3456')).not.toBe(id);
    expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
  });
});

describe('record field rules, edge cases', () => {
  it('refuses inherited names as fields and integers beyond the server columns', () => {
    const product = withoutId(demo.products[0]!);
    expect(checkRecordData('products', { ...product, toString: 'x' })?.field).toBe('toString');
    expect(checkRecordData('products', { ...product, containersPerPack: 2_147_483_648 })?.field).toBe(
      'containersPerPack',
    );
  });

  it('[MD10] a product record from before HIBC codes is valid and reads as having none', () => {
    const { hibccCodes: _h, ...legacy } = withoutId(demo.products[0]!);
    expect(checkRecordData('products', legacy)).toBeNull();
    expect(withFieldDefaults('products', legacy).hibccCodes).toEqual([]);
    expect(checkRecordData('products', { ...legacy, hibccCodes: ['x'] })?.field).toBe('hibccCodes');
  });
});
