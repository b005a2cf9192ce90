import { describe, expect, it } from 'vitest';
import type { LedgerEvent } from '../model';
import { undoAlsoVoidsOpening } from './undo';

const stamp = { actorId: 'jordan', deviceId: 'tab-1', deviceTime: '2026-12-02T10:02:00.000Z' };
function event(overrides: Partial<LedgerEvent>): LedgerEvent {
  return {
    id: 'e',
    orgId: 'org',
    type: 'draw',
    lotId: 'lot',
    locationId: 'main',
    quantityMilli: 0,
    visitId: null,
    containerId: 'o1',
    correctsId: null,
    payload: {},
    ...stamp,
    ...overrides,
  };
}
const opening = event({ id: 'o1', type: 'open', payload: { capacityMilli: 100_000 } });
const draw = event({ id: 'd1', quantityMilli: -40_000, visitId: 'v1' });
const opened = { openedAt: stamp.deviceTime };

describe('[T5] undoing a draw', () => {
  it('voids the opening the same record made when nothing else was taken from the vial', () => {
    expect(undoAlsoVoidsOpening(draw, opening, { ...opened, usedMilli: 40_000 })).toBe(true);
  });

  it('keeps the vial opened once someone else drew from it', () => {
    expect(undoAlsoVoidsOpening(draw, opening, { ...opened, usedMilli: 60_000 })).toBe(false);
  });

  it('keeps a vial opened by an earlier record, or by another person', () => {
    const earlier = { ...opening, deviceTime: '2026-12-02T09:00:00.000Z' };
    expect(undoAlsoVoidsOpening(draw, earlier, { ...opened, usedMilli: 40_000 })).toBe(false);
    expect(
      undoAlsoVoidsOpening(draw, { ...opening, actorId: 'priya' }, { ...opened, usedMilli: 40_000 }),
    ).toBe(false);
  });

  it('does nothing for a correction, a missing or already voided opening', () => {
    const undone = { ...draw, correctsId: 'd0' };
    expect(undoAlsoVoidsOpening(undone, opening, { ...opened, usedMilli: 40_000 })).toBe(false);
    expect(undoAlsoVoidsOpening(draw, null, { ...opened, usedMilli: 40_000 })).toBe(false);
    expect(undoAlsoVoidsOpening(draw, opening, { openedAt: null, usedMilli: 40_000 })).toBe(false);
  });
});
