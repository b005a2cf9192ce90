import { afterEach, describe, expect, it } from 'vitest';
import type { ChairsideDatabase } from '../../db/collections';
import { loadDemoClinic } from '../../db/demo';
import { currentBalance } from '../../db/repositories/balances';
import { eventsOfVisit, findEvent } from '../../db/repositories/events';
import { lookupFefo } from '../../db/repositories/fefo';
import { recentProductIds } from '../../db/repositories/recent';
import { saveVisit } from '../../db/repositories/visits';
import { openTestDatabase } from '../../db/testing';
import { buildDemoClinic, DEMO_IDS } from '../../domain/demo/clinic';
import type { FefoRanking } from '../../domain/fefo/rank';
import type { Visit } from '../../domain/model';
import { createData } from '../../platform/data';
import {
  eventEnvelope,
  recordDraw,
  undoEvent,
  wasteLeftover,
  type VisitCommandContext,
} from './visit-commands';

const TODAY = '2026-11-30';
const NOW_MS = Date.parse('2026-11-30T15:00:00.000Z');
const demo = buildDemoClinic(TODAY);
const botox = demo.products.find((p) => p.name.startsWith('Botox'))!;
const priya = demo.staff.find((s) => s.name.startsWith('Priya'))!;

let db: ChairsideDatabase | null = null;
afterEach(async () => {
  await db?.close();
  db = null;
});

/** A demo tablet with one visit open, and the commands' context with a fixed clock and ids. */
async function chair(nowMs = NOW_MS) {
  ({ db } = await openTestDatabase());
  await loadDemoClinic(db, { today: TODAY, hashPin: async (pin) => `test$${pin}` });
  const location = demo.locations.find((l) => l.id === DEMO_IDS.mainLocation)!;
  const visit: Visit = {
    id: '0190a000-0000-7000-8000-0000000c0001',
    orgId: location.orgId,
    locationId: location.id,
    patientChartRef: 'CH-1',
    providerId: priya.id,
    treatmentAreas: ['Glabella'],
    priceChargedCents: null,
    startedAt: new Date(NOW_MS).toISOString(),
    deviceId: 'tablet-1',
  };
  await saveVisit(db, visit);
  let n = 0;
  const ctx: VisitCommandContext = {
    data: createData(db, 'tablet-1'),
    actorId: priya.id,
    deviceId: 'tablet-1',
    now: () => nowMs,
    newId: () => `0190a000-0000-7000-8000-0000000e${String(++n).padStart(4, '0')}`,
  };
  const rank = (): Promise<FefoRanking> =>
    lookupFefo(db!, { product: botox, locationId: location.id, nowMs, utcOffsetMinutes: 0 });
  return { db, visit, ctx, rank };
}

const ENVELOPE = { actorId: priya.id, deviceId: 'tablet-1', deviceTime: '2026-11-30T15:00:00.000Z' };

