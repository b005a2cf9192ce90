import { describe, expect, it } from 'vitest';
import { MAX_BALANCE_MILLI, MAX_CENTS, MAX_QUANTITY_MILLI, MAX_UNIT_COST_MICROS } from './bounds';
import { isPlausibleDate, isPlausibleDateTime } from './dates';
import { makeEvent } from './ledger/fixtures';
import { validateEvent } from './ledger/rules';
import { lineCostCents } from './money';
import { checkRecordData } from './replica';

const fieldsOf = (input: unknown) => {
  const result = validateEvent(input);
  return result.ok ? [] : result.errors.map((e) => e.field);
};

const lot = {
  orgId: '00000000-0000-0000-0000-000000000000',
  productId: '00000000-0000-0000-0000-000000000000',
  lotNumber: 'C3456',
  expiry: '2026-01-31',
  unitCostMicros: 6_500_000,
  status: 'available',
};

describe('bounds', () => {
  it('[Q4] the caps keep a full balance at the largest unit cost, nine lines summed, below 2^53', () => {
    const line = lineCostCents(MAX_BALANCE_MILLI, MAX_UNIT_COST_MICROS);
    expect(line).toBe(1e15);
    expect(9 * line).toBeLessThan(Number.MAX_SAFE_INTEGER);
    expect(900_000 * MAX_CENTS).toBeLessThan(Number.MAX_SAFE_INTEGER);
  });

  it('[Q4] an event moves at most MAX_QUANTITY_MILLI; 2^53 − 1 (issue #11) is refused', () => {
    expect(fieldsOf(makeEvent({ quantityMilli: MAX_QUANTITY_MILLI }))).toEqual([]);
    expect(fieldsOf(makeEvent({ quantityMilli: Number.MAX_SAFE_INTEGER }))).toEqual(['quantityMilli']);
    expect(fieldsOf(makeEvent({ quantityMilli: MAX_QUANTITY_MILLI + 1 }))).toEqual(['quantityMilli']);
    const adjust = makeEvent({
      type: 'adjust',
      quantityMilli: -MAX_QUANTITY_MILLI - 1,
      payload: { reason: 'x' },
    });
    expect(fieldsOf(adjust)).toEqual(['quantityMilli']);
  });

  it('[Q4] capacities and counts are capped too', () => {
    const open = makeEvent({ type: 'open' });
    expect(fieldsOf({ ...open, payload: { capacityMilli: MAX_QUANTITY_MILLI + 1 } })).toEqual([
      'payload.capacityMilli',
    ]);
    const count = makeEvent({
      type: 'count',
      quantityMilli: 0,
      payload: { countedMilli: MAX_BALANCE_MILLI },
    });
    expect(fieldsOf(count)).toEqual([]);
    expect(fieldsOf({ ...count, payload: { countedMilli: MAX_BALANCE_MILLI + 1 } })).toEqual([
      'payload.countedMilli',
    ]);
  });

  it('[Q4] record quantities and costs are capped by the shared schemas', () => {
    expect(checkRecordData('lots', lot)).toBeNull();
    expect(checkRecordData('lots', { ...lot, unitCostMicros: MAX_UNIT_COST_MICROS + 1 })?.field).toBe(
      'unitCostMicros',
    );
    expect(checkRecordData('lots', { ...lot, unitCostMicros: Number.MAX_SAFE_INTEGER })?.field).toBe(
      'unitCostMicros',
    );
  });

  it('[D4] dates are real calendar dates of years 2000-2199', () => {
    expect(isPlausibleDate('2025-02-28')).toBe(true);
    expect(isPlausibleDate('2028-02-29')).toBe(true);
    for (const bad of ['2025-02-30', '2025-13-45', '0000-01-01', '1999-12-31', '2200-01-01', '2025-2-3'])
      expect(isPlausibleDate(bad), bad).toBe(false);
    for (const bad of ['2025-02-30', '2025-13-45', '0000-01-01'])
      expect(checkRecordData('lots', { ...lot, expiry: bad })?.field, bad).toBe('expiry');
  });

  it('[D4] timestamps name a real instant with an offset of at most ±14:00', () => {
    for (const good of ['2025-03-01T09:05:00-05:00', '2025-03-01T14:05:00.000Z', '2025-03-01T23:00:00+14:00'])
      expect(isPlausibleDateTime(good), good).toBe(true);
    for (const bad of [
      '0000-01-01T00:00:00Z',
      '2025-03-01T09:05:00+23:59',
      '2025-03-01T09:05:00+14:01',
      '2025-02-30T09:05:00Z',
      '2025-03-01 09:05',
    ])
      expect(isPlausibleDateTime(bad), bad).toBe(false);
    expect(fieldsOf(makeEvent({ deviceTime: '0000-01-01T00:00:00Z' }))).toEqual(['deviceTime']);
    expect(fieldsOf(makeEvent({ deviceTime: '2025-03-01T09:05:00+23:59' }))).toEqual(['deviceTime']);
  });
});
