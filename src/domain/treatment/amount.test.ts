import { describe, expect, it } from 'vitest';
import { checkDrawAmount, drawStepOf, type AmountContext } from './amount';

const juvederm: AmountContext = {
  productName: 'Juvéderm',
  unit: 'mL',
  availableMilli: 1000,
  containerPhrase: 'this syringe',
};
const botox: AmountContext = {
  productName: 'Botox',
  unit: 'U',
  availableMilli: 60_000,
  containerPhrase: 'this vial',
};

describe('checkDrawAmount [T3]', () => {
  it('accepts amounts in the unit’s step up to what the container holds', () => {
    expect(checkDrawAmount('0.4', juvederm)).toEqual({ ok: true, milli: 400 });
    expect(checkDrawAmount('1', juvederm)).toEqual({ ok: true, milli: 1000 });
    expect(checkDrawAmount('40', botox)).toEqual({ ok: true, milli: 40_000 });
    expect(checkDrawAmount('2.5', botox)).toEqual({ ok: true, milli: 2500 });
  });

  it('refuses finer than the step, naming the step', () => {
    expect(checkDrawAmount('0.5999', juvederm)).toEqual({
      ok: false,
      reason: 'Juvéderm is drawn in steps of 0.01 mL.',
    });
    expect(checkDrawAmount('2.25', botox)).toEqual({
      ok: false,
      reason: 'Botox is drawn in steps of 0.5 U.',
    });
  });

  it('refuses more than the container holds, saying how much is left', () => {
    expect(checkDrawAmount('5', juvederm)).toEqual({
      ok: false,
      reason: 'Only 1 mL is left in this syringe: draw 1 mL or less here, and the rest from another.',
    });
    expect(checkDrawAmount('60.5', botox)).toMatchObject({
      ok: false,
      reason: expect.stringContaining('Only 60 U'),
    });
  });

  it('asks for an amount when there is none, or none above zero', () => {
    expect(checkDrawAmount('', botox)).toEqual({ ok: false, reason: 'Enter the amount drawn.' });
    expect(checkDrawAmount('0', botox)).toEqual({ ok: false, reason: 'Enter an amount above zero.' });
    expect(checkDrawAmount('1.', botox)).toEqual({ ok: true, milli: 1000 });
  });
});

describe('a product’s own draw step [T3]', () => {
  it('replaces the unit’s step when the product sets one, and the unit’s applies when it does not', () => {
    expect(drawStepOf({ baseUnit: 'U', drawStepMilli: null })).toBe(500);
    expect(drawStepOf({ baseUnit: 'U', drawStepMilli: 1000 })).toBe(1000);
    const wholeUnits = { ...botox, productName: 'Dysport', stepMilli: 1000 };
    expect(checkDrawAmount('40', wholeUnits)).toEqual({ ok: true, milli: 40_000 });
    expect(checkDrawAmount('2.5', wholeUnits)).toEqual({
      ok: false,
      reason: 'Dysport is drawn in steps of 1 U.',
    });
    expect(checkDrawAmount('2.5', { ...botox, stepMilli: null })).toEqual({ ok: true, milli: 2500 });
    const fine = { ...juvederm, stepMilli: 5 };
    expect(checkDrawAmount('0.405', fine)).toEqual({ ok: true, milli: 405 });
    expect(checkDrawAmount('0.401', fine)).toEqual({
      ok: false,
      reason: 'Juvéderm is drawn in steps of 0.005 mL.',
    });
  });
});