describe('visit commands', () => {
  it('eventEnvelope stamps a new id, the actor, this device and the device clock', async () => {
    const { ctx } = await chair();
    expect(eventEnvelope(ctx)).toEqual({ id: '0190a000-0000-7000-8000-0000000e0001', ...ENVELOPE });
    expect(eventEnvelope(ctx).id).toBe('0190a000-0000-7000-8000-0000000e0002');
  });

  it('a draw from the FEFO suggestion opens the vial and records the draw under one envelope', async () => {
    const { db, visit, ctx, rank } = await chair();
    const ranking = await rank();
    const suggestion = ranking.suggestion!;
    expect(suggestion.kind).toBe('lot');
    const before = (await currentBalance(db, suggestion.lotId, visit.locationId))!.onHandMilli;

    const pick = { candidate: suggestion, deviationReason: null, deviationNote: null, override: null };
    const outcome = await recordDraw(ctx, { visit, product: botox, ranking, pick, quantityMilli: 20_000 });

    expect(outcome.ok).toBe(true);
    const events = outcome.ok ? outcome.events : [];
    expect(events.map((e) => [e.type, e.id])).toEqual([
      ['open', '0190a000-0000-7000-8000-0000000e0001'],
      ['draw', '0190a000-0000-7000-8000-0000000e0002'],
    ]);
    for (const e of events)
      expect(e).toMatchObject({ ...ENVELOPE, lotId: suggestion.lotId, orgId: visit.orgId });
    expect(events[1]).toMatchObject({
      quantityMilli: -20_000,
      visitId: visit.id,
      containerId: events[0]!.id,
    });
    expect((await eventsOfVisit(db, visit.id)).map((e) => e.id)).toEqual([events[1]!.id]);
    expect((await currentBalance(db, suggestion.lotId, visit.locationId))!.onHandMilli).toBe(before - 20_000);
    expect(await recentProductIds(db)).toEqual([botox.id]);
  });

  it('a draw the domain refuses stores nothing and says why', async () => {
    const { db, visit, ctx, rank } = await chair();
    const ranking = await rank();
    const pick = {
      candidate: ranking.suggestion!,
      deviationReason: null,
      deviationNote: null,
      override: null,
    };
    const outcome = await recordDraw(ctx, { visit, product: botox, ranking, pick, quantityMilli: 0 });
    expect(outcome).toEqual({ ok: false, message: 'Enter an amount above zero.' });
    expect(await eventsOfVisit(db, visit.id)).toEqual([]);
    expect(await recentProductIds(db)).toEqual([]);
  });

  it('undo records the correction of the recorded line and restores the balance', async () => {
    const { db, visit, ctx, rank } = await chair();
    const ranking = await rank();
    const pick = {
      candidate: ranking.suggestion!,
      deviationReason: null,
      deviationNote: null,
      override: null,
    };
    const drawn = await recordDraw(ctx, { visit, product: botox, ranking, pick, quantityMilli: 20_000 });
    const draw = drawn.ok ? drawn.events[1]! : null;
    const before = (await currentBalance(db, draw!.lotId, visit.locationId))!.onHandMilli;

    const correction = await undoEvent(ctx, draw!.id);

    expect(correction).toMatchObject({
      ...ENVELOPE,
      id: '0190a000-0000-7000-8000-0000000e0003',
      type: 'draw',
      correctsId: draw!.id,
      quantityMilli: 20_000,
      visitId: visit.id,
      payload: { reason: 'undone at the chair' },
    });
    expect((await eventsOfVisit(db, visit.id)).map((e) => e.id)).toEqual([draw!.id, correction!.id]);
    expect((await currentBalance(db, draw!.lotId, visit.locationId))!.onHandMilli).toBe(before + 20_000);
    expect(await undoEvent(ctx, 'no-such-event')).toBeNull();
    expect(await eventsOfVisit(db, visit.id)).toHaveLength(2);
  });

  it('[T5] undoing the only draw from a vial that record opened leaves the vial unopened', async () => {
    const { db, visit, ctx, rank } = await chair();
    const ranking = await rank();
    const pick = {
      candidate: ranking.suggestion!,
      deviationReason: null,
      deviationNote: null,
      override: null,
    };
    const drawn = await recordDraw(ctx, { visit, product: botox, ranking, pick, quantityMilli: 20_000 });
    const [opening, draw] = drawn.ok ? drawn.events : [];
    expect((await rank()).suggestion).toMatchObject({ kind: 'container', containerId: opening!.id });

    await undoEvent(ctx, draw!.id);

    const voided = await findEvent(db, '0190a000-0000-7000-8000-0000000e0004');
    expect(voided).toMatchObject({ type: 'open', correctsId: opening!.id, containerId: opening!.id });
    expect((await rank()).suggestion).toMatchObject({ kind: 'lot', lotId: draw!.lotId });
  });

  it('[T5] a vial drawn from again stays opened when the first draw is undone', async () => {
    const { db, visit, ctx, rank } = await chair();
    const first = await rank();
    const pick = { candidate: first.suggestion!, deviationReason: null, deviationNote: null, override: null };
    const drawn = await recordDraw(ctx, {
      visit,
      product: botox,
      ranking: first,
      pick,
      quantityMilli: 20_000,
    });
    const [opening, draw] = drawn.ok ? drawn.events : [];
    const second = await rank();
    const again = { ...pick, candidate: second.suggestion! };
    await recordDraw(ctx, { visit, product: botox, ranking: second, pick: again, quantityMilli: 10_000 });

    await undoEvent(ctx, draw!.id);

    const container = await ctx.data.ledger.container(draw!.lotId, visit.locationId, opening!.id);
    expect(container).toMatchObject({
      openedAt: opening!.deviceTime,
      usedMilli: 10_000,
      remainingMilli: 90_000,
    });
    expect((await rank()).suggestion).toMatchObject({ kind: 'container', containerId: opening!.id });
    expect(await findEvent(db, '0190a000-0000-7000-8000-0000000e0006')).toBeNull();
  });

  it('[F4] waste records what is left in an opened vial, and ignores an unopened lot', async () => {
    const { db, visit, ctx, rank } = await chair();
    const ranking = await rank();
    const pick = {
      candidate: ranking.suggestion!,
      deviationReason: null,
      deviationNote: null,
      override: null,
    };
    await recordDraw(ctx, { visit, product: botox, ranking, pick, quantityMilli: 20_000 });
    const opened = (await rank()).candidates.find((c) => c.kind === 'container')!;
    expect(opened.availableMilli).toBe(80_000);

    const waste = await wasteLeftover(ctx, visit, opened);

    expect(waste).toMatchObject({
      ...ENVELOPE,
      id: '0190a000-0000-7000-8000-0000000e0003',
      orgId: visit.orgId,
      type: 'waste',
      quantityMilli: -80_000,
      containerId: opened.containerId,
      payload: { reason: 'beyond_use_leftover' },
    });
    const left = (await rank()).candidates.find((c) => c.containerId === opened.containerId);
    expect(left?.availableMilli ?? 0).toBe(0);
    const unopened = (await rank()).candidates.find((c) => c.kind === 'lot')!;
    const stored = await db.events.count().exec();
    expect(await wasteLeftover(ctx, visit, unopened)).toBeNull();
    expect(await db.events.count().exec()).toBe(stored);
  });
});
