import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { makeCorrection } from './correction';
import { makeEvent } from './fixtures';
import { applyEvent, reduceLedger } from './reducer';
import type { LedgerState } from './reducer';
import { validateEvent } from './rules';
import type { LedgerEvent, LedgerEventType } from '../model';

const LOTS = ['lot-a', 'lot-b'];
const LOCATIONS = ['loc-main', 'loc-harbor'];
/** Container slots: each belongs to one lot × location; its open event may or may not be in the ledger. */
const SLOTS = [0, 1, 2].map((n) => ({
  id: `open-${n}`,
  lotId: LOTS[n % 2] ?? '',
  locationId: LOCATIONS[0] ?? '',
}));

const amount = fc.integer({ min: 1, max: 300_000 });
const SIGN: Record<Exclude<LedgerEventType, 'open'>, number> = {
  receive: 1,
  draw: -1,
  waste: -1,
  adjust: 1,
  transfer_out: -1,
  transfer_in: 1,
  count: 0,
};

/** One valid, non-open event; draws and waste sometimes come out of a container slot. */
const movement = fc
  .record({
    type: fc.constantFrom(...(Object.keys(SIGN) as (keyof typeof SIGN)[])),
    q: amount,
    negate: fc.boolean(),
    lotId: fc.constantFrom(...LOTS),
    locationId: fc.constantFrom(...LOCATIONS),
    slot: fc.option(fc.constantFrom(...SLOTS), { nil: null }),
  })
  .map(({ type, q, negate, lotId, locationId, slot }) => {
    const quantityMilli = SIGN[type] * q * (type === 'adjust' && negate ? -1 : 1);
    const fromSlot = slot !== null && (type === 'draw' || type === 'waste');
    const other = locationId === LOCATIONS[0] ? LOCATIONS[1] : LOCATIONS[0];
    const payload: LedgerEvent['payload'] | undefined =
      type === 'transfer_out'
        ? { toLocationId: other ?? '' }
        : type === 'transfer_in'
          ? { fromLocationId: other ?? '' }
          : undefined;
    return (id: string) =>
      makeEvent({
        ...(payload ? { payload } : {}),
        id,
        type,
        quantityMilli,
        lotId: fromSlot ? slot.lotId : lotId,
        locationId: fromSlot ? slot.locationId : locationId,
        containerId: fromSlot ? slot.id : null,
      });
  });

const opens = fc
  .subarray(SLOTS)
  .map((slots) =>
    slots.map((s) => makeEvent({ type: 'open', id: s.id, lotId: s.lotId, locationId: s.locationId })),
  );

/** A ledger with unique ids: some opens, then movements with ids e0, e1, … */
const ledger = fc
  .tuple(opens, fc.array(movement, { maxLength: 40 }))
  .map(([o, ms]) => [...o, ...ms.map((make, i) => make(`e${String(i).padStart(3, '0')}`))]);

/** The same, plus corrections of some of its events (an undone open voids its container). */
const corrected = ledger.chain((events) =>
  fc.subarray(events).map((victims) => [
    ...events,
    ...victims.map((v) =>
      makeCorrection(v, {
        id: `fix-${v.id}`,
        actorId: 'staff-2',
        deviceId: 'tablet-2',
        deviceTime: '2025-03-02T09:00:00.000Z',
        reason: 'entered in error',
      }),
    ),
  ]),
);

const shuffled = <T>(items: T[]) =>
  fc.shuffledSubarray(items, { minLength: items.length, maxLength: items.length });

