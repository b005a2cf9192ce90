import { describe, expect, it } from 'vitest';
import { checkChartPattern, checkChartRef, chartRefWarning, fitsChartPattern } from './chart-ref';

describe('chartRefWarning [T4]', () => {
  it('warns when a reference has no digit (a name typed by habit)', () => {
    expect(chartRefWarning('Jane Doe')).toContain('looks like a name');
    expect(chartRefWarning('  doe ')).toContain('looks like a name');
  });
  it('says nothing for chart numbers, or before anything is typed', () => {
    for (const ref of ['CH-10482', '10482', 'JD-77', '', '   ']) expect(chartRefWarning(ref)).toBeNull();
  });
});

describe('the clinic’s chart-number pattern [T8]', () => {
  it('accepts a pattern with digits and shows an example number it fits', () => {
    expect(checkChartPattern(' CH-##### ')).toEqual({ ok: true, pattern: 'CH-#####', example: 'CH-10482' });
    expect(checkChartPattern('@@-####')).toEqual({ ok: true, pattern: '@@-####', example: 'AB-1048' });
    expect(checkChartPattern('########')).toMatchObject({ ok: true, example: '10482739' });
  });

  it('refuses an empty pattern, one without a digit, odd characters and long ones, saying how to fix it', () => {
    expect(checkChartPattern('')).toMatchObject({ ok: false, error: expect.stringContaining('CH-#####') });
    expect(checkChartPattern('CH-')).toMatchObject({ ok: false, error: expect.stringContaining('put a #') });
    expect(checkChartPattern('CH-\\d{5}')).toMatchObject({
      ok: false,
      error: expect.stringContaining('Use'),
    });
    expect(checkChartPattern('#'.repeat(41))).toMatchObject({ ok: false, error: 'At most 40 characters.' });
  });

  it('a reference fits character by character: # a digit, @ a letter, the rest itself in either case', () => {
    expect(fitsChartPattern('CH-10482', 'CH-#####')).toBe(true);
    expect(fitsChartPattern(' ch-10482 ', 'CH-#####')).toBe(true);
    expect(fitsChartPattern('CH-1048', 'CH-#####')).toBe(false);
    expect(fitsChartPattern('CH-104822', 'CH-#####')).toBe(false);
    expect(fitsChartPattern('CX-10482', 'CH-#####')).toBe(false);
    expect(fitsChartPattern('CH-1048A', 'CH-#####')).toBe(false);
    expect(fitsChartPattern('JD-7788', '@@-####')).toBe(true);
    expect(fitsChartPattern('J1-7788', '@@-####')).toBe(false);
  });

  it('a reference that does not fit is a warning, or an error when the clinic requires the pattern', () => {
    const warn = { pattern: 'CH-#####', require: false };
    expect(checkChartRef('CH-10482', warn)).toEqual({ level: 'none' });
    expect(checkChartRef('', warn)).toEqual({ level: 'none' });
    expect(checkChartRef('CH-1048', warn)).toEqual({
      level: 'warning',
      message: 'CH-1048 does not look like this clinic’s chart numbers: CH-##### (e.g. CH-10482).',
    });
    expect(checkChartRef('CH-1048', { ...warn, require: true })).toMatchObject({ level: 'error' });
  });

  it('[T4] a name is still called a name, with the clinic’s pattern added', () => {
    const check = checkChartRef('Jane Doe', { pattern: 'CH-#####', require: true });
    expect(check).toMatchObject({ level: 'error' });
    expect(check.level !== 'none' && check.message).toContain('looks like a name');
    expect(check.level !== 'none' && check.message).toContain('CH-##### (e.g. CH-10482)');
    expect(checkChartRef('Jane Doe', null)).toMatchObject({ level: 'warning' });
    expect(checkChartRef('10482', null)).toEqual({ level: 'none' });
  });
});
