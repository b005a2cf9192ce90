import { describe, expect, it } from 'vitest';
import { containerWord, formatAmount } from './container-word';

describe('container words', () => {
  it('names a filler’s container a syringe and a toxin’s a vial', () => {
    expect(containerWord({ category: 'filler' }).one).toBe('syringe');
    expect(containerWord({ category: 'neurotoxin' }).one).toBe('vial');
    expect(containerWord({ category: 'supply' }).many).toBe('items');
  });

  it('says amounts of products counted per container in containers, others in their unit', () => {
    const sculptra = { category: 'biostimulator', baseUnit: 'each' } as const;
    expect(formatAmount(3_000, sculptra)).toBe('3 vials');
    expect(formatAmount(1_000, sculptra)).toBe('1 vial');
    expect(formatAmount(500, sculptra)).toBe('0.5 vials');
    expect(formatAmount(40_000, { category: 'neurotoxin', baseUnit: 'U' })).toBe('40 U');
    expect(formatAmount(400, { category: 'filler', baseUnit: 'mL' })).toBe('0.4 mL');
  });
});
