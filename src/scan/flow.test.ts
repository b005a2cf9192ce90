import { describe, expect, it } from 'vitest';
import { buildDemoClinic } from '../domain/demo/clinic';
import { processRead } from './flow';
import { rematch } from './rematch';

const TODAY = '2026-11-23';
const demo = buildDemoClinic(TODAY);
const ctx = {
  products: demo.products,
  lots: demo.lots,
  nowMs: Date.parse(`${TODAY}T15:00:00.000Z`),
  utcOffsetMinutes: 0,
  today: TODAY,
};
const GS = '\u001d';
const lot = demo.lots.find((l) => l.lotNumber === 'C8123AC4');
const yymmdd = (lot?.expiry ?? '').replace(/-/g, '').slice(2);

describe('processRead', () => {
  it('[SC1][SC4] what the worker hands over (AIM identifier + Plain text) identifies product and lot', () => {
    const raw = `]d2${GS}0100099000000011` + `17${yymmdd}` + '10C8123AC4';
    const o = processRead(null, raw, 'camera', ctx);
    expect(o.identification).toMatchObject({ gtin: '00099000000011', lot: 'C8123AC4', expiry: lot?.expiry });
    expect(o.match?.lot?.id).toBe(lot?.id);
  });

  it('[SC3] a read that does not parse keeps the pack flow and reports the error', () => {
    const first = processRead(null, '(01)00099000000011', 'manual', ctx);
    const bad = processRead(first, 'not a barcode', 'manual', ctx);
    expect(bad.parsed.ok).toBe(false);
    expect(bad.identification).toBe(first.identification);
    expect(bad.seq).toBe(2);
    const lotLabel = processRead(bad, `(17)${yymmdd}(10)C8123AC4`, 'wedge', ctx);
    expect(lotLabel.identification?.complete).toBe(true);
  });

  it('[SC7] after a new lot is created, the same scan matches it as a known lot', () => {
    const scan = processRead(null, `(01)00099000000011(17)${yymmdd}(10)NEW1`, 'manual', ctx);
    expect(scan.match?.lotState).toBe('new');
    if (!lot) throw new Error('demo lot C8123AC4 is missing');
    const created = { ...lot, id: 'new-lot', lotNumber: 'NEW1' };
    const again = rematch(scan, { ...ctx, lots: [...demo.lots, created] });
    expect(again.match?.lotState).toBe('known');
    expect(again.match?.lot?.id).toBe('new-lot');
    expect(again.identification).toBe(scan.identification);
    expect(again.seq).toBe(scan.seq + 1);
    const bad = processRead(null, 'not a barcode', 'manual', ctx);
    expect(rematch(bad, ctx)).toBe(bad);
  });
});
