import { describe, expect, it } from 'vitest';
import { fullYear, parseYymmdd } from './dates';
import { gs1CheckDigit } from './gtin';
import { parseBarcode } from './index';

const GS = '\u001d';
const today = '2025-06-01';
// GS1 DataMatrix Guideline / General Specifications style pack: GTIN, expiry, lot, serial.
const ELEMENTS = `0109506000134352172512311${'0'}ABC123${GS}21SER456`;
const EXPECTED = { gtin: '09506000134352', expiry: '2025-12-31', lot: 'ABC123', serial: 'SER456' };

describe('input forms', () => {
  it.each([
    [']d2', `]d2${ELEMENTS}`],
    [']d2 + leading GS', `]d2${GS}${ELEMENTS}`],
    [']C1', `]C1${ELEMENTS}`],
    [']Q3', `]Q3${ELEMENTS}`],
    [']e0', `]e0${ELEMENTS}`],
    ['leading GS', `${GS}${ELEMENTS}`],
    ['trailing GS', `${GS}${ELEMENTS}${GS}`],
    ['"<GS>" text', ELEMENTS.replace(GS, '<GS>')],
    ['keyboard wedge CR/LF', `${ELEMENTS}\r\n`],
    ['bracketed', '(01)09506000134352(17)251231(10)ABC123(21)SER456'],
  ])('[B1] %s gives the same result', (_name, input) => {
    expect(parseBarcode(input, { today })).toMatchObject({ ok: true, scheme: 'gs1', ...EXPECTED });
  });

  it('[B4] the serial is never glued onto the lot (variable-length (10) ends at GS)', () => {
    const r = parseBarcode(`]d2${ELEMENTS}`, { today });
    expect(r.ok && r.lot).toBe('ABC123');
    expect(r.ok && r.serial).toBe('SER456');
    // Without the GS a naive parser reads lot "ABC12321SER456"; that is what the code says, so it stays.
    expect(parseBarcode('0109506000134352' + '10ABC12321SER456', { today })).toMatchObject({
      lot: 'ABC12321SER456',
    });
  });

  it('[B4] a lot before a fixed-length AI keeps the next AI out of the lot when GS is present', () => {
    const r = parseBarcode(`${GS}0109506000134352${'10'}LOT1${GS}17251231`, { today });
    expect(r).toMatchObject({ lot: 'LOT1', expiry: '2025-12-31' });
  });

  it('[B1] reports the symbology identifier', () => {
    expect(parseBarcode(`]d2${ELEMENTS}`, { today })).toMatchObject({ symbology: ']d2' });
  });

  it('[B2] unknown AIs are errors, not guesses', () => {
    expect(parseBarcode(`${GS}0109506000134352230ABC`, { today })).toMatchObject({
      ok: false,
      error: { code: 'UNKNOWN_AI' },
    });
  });

  it('[B3] duplicates with different values and exclusive AIs are rejected', () => {
    const dup = parseBarcode('(01)09506000134352(10)A(10)B', { today });
    expect(dup).toMatchObject({ ok: false, error: { code: 'DUPLICATE_AI' } });
    const ex = parseBarcode('(01)09506000134352(02)09506000134352(37)1', { today });
    expect(ex).toMatchObject({ ok: false, error: { code: 'EXCLUSIVE_AIS' } });
  });

  it('[B3] a lot/expiry-only symbol parses with a warning that (01) is on another barcode', () => {
    const r = parseBarcode('(17)251231(10)ABC', { today });
    expect(r).toMatchObject({ ok: true, lot: 'ABC', expiry: '2025-12-31' });
    expect(r.ok && r.warnings.join()).toContain('(10) normally comes with (01)');
  });
});

describe('GTIN', () => {
  it('[B6] check digit mod 10, weights 3,1 from the right (GenSpecs §7.9.1 example 9506000134352)', () => {
    expect(gs1CheckDigit('950600013435')).toBe(2);
    expect(gs1CheckDigit('0950600013435')).toBe(2);
  });

  it.each([
    ['EAN-13', ']E09506000134352', '09506000134352'], // GS1 General Specifications example GTIN-13
    ['UPC-A', '416000336108', '00416000336108'], // gs1-syntax-engine dl.c GTIN-12 example
    ['EAN-8', '02345673', '00000002345673'], // gs1-syntax-engine dl.c GTIN-8 example
    ['ITF-14', '19506000134359', '19506000134359'],
  ])('[B6] %s is padded to GTIN-14', (_name, input, gtin) => {
    expect(parseBarcode(input, { today })).toMatchObject({ ok: true, gtin, ais: { '01': gtin } });
  });

  it('[B6] a wrong check digit is an error', () => {
    expect(parseBarcode(']E09506000134353', { today })).toMatchObject({
      ok: false,
      error: { code: 'CHECK_DIGIT' },
    });
    expect(parseBarcode('(01)09506000134353', { today })).toMatchObject({
      ok: false,
      error: { code: 'CHECK_DIGIT' },
    });
  });
});

describe('dates', () => {
  it('[B7] DD = 00 is the last day of the month, leap years included (GenSpecs §3.4: 160200 → 2016-02-29)', () => {
    expect(parseYymmdd('160200', 2025, true)).toEqual({ ok: true, iso: '2016-02-29', dayZero: true });
    expect(parseYymmdd('250200', 2025, true)).toMatchObject({ iso: '2025-02-28' });
    expect(parseYymmdd('000200', 2025, true)).toMatchObject({ iso: '2000-02-29' });
    const r = parseBarcode('(01)09506000134352(17)240200', { today });
    expect(r).toMatchObject({ expiry: '2024-02-29' });
    expect(r.ok && r.warnings.join()).toContain('last day of the month');
  });

  it('[B7] month 00 and impossible days are invalid', () => {
    expect(parseBarcode('(17)250015', { today })).toMatchObject({
      ok: false,
      error: { code: 'INVALID_DATE' },
    });
    expect(parseBarcode('(17)250229', { today })).toMatchObject({
      ok: false,
      error: { code: 'INVALID_DATE' },
    });
    expect(parseBarcode('(17)250431', { today })).toMatchObject({
      ok: false,
      error: { code: 'INVALID_DATE' },
    });
  });

  it('[B7] century window GenSpecs §7.12 relative to today', () => {
    expect(fullYear(99, 2025)).toBe(1999); // diff 74 → previous century
    expect(fullYear(75, 2025)).toBe(2075); // diff 50 → current
    expect(fullYear(76, 2025)).toBe(1976); // diff 51 → previous
    expect(fullYear(30, 2080)).toBe(2130); // diff −50 → next century
    expect(fullYear(31, 2080)).toBe(2031); // diff −49 → current
    expect(parseBarcode('(17)760101', { today })).toMatchObject({ expiry: '1976-01-01' });
    expect(parseBarcode('(17)760101', { today: '2030-01-01' })).toMatchObject({ expiry: '2076-01-01' });
  });

  it('[B7] without today two-digit years are 2000-2099, with a warning', () => {
    const r = parseBarcode('(17)991231');
    expect(r).toMatchObject({ ok: true, expiry: '2099-12-31' });
    expect(r.ok && r.warnings.join()).toContain('no reference date');
  });
});
