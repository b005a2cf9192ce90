import { describe, expect, it } from 'vitest';
import { chartRefWarning } from './chart-ref';

describe('chartRefWarning [T4]', () => {
  it('warns when a reference has no digit (a name typed by habit)', () => {
    expect(chartRefWarning('Jane Doe')).toContain('looks like a name');
    expect(chartRefWarning('  doe ')).toContain('looks like a name');
  });
  it('says nothing for chart numbers, or before anything is typed', () => {
    for (const ref of ['CH-10482', '10482', 'JD-77', '', '   ']) expect(chartRefWarning(ref)).toBeNull();
  });
});
