import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { balanceKey, reduceLedger } from '../ledger/reducer';
import { validateEvent } from '../ledger/rules';
import { FIXTURE, makeEvent, nextFixtureId } from '../ledger/fixtures';
import type { LedgerEvent } from '../model';
import { inTransitMilli, listTransfers, planCancel, planReceive, planSend, type Stamp } from './transfers';

const MAIN = FIXTURE.locationId;
const HARBOR = FIXTURE.otherLocationId;
const stamp = (deviceTime = '2025-03-02T10:00:00.000Z', actorId = 'staff-sender'): Stamp => ({
  orgId: FIXTURE.orgId,
  actorId,
  deviceId: 'tablet-1',
  deviceTime,
  newId: nextFixtureId,
});

/** Main St holds 300 U of lot A and 2 mL of lot B. */
const stocked: LedgerEvent[] = [
  makeEvent({ type: 'receive', lotId: 'lot-a', quantityMilli: 300_000 }),
  makeEvent({ type: 'receive', lotId: 'lot-b', quantityMilli: 2_000 }),
];
const onHand = (events: readonly LedgerEvent[], lotId: string, locationId: string) =>
  reduceLedger(events).lots.get(balanceKey(lotId, locationId))?.onHandMilli ?? 0;

function sent(): LedgerEvent[] {
  const plan = planSend(
    {
      transferId: 'tr-1',
      fromLocationId: MAIN,
      toLocationId: HARBOR,
      lines: [
        { lotId: 'lot-a', quantityMilli: 200_000 },
        { lotId: 'lot-b', quantityMilli: 1_000 },
      ],
      onHandMilli: (lotId) => onHand(stocked, lotId, MAIN),
    },
    stamp(),
  );
  if (!plan.ok) throw new Error(plan.problem);
  return [...stocked, ...plan.events];
}

describe('transfers between locations', () => {
  it('[TR1] sending writes one valid transfer_out per lot; the stock leaves the source and is in transit', () => {
    const events = sent();
    const outs = events.filter((e) => e.type === 'transfer_out');
    expect(outs.map((e) => [e.lotId, e.quantityMilli, e.payload.toLocationId])).toEqual([
      ['lot-a', -200_000, HARBOR],
      ['lot-b', -1_000, HARBOR],
    ]);
    for (const e of outs) expect(validateEvent(e)).toEqual({ ok: true });
    expect(onHand(events, 'lot-a', MAIN)).toBe(100_000);
    const [transfer] = listTransfers(events);
    expect(transfer?.status).toBe('in_transit');
    expect(inTransitMilli(listTransfers(events), 'lot-a')).toBe(200_000);
    expect(inTransitMilli(listTransfers(events), 'lot-a', HARBOR)).toBe(0);
  });

  it('[TR1] refuses sending to the same location, nothing, or more than is on hand', () => {
    const base = { transferId: 't', fromLocationId: MAIN, onHandMilli: () => 5_000 };
    const line = [{ lotId: 'lot-a', quantityMilli: 1_000 }];
    expect(planSend({ ...base, toLocationId: MAIN, lines: line }, stamp())).toMatchObject({ ok: false });
    expect(planSend({ ...base, toLocationId: HARBOR, lines: [] }, stamp())).toMatchObject({ ok: false });
    expect(
      planSend({ ...base, toLocationId: HARBOR, lines: [{ lotId: 'lot-a', quantityMilli: 6_000 }] }, stamp()),
    ).toMatchObject({ ok: false, problem: 'A line sends more than is on hand here.' });
  });

  it('[TR2][TR3] receiving in full completes it: the destination holds what was sent, nothing in transit', () => {
    const events = sent();
    const [transfer] = listTransfers(events);
    const plan = planReceive(transfer!, new Map(), '', stamp('2025-03-02T14:00:00.000Z', 'staff-harbor'));
    if (!plan.ok) throw new Error(plan.problem);
    for (const e of plan.events) expect(validateEvent(e)).toEqual({ ok: true });
    const after = [...events, ...plan.events];
    expect(onHand(after, 'lot-a', HARBOR)).toBe(200_000);
    expect(onHand(after, 'lot-b', HARBOR)).toBe(1_000);
    const [done] = listTransfers(after);
    expect(done).toMatchObject({ status: 'received', receivedBy: 'staff-harbor', reason: '' });
    expect(inTransitMilli(listTransfers(after), 'lot-a')).toBe(0);
  });

  it('[TR3] a difference needs a reason and stays visible, per lot', () => {
    const [transfer] = listTransfers(sent());
    const arrived = new Map([
      ['lot-a', 100_000],
      ['lot-b', 0],
    ]);
    expect(planReceive(transfer!, arrived, ' ', stamp())).toEqual({
      ok: false,
      problem: 'Say why what arrived differs from what was sent.',
    });
    const plan = planReceive(transfer!, arrived, 'vial broken in transport', stamp());
    if (!plan.ok) throw new Error(plan.problem);
    expect(plan.events.map((e) => [e.lotId, e.quantityMilli])).toEqual([['lot-a', 100_000]]);
    const [done] = listTransfers([...sent(), ...plan.events]);
    expect(done?.status).toBe('received_with_difference');
    expect(done?.reason).toBe('vial broken in transport');
    expect(done?.lines).toEqual([
      { lotId: 'lot-a', sentMilli: 200_000, receivedMilli: 100_000 },
      { lotId: 'lot-b', sentMilli: 1_000, receivedMilli: 0 },
    ]);
    expect(planReceive(done!, new Map(), '', stamp())).toMatchObject({ ok: false });
    expect(planReceive(transfer!, new Map([['lot-a', 300_000]]), 'x', stamp())).toMatchObject({ ok: false });
  });

  it('[TR1] cancelling while in transit puts the stock back at the source; the transfer is gone', () => {
    const events = sent();
    const [transfer] = listTransfers(events);
    expect(planCancel(transfer!, events, '', stamp())).toMatchObject({ ok: false });
    const plan = planCancel(transfer!, events, 'sent by mistake', stamp());
    if (!plan.ok) throw new Error(plan.problem);
    const after = [...events, ...plan.events];
    expect(onHand(after, 'lot-a', MAIN)).toBe(300_000);
    expect(listTransfers(after)).toEqual([]);
  });

  it('[TR4] received while the sender cancelled (two tablets offline): shown as a difference, sent 0', () => {
    const events = sent();
    const [transfer] = listTransfers(events);
    const cancel = planCancel(transfer!, events, 'sent by mistake', stamp());
    const receive = planReceive(transfer!, new Map(), '', stamp());
    if (!cancel.ok || !receive.ok) throw new Error('plans');
    const [both] = listTransfers([...events, ...cancel.events, ...receive.events]);
    expect(both?.status).toBe('received_with_difference');
    expect(both?.lines.find((l) => l.lotId === 'lot-a')).toEqual({
      lotId: 'lot-a',
      sentMilli: 0,
      receivedMilli: 200_000,
    });
  });

  it('[TR4] every tablet computes the same transfers whatever order its events arrived in', () => {
    const sending = sent();
    const [transfer] = listTransfers(sending);
    const receive = planReceive(transfer!, new Map([['lot-a', 150_000]]), 'short', stamp());
    if (!receive.ok) throw new Error(receive.problem);
    const all = [...sending, ...receive.events];
    const expected = listTransfers(all);
    fc.assert(
      fc.property(fc.shuffledSubarray(all, { minLength: all.length, maxLength: all.length }), (order) => {
        expect(listTransfers(order)).toEqual(expected);
      }),
    );
  });
});
