import { describe, expect, it } from 'vitest';
import { EXPIRING_SOON_DAYS, lotState } from './lot-state';

const TODAY = '2026-12-02';
const lot = (expiry: string, status: 'available' | 'hold' | 'quarantine' | 'recalled' = 'available') => ({
  expiry,
  status,
});

describe('lot state on Stock', () => {
  it('[ST4] the docblock example: days to expiry decide expiring soon, expired and available', () => {
    expect(lotState(lot('2026-12-22'), 1, TODAY)).toEqual({
      kind: 'expiring_soon',
      label: 'Expires in 20 days',
      tone: 'warn',
      daysToExpiry: 20,
    });
    expect(lotState(lot('2026-12-02'), 1, TODAY).label).toBe('Expires today');
    expect(lotState(lot('2026-12-03'), 1, TODAY).label).toBe('Expires tomorrow');
    expect(lotState(lot('2026-11-29'), 1, TODAY)).toMatchObject({ label: 'Expired', tone: 'bad' });
    expect(lotState(lot('2027-07-30'), 1, TODAY)).toMatchObject({ label: 'Available', tone: 'ok' });
  });

  it(`[ST4] the window is ${EXPIRING_SOON_DAYS} days inclusive, and can be given`, () => {
    expect(lotState(lot('2027-01-01'), 1, TODAY).kind).toBe('expiring_soon'); // 30 days
    expect(lotState(lot('2027-01-02'), 1, TODAY).kind).toBe('available'); // 31 days
    expect(lotState(lot('2026-12-22'), 1, TODAY, 7).kind).toBe('available');
  });

  it('[ST5] a lot with nothing left is used up, unless it was recalled', () => {
    expect(lotState(lot('2026-11-01'), 0, TODAY)).toMatchObject({ label: 'Used up', tone: 'muted' });
    expect(lotState(lot('2026-12-22', 'hold'), 0, TODAY).label).toBe('Used up');
    expect(lotState(lot('2026-11-01', 'recalled'), 0, TODAY).label).toBe('Recalled');
  });

  it('[ST4] status comes before expiry; below zero before everything', () => {
    expect(lotState(lot('2026-12-22', 'recalled'), 1, TODAY).label).toBe('Recalled');
    expect(lotState(lot('2026-11-01', 'hold'), 1, TODAY)).toMatchObject({ label: 'On hold', tone: 'warn' });
    expect(lotState(lot('2027-07-30', 'quarantine'), 1, TODAY).label).toBe('Quarantined');
    expect(lotState(lot('2026-12-22', 'recalled'), -1, TODAY)).toMatchObject({
      label: 'Below zero',
      tone: 'bad',
    });
  });
});
