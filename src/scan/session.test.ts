import { describe, expect, it } from 'vitest';
import { buildDemoClinic } from '../domain/demo/clinic';
import { EMPTY_SESSION, submitRead } from './session';
import type { ScanSession } from './session';
import type { ScanSource } from './flow';

const TODAY = '2026-11-23';
const demo = buildDemoClinic(TODAY);
const base = Date.parse(`${TODAY}T15:00:00.000Z`);
const ctxAt = (ms: number) => ({
  products: demo.products,
  lots: demo.lots,
  nowMs: base + ms,
  utcOffsetMinutes: 0,
  today: TODAY,
});

function feed(reads: Array<[string, ScanSource, number]>): Array<number | null> {
  let session: ScanSession = EMPTY_SESSION;
  return reads.map(([raw, source, ms]) => {
    const r = submitRead(session, raw, source, ctxAt(ms));
    session = r.session;
    return r.outcome?.seq ?? null;
  });
}

describe('submitRead', () => {
  it('[SC2] a camera code held in view counts once; typed and wedge reads always count', () => {
    const A = '(01)00099000000011';
    expect(
      feed([
        [A, 'camera', 0],
        [A, 'camera', 500],
        [A, 'manual', 600],
        [A, 'wedge', 700],
        [A, 'camera', 800],
        [A, 'camera', 3_000],
      ]),
    ).toEqual([1, null, 2, 3, null, 4]);
  });

  it('[SC3] reads of one pack combine across sources', () => {
    let session: ScanSession = EMPTY_SESSION;
    session = submitRead(session, '(01)00099000000011', 'camera', ctxAt(0)).session;
    const lot = demo.lots.find((l) => l.lotNumber === 'C8123AC4');
    const yymmdd = (lot?.expiry ?? '').replace(/-/g, '').slice(2);
    const { outcome } = submitRead(session, `(17)${yymmdd}(10)C8123AC4`, 'wedge', ctxAt(1_000));
    expect(outcome?.identification?.complete).toBe(true);
    expect(outcome?.match?.lot?.id).toBe(lot?.id);
  });
});
