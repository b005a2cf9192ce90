import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { gs1CheckDigit } from './gtin';
import { hibcCheckCharacter } from './hibcc';
import { parseBarcode } from './index';
import type { BarcodeResult } from './index';
import { CSET82 } from './linters';

const GS = '\u001d';
const today = '2025-06-01';
const two = (n: number): string => String(n).padStart(2, '0');

const digits = (n: number): fc.Arbitrary<string> =>
  fc.array(fc.constantFrom(...'0123456789'), { minLength: n, maxLength: n }).map((a) => a.join(''));
const gtin = digits(13).map((body) => body + String(gs1CheckDigit(body)));
const yymmdd = fc
  .tuple(fc.integer({ min: 0, max: 99 }), fc.integer({ min: 1, max: 12 }), fc.integer({ min: 0, max: 28 }))
  .map(([y, m, d]) => two(y) + two(m) + two(d));
const cset82 = (max: number): fc.Arbitrary<string> =>
  fc.array(fc.constantFrom(...CSET82), { minLength: 1, maxLength: max }).map((a) => a.join(''));

interface Pack {
  readonly pairs: [string, string][];
}

/** A valid AI set around a GTIN: (01) plus any of (17) (11) (10) (21) (30), in random order. */
const pack: fc.Arbitrary<Pack> = fc
  .record({
    gtin,
    expiry: fc.option(yymmdd, { nil: undefined }),
    prod: fc.option(yymmdd, { nil: undefined }),
    lot: fc.option(cset82(20), { nil: undefined }),
    serial: fc.option(cset82(20), { nil: undefined }),
    count: fc.option(digits(3), { nil: undefined }),
  })
  .chain((p) => {
    const pairs: [string, string][] = [['01', p.gtin]];
    if (p.expiry) pairs.push(['17', p.expiry]);
    if (p.prod) pairs.push(['11', p.prod]);
    if (p.lot) pairs.push(['10', p.lot]);
    if (p.serial) pairs.push(['21', p.serial]);
    if (p.count) pairs.push(['30', p.count]);
    return fc
      .shuffledSubarray(pairs, { minLength: pairs.length, maxLength: pairs.length })
      .map((s) => ({ pairs: s }));
  });

const FIXED = new Set(['01', '11', '17']);

function elementString(p: Pack, sep: string): string {
  return p.pairs
    .map(([ai, v], i) => ai + v + (FIXED.has(ai) || i === p.pairs.length - 1 ? '' : sep))
    .join('');
}

function bracketed(p: Pack): string {
  return p.pairs.map(([ai, v]) => `(${ai})${v.replace(/\(/g, '\\(')}`).join('');
}

function digitalLink(p: Pack): string {
  const v = new Map(p.pairs);
  const enc = encodeURIComponent;
  let uri = `https://example.com/01/${v.get('01') ?? ''}`;
  if (v.has('10')) uri += `/10/${enc(v.get('10') ?? '')}`;
  if (v.has('21')) uri += `/21/${enc(v.get('21') ?? '')}`;
  const query = p.pairs
    .filter(([ai]) => !['01', '10', '21'].includes(ai))
    .map(([ai, x]) => `${ai}=${enc(x)}`);
  return query.length ? `${uri}?${query.join('&')}` : uri;
}

/** Everything but the symbology identifier and warnings (which name the input form). */
function essence(r: BarcodeResult): unknown {
  if (!r.ok) return r;
  const { symbology: _s, warnings: _w, ...rest } = r;
  return rest;
}

describe('parser properties', () => {
  it('[B11] any valid AI set round-trips through every input form to the same result', () => {
    fc.assert(
      fc.property(pack, (p) => {
        const expected = Object.fromEntries(p.pairs);
        const forms = [
          `]d2${elementString(p, GS)}`,
          `]C1${elementString(p, GS)}`,
          `]Q3${GS}${elementString(p, GS)}${GS}`,
          `${GS}${elementString(p, GS)}`,
          elementString(p, '<GS>'),
          bracketed(p),
          digitalLink(p),
        ];
        const results = forms.map((f) => parseBarcode(f, { today }));
        for (const [i, r] of results.entries()) {
          expect(r.ok ? r.ais : r, forms[i]).toEqual(expected);
        }
        const first = essence(results[0] as BarcodeResult);
        for (const r of results) expect(essence(r)).toEqual(first);
        const r0 = results[0];
        expect(r0?.ok ? r0.lot : 'error').toBe(expected['10']);
        expect(r0?.ok ? r0.serial : 'error').toBe(expected['21']);
      }),
      { numRuns: 300 },
    );
  });

  it('[B12] random input never throws and never hits an internal error', () => {
    const prefixes = [
      '',
      ']d2',
      ']C1',
      ']Q1',
      GS,
      '(',
      '(01)',
      '+',
      '+$$',
      'https://a/01/',
      '01',
      '17',
      '<GS>',
    ];
    const noise = fc.string({ unit: fc.constantFrom(...`${CSET82}${GS}()+$/%=?&# \\<>{}`), maxLength: 60 });
    const input = fc.oneof(
      fc.string({ unit: 'binary', maxLength: 80 }),
      fc.tuple(fc.constantFrom(...prefixes), noise).map(([a, b]) => a + b),
      fc
        .tuple(fc.constantFrom('+', '+$$', '+A123'), noise)
        .map(([a, b]) => a + b + (hibcCheckCharacter(a + b) ?? '')),
    );
    fc.assert(
      fc.property(input, (s) => {
        const r = parseBarcode(s, { today });
        expect(typeof r.ok).toBe('boolean');
        if (!r.ok) expect(r.error.code).not.toBe('INTERNAL');
      }),
      { numRuns: 3000 },
    );
  });
});
