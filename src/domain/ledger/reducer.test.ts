import { describe, expect, it } from 'vitest';
import { makeCorrection } from './correction';
import { makeEvent } from './fixtures';
import { applyEvent, balanceKey, emptyLedgerState, reduceLedger } from './reducer';
import type { LedgerEvent } from '../model';

const KEY = balanceKey('lot-1', 'loc-main');
const fix = (original: LedgerEvent, id: string): LedgerEvent =>
  makeCorrection(original, {
    id,
    actorId: 's',
    deviceId: 't',
    deviceTime: '2025-03-01T17:00:00.000Z',
    reason: 'x',
  });

describe('reduceLedger', () => {
  it('[L7] balances are signed sums per lot × location', () => {
    const state = reduceLedger([
      makeEvent({ type: 'receive', quantityMilli: 100_000 }),
      makeEvent({ type: 'draw', quantityMilli: -40_000 }),
      makeEvent({ type: 'waste', quantityMilli: -5_000 }),
      makeEvent({ type: 'count' }),
      makeEvent({ type: 'receive', quantityMilli: 7_000, locationId: 'loc-harbor' }),
    ]);
    expect(state.lots.get(KEY)).toEqual({
      lotId: 'lot-1',
      locationId: 'loc-main',
      onHandMilli: 55_000,
      eventCount: 4,
    });
    expect(state.lots.get(balanceKey('lot-1', 'loc-harbor'))?.onHandMilli).toBe(7_000);
    expect(state.conflicts).toEqual([]);
  });

  it('[L7] a redelivered id counts once; different content under one id is a conflict, not a throw', () => {
    const d = makeEvent({ type: 'draw', id: 'd1', quantityMilli: -40_000 });
    const state = reduceLedger([
      makeEvent({ quantityMilli: 100_000 }),
      d,
      { ...d },
      { ...d, quantityMilli: -1 },
    ]);
    expect(state.lots.get(KEY)?.onHandMilli).toBe(60_000);
    expect(state.conflicts).toEqual(['d1']);
  });

  it('[L7] payload key order does not make a conflict', () => {
    const a = makeEvent({ id: 'r1', payload: { supplier: 'A', purchaseOrder: 'P' } });
    const b = { ...a, payload: { purchaseOrder: 'P', supplier: 'A' } };
    expect(reduceLedger([a, b]).conflicts).toEqual([]);
  });

  it('[L8] the worked example: draws before the open still add up', () => {
    const open = makeEvent({ type: 'open', id: 'o1', deviceTime: '2025-03-01T14:00:00.000Z' });
    const draw = makeEvent({ type: 'draw', id: 'd1', quantityMilli: -40_000, containerId: 'o1' });
    const state = emptyLedgerState();
    applyEvent(state, makeEvent({ id: 'r1', quantityMilli: 100_000 }));
    applyEvent(state, draw);
    expect(state.containers.get('o1')).toMatchObject({
      openedAt: null,
      usedMilli: 40_000,
      remainingMilli: null,
    });
    applyEvent(state, open);
    expect(state.containers.get('o1')).toEqual({
      containerId: 'o1',
      lotId: 'lot-1',
      locationId: 'loc-main',
      openedAt: '2025-03-01T14:00:00.000Z',
      capacityMilli: 100_000,
      usedMilli: 40_000,
      remainingMilli: 60_000,
    });
    applyEvent(state, draw);
    applyEvent(state, fix(draw, 'd1-fix'));
    expect(state.lots.get(KEY)?.onHandMilli).toBe(100_000);
    expect(state.containers.get('o1')).toMatchObject({ usedMilli: 0, remainingMilli: 100_000 });
    expect(state.correctedBy.get('d1')).toEqual(['d1-fix']);
  });

  it('[L8] opening does not change stock; leftover waste empties the container', () => {
    const state = reduceLedger([
      makeEvent({ quantityMilli: 100_000 }),
      makeEvent({ type: 'open', id: 'o1' }),
      makeEvent({ type: 'draw', quantityMilli: -70_000, containerId: 'o1' }),
      makeEvent({
        type: 'waste',
        quantityMilli: -30_000,
        containerId: 'o1',
        payload: { reason: 'beyond_use_leftover' },
      }),
    ]);
    expect(state.lots.get(KEY)?.onHandMilli).toBe(0);
    expect(state.containers.get('o1')).toMatchObject({ usedMilli: 100_000, remainingMilli: 0 });
  });

  it('[L5] correcting an open voids the container, whichever arrives first', () => {
    const open = makeEvent({ type: 'open', id: 'o1' });
    const undo = fix(open, 'o1-fix');
    for (const order of [
      [open, undo],
      [undo, open],
    ]) {
      const c = reduceLedger(order).containers.get('o1');
      expect(c).toMatchObject({ openedAt: null, capacityMilli: null, remainingMilli: null });
      expect(reduceLedger(order).containers.size).toBe(1);
    }
  });
});
