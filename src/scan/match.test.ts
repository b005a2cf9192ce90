import { describe, expect, it } from 'vitest';
import { buildDemoClinic } from '../domain/demo/clinic';
import type { Identification } from './combine';
import { matchScan, packagingLevel } from './match';

const TODAY = '2026-11-23';
const demo = buildDemoClinic(TODAY);
const ctx = {
  products: demo.products,
  lots: demo.lots,
  nowMs: Date.parse(`${TODAY}T15:00:00.000Z`),
  utcOffsetMinutes: 0,
};
const lotOf = (n: string) => {
  const l = demo.lots.find((x) => x.lotNumber === n);
  if (!l) throw new Error(n);
  return l;
};
const id = (f: Partial<Identification>): Identification => ({
  scheme: 'gs1',
  reads: 1,
  updatedAtMs: 0,
  complete: f.gtin !== undefined && f.lot !== undefined && f.expiry !== undefined,
  ...f,
});

describe('matchScan', () => {
  it('[SC4] GTIN + lot + expiry → the product and its known lot, no flags', () => {
    const lot = lotOf('C8123AC4');
    const m = matchScan(id({ gtin: '00099000000011', lot: lot.lotNumber, expiry: lot.expiry }), ctx);
    expect(m.product?.name).toMatch(/^Botox/);
    expect(m).toMatchObject({ level: 'unit', lotState: 'known', flags: [], unknownProduct: false });
    expect(m.lot?.id).toBe(lot.id);
  });

  it('[SC4] carton-level GTINs find the product too', () => {
    const m = matchScan(id({ gtin: '10099000000049' }), ctx);
    expect(m.product?.gtins).toContain('10099000000049');
    expect(m.level).toBe('carton');
    expect(packagingLevel('00099000000042')).toBe('unit');
  });

  it('[SC4] unknown GTIN → a new product; unknown lot → a new lot to confirm', () => {
    const unknown = matchScan(id({ gtin: '00012345678905', lot: 'L1' }), ctx);
    expect(unknown).toMatchObject({ product: null, unknownProduct: true });
    expect(unknown.messages.join(' ')).toContain('not in the catalog');
    const newLot = matchScan(id({ gtin: '00099000000011', lot: 'ZZ1', expiry: '2027-01-31' }), ctx);
    expect(newLot.lotState).toBe('new');
    expect(newLot.lot).toBeNull();
  });

  it('[SC4][MD4] a lot number read in another case or with spaces is the same lot', () => {
    const lot = lotOf('C8123AC4');
    const m = matchScan(id({ gtin: '00099000000011', lot: ' c8123ac4', expiry: lot.expiry }), ctx);
    expect(m.lotState).toBe('known');
    expect(m.lot?.id).toBe(lot.id);
  });

  it('[SC4] the same lot number with another expiry is a warning, not a match', () => {
    const m = matchScan(id({ gtin: '00099000000011', lot: 'C8123AC4', expiry: '2030-01-01' }), ctx);
    expect(m.lotState).toBe('expiry-mismatch');
    expect(m.messages.join(' ')).toContain('2030-01-01');
  });

  it('[SC4] expired and recalled lots are flagged (from the catalog, or from the code for a new lot)', () => {
    const expired = lotOf('283947');
    const x = matchScan(id({ gtin: '00099000000035', lot: expired.lotNumber, expiry: expired.expiry }), ctx);
    expect(x.flags).toContain('expired');
    const recalled = lotOf('19218-1');
    const r = matchScan(
      id({ gtin: '00099000000059', lot: recalled.lotNumber, expiry: recalled.expiry }),
      ctx,
    );
    expect(r.flags).toEqual(['recalled']);
    const oldNew = matchScan(id({ gtin: '00099000000011', lot: 'OLD1', expiry: '2026-11-22' }), ctx);
    expect(oldNew.flags).toEqual(['expired']);
  });

  it('[SC4][B8] an HIBC code finds the product whose HIBC codes hold labeler + product code', () => {
    const lot = lotOf('SC24M07');
    const hibcc = { labeler: 'A999', product: 'SCULPTRA', unitOfMeasure: '0' };
    const m = matchScan(id({ scheme: 'hibcc', hibcc, lot: lot.lotNumber, expiry: lot.expiry }), ctx);
    expect(m.product?.name).toBe('Sculptra vial');
    expect(m).toMatchObject({ level: 'unit', lotState: 'known', unknownProduct: false });
    expect(m.lot?.id).toBe(lot.id);
    const box = matchScan(id({ scheme: 'hibcc', hibcc: { ...hibcc, unitOfMeasure: '1' } }), ctx);
    expect(box.level).toBe('carton');
    const stranger = matchScan(id({ scheme: 'hibcc', hibcc: { ...hibcc, labeler: 'J123' } }), ctx);
    expect(stranger).toMatchObject({ product: null, unknownProduct: true });
  });
});
