import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseBarcode } from '../domain/barcode';
import type { BarcodeData } from '../domain/barcode';
import { combineScan, PACK_FLOW_MS } from './combine';
import type { Identification } from './combine';

const TODAY = '2026-11-23';
function scan(raw: string): BarcodeData {
  const r = parseBarcode(raw, { today: TODAY });
  if (!r.ok) throw new Error(`${raw}: ${r.error.message}`);
  return r;
}
const GTIN_ONLY = scan('(01)00099000000011');
const LOT_EXP = scan('(17)261212(10)C8123AC4');
const FULL = scan('(01)00099000000011(17)261212(10)C8123AC4');

describe('combineScan', () => {
  it('[SC3] a GTIN-only scan then a lot/expiry scan combine into one complete identification', () => {
    const first = combineScan(null, GTIN_ONLY, 0);
    expect(first.outcome).toBe('new');
    expect(first.identification.complete).toBe(false);
    const second = combineScan(first.identification, LOT_EXP, 4_000);
    expect(second.outcome).toBe('merged');
    expect(second.identification).toMatchObject({
      gtin: '00099000000011',
      lot: 'C8123AC4',
      expiry: '2026-12-12',
      reads: 2,
      complete: true,
    });
  });

  it('[SC3] the lot label first, then the GTIN, also combine', () => {
    const a = combineScan(null, LOT_EXP, 0);
    const b = combineScan(a.identification, GTIN_ONLY, 1_000);
    expect(b.identification.complete).toBe(true);
    expect(b.identification.gtin).toBe('00099000000011');
  });

  it('[SC3] a later partial scan never overwrites a complete identification', () => {
    const full = combineScan(null, FULL, 0).identification;
    for (const raw of ['(10)OTHER', '(17)270101', '(01)00099000000011', '(01)00099000000011(10)X1']) {
      const next = combineScan(full, scan(raw), 1_000);
      expect(next.outcome, raw).toBe('ignored-partial');
      expect(next.identification.lot).toBe('C8123AC4');
      expect(next.identification.expiry).toBe('2026-12-12');
    }
  });

  it('[SC3] another GTIN, a complete code, or a stale flow starts a new identification', () => {
    const partial = combineScan(null, GTIN_ONLY, 0).identification;
    expect(combineScan(partial, scan('(01)00099000000028'), 10).outcome).toBe('new');
    expect(combineScan(partial, LOT_EXP, PACK_FLOW_MS + 1).identification.gtin).toBeUndefined();
    const full = combineScan(null, FULL, 0).identification;
    const other = combineScan(full, scan('(01)00099000000028(17)270101(10)P1'), 10);
    expect(other.outcome).toBe('new');
    expect(other.identification.lot).toBe('P1');
  });

  it('[SC3] property: once complete, no sequence of partial scans of the same pack changes gtin, lot or expiry', () => {
    const partials = ['(10)A1', '(17)270101', '(01)00099000000011', '(21)S1', '(10)B2(17)280101'].map(scan);
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...partials), { maxLength: 12 }), (seq) => {
        let id: Identification = combineScan(null, FULL, 0).identification;
        seq.forEach((s, i) => {
          id = combineScan(id, s, (i + 1) * 1_000).identification;
        });
        expect([id.gtin, id.lot, id.expiry]).toEqual(['00099000000011', 'C8123AC4', '2026-12-12']);
      }),
    );
  });
});