/** State as plain sorted data, so Map insertion order does not matter. */
function snapshot(state: LedgerState) {
  const sorted = <V>(m: Map<string, V>) => [...m.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return {
    lots: sorted(state.lots),
    containers: sorted(state.containers),
    conflicts: state.conflicts,
    correctedBy: sorted(state.correctedBy),
  };
}

const onHand = (state: LedgerState) => new Map([...state.lots].map(([k, b]) => [k, b.onHandMilli]));

describe('reduceLedger properties', () => {
  it('[L6] the generated events are valid (the generator tests what the app can write)', () => {
    fc.assert(
      fc.property(corrected, (events) => {
        for (const e of events) expect(validateEvent(e)).toEqual({ ok: true });
      }),
    );
  });

  it('[L7] any permutation of the same events gives the same state', () => {
    const withOrder = corrected.chain((events) => fc.tuple(fc.constant(events), shuffled(events)));
    fc.assert(
      fc.property(withOrder, ([events, permuted]) => {
        expect(snapshot(reduceLedger(permuted))).toEqual(snapshot(reduceLedger(events)));
      }),
    );
  });

  it('[L7] delivering events twice counts them once', () => {
    const withRepeats = corrected.chain((events) =>
      fc.tuple(
        fc.constant(events),
        fc.subarray(events).chain((again) => shuffled([...events, ...again])),
      ),
    );
    fc.assert(
      fc.property(withRepeats, ([events, delivered]) => {
        const state = reduceLedger(delivered);
        expect(snapshot(state)).toEqual(snapshot(reduceLedger(events)));
        expect(state.conflicts).toEqual([]);
      }),
    );
  });

  it('[L7] Σ lot balances = Σ quantities over unique ids', () => {
    const withRepeats = corrected.chain((events) =>
      fc.subarray(events).map((again) => [...events, ...again]),
    );
    fc.assert(
      fc.property(withRepeats, (delivered) => {
        const unique = [...new Map(delivered.map((e) => [e.id, e])).values()];
        const sum = (items: LedgerEvent[]) => items.reduce((s, e) => s + e.quantityMilli, 0);
        const state = reduceLedger(delivered);
        const total = [...state.lots.values()].reduce((s, b) => s + b.onHandMilli, 0);
        expect(total).toBe(sum(unique));
        const containerUse = [...state.containers.values()].reduce((s, c) => s + c.usedMilli, 0);
        expect(containerUse).toBe(0 - sum(unique.filter((e) => e.containerId !== null)));
      }),
    );
  });

  it('[L9] applyEvent one by one onto a materialized state = reduceLedger of everything', () => {
    const split = corrected.chain((events) =>
      fc.tuple(shuffled(events), fc.integer({ min: 0, max: events.length })),
    );
    fc.assert(
      fc.property(split, ([events, at]) => {
        const materialized = reduceLedger(events.slice(0, at));
        for (const e of events.slice(at)) applyEvent(materialized, e);
        expect(snapshot(materialized)).toEqual(snapshot(reduceLedger(events)));
      }),
    );
  });

  it('[L5] a correction brings balances and containers back to what they were without the event', () => {
    const withVictim = ledger
      .filter((events) => events.length > 0)
      .chain((events) => fc.tuple(fc.constant(events), fc.nat(events.length - 1), fc.boolean()));
    fc.assert(
      fc.property(withVictim, ([events, index, correctionFirst]) => {
        const victim = events[index] as LedgerEvent;
        const undo = makeCorrection(victim, {
          id: 'undo-1',
          actorId: 'staff-2',
          deviceId: 'tablet-2',
          deviceTime: '2025-03-02T09:00:00.000Z',
          reason: 'entered in error',
        });
        expect(validateEvent(undo)).toEqual({ ok: true });
        const without = reduceLedger(events.filter((e) => e.id !== victim.id));
        const withUndo = reduceLedger(correctionFirst ? [undo, ...events] : [...events, undo]);
        for (const [key, q] of onHand(withUndo)) expect(q, key).toBe(onHand(without).get(key) ?? 0);
        for (const [id, c] of withUndo.containers) {
          const before = without.containers.get(id);
          expect(c.usedMilli, id).toBe(before?.usedMilli ?? 0);
          if (victim.type !== 'open') expect(c.remainingMilli, id).toBe(before?.remainingMilli ?? null);
        }
        // Undoing an open voids its container: it no longer counts as opened.
        if (victim.type === 'open') expect(withUndo.containers.get(victim.id)?.openedAt ?? null).toBeNull();
      }),
    );
  });
});
