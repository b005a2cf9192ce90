/**
 * What a visit at the chair records: a draw (checked by the domain's rules first), the undo of a
 * recorded line, and the waste of a leftover past its beyond-use time. Every event they build gets
 * the same envelope (`eventEnvelope`): a new id, the signed-in actor, this device and the device
 * clock. Kept apart from VisitPanel so the workflow is tested without rendering (visit-commands.test.ts).
 */
import { approvalProof } from '../../auth/approval';
import type { ChairsideData } from '../../platform/data';
import { APPROVAL_BY, APPROVAL_PROOF, eventApprovalText } from '../../domain/approval';
import { isFefoDeviation } from '../../domain/fefo/deviation';
import { leftoverWasteEvent } from '../../domain/fefo/leftovers';
import type { Candidate, FefoRanking } from '../../domain/fefo/rank';
import { makeCorrection } from '../../domain/ledger/correction';
import type { LedgerEvent, Product, Visit } from '../../domain/model';
import { buildDrawEvents, checkDraw } from '../../domain/treatment/draw';
import { undoAlsoVoidsOpening } from '../../domain/treatment/undo';
import type { Pick as LotPick } from './LotChooser';

export interface VisitCommandContext {
  data: {
    ledger: Pick<ChairsideData['ledger'], 'record' | 'find' | 'container'>;
    picker: Pick<ChairsideData['picker'], 'markUsed'>;
  };
  /** The signed-in staff member. */
  actorId: string;
  deviceId: string;
  now: () => number;
  newId: () => string;
}

export interface EventEnvelope {
  id: string;
  actorId: string;
  deviceId: string;
  /** The device clock, ISO 8601 UTC. */
  deviceTime: string;
}

/** Id, actor, device and time for one event recorded now. */
export function eventEnvelope(ctx: VisitCommandContext): EventEnvelope {
  return {
    id: ctx.newId(),
    actorId: ctx.actorId,
    deviceId: ctx.deviceId,
    deviceTime: new Date(ctx.now()).toISOString(),
  };
}

export interface DrawInput {
  visit: Visit;
  product: Product;
  ranking: FefoRanking;
  pick: LotPick;
  quantityMilli: number;
  /** What a treatment template charted for this draw, when it pre-filled it ([TT2]). */
  chartedMilli?: number | null;
}

export type DrawOutcome = { ok: true; events: LedgerEvent[] } | { ok: false; message: string };

/**
 * Records a draw of `quantityMilli` from the picked candidate, unless the domain refuses it (too
 * much, a deviation from FEFO without a reason, a block without a manager): then nothing is stored
 * and the outcome says why. A draw that opens a container is two events under one envelope.
 * Storage failures throw.
 */
export async function recordDraw(ctx: VisitCommandContext, input: DrawInput): Promise<DrawOutcome> {
  const { visit, product, ranking, pick, quantityMilli } = input;
  const deviation =
    isFefoDeviation(ranking.suggestion, pick.candidate) && pick.candidate.blockers.length === 0;
  const problem = checkDraw(
    { candidate: pick.candidate, quantityMilli, override: pick.override, product },
    deviation,
    pick.deviationReason,
    pick.deviationNote,
  );
  if (problem) return { ok: false, message: problem.message };
  const { id, ...stamp } = eventEnvelope(ctx);
  const ids = [id];
  const events = buildDrawEvents({
    product,
    visit,
    candidate: pick.candidate,
    quantityMilli,
    ...stamp,
    // The envelope's id goes to the first event; an opening draw mints one more.
    newId: () => ids.shift() ?? ctx.newId(),
    deviationReason: pick.deviationReason,
    deviationNote: pick.deviationNote,
    override: pick.override,
    chartedMilli: input.chartedMilli ?? null,
  });
  const key = pick.override?.approvalKey;
  const recorded = key && pick.override ? await withApproval(events, pick.override.managerId, key) : events;
  await ctx.data.ledger.record(recorded);
  await ctx.data.picker.markUsed(product.id);
  return { ok: true, events: recorded };
}

/**
 * The draw of `events` carrying the approving manager's proof ([A5]): HMAC of the event as it is
 * recorded, under the key their PIN derived at the pad. The server refuses an override without it.
 */
async function withApproval(
  events: LedgerEvent[],
  managerId: string,
  key: Uint8Array,
): Promise<LedgerEvent[]> {
  return Promise.all(
    events.map(async (e) => {
      if (e.type !== 'draw') return e;
      const payload = { ...e.payload, [APPROVAL_BY]: managerId };
      const proof = await approvalProof(key, eventApprovalText({ ...e, payload }));
      return { ...e, payload: { ...payload, [APPROVAL_PROOF]: proof } };
    }),
  );
}

/**
 * Records the correction that cancels a recorded event, and of the vial's opening when that same
 * record opened it and nothing else was drawn from it ([T5]); one write. Returns the event's
 * correction, or null when that event is not here.
 */
export async function undoEvent(ctx: VisitCommandContext, eventId: string): Promise<LedgerEvent | null> {
  const original = await ctx.data.ledger.find(eventId);
  if (!original) return null;
  const { id, ...stamp } = eventEnvelope(ctx);
  const correction = makeCorrection(original, { id, ...stamp, reason: 'undone at the chair' });
  const corrections = [correction];
  if (original.type === 'draw' && original.containerId) {
    const opening = await ctx.data.ledger.find(original.containerId);
    const container = await ctx.data.ledger.container(
      original.lotId,
      original.locationId,
      original.containerId,
    );
    if (opening && undoAlsoVoidsOpening(original, opening, container))
      corrections.push(makeCorrection(opening, { id: ctx.newId(), ...stamp, reason: 'undone at the chair' }));
  }
  await ctx.data.ledger.record(corrections);
  return correction;
}

/** Records what is left in an opened container as waste ([F4]); null for an unopened lot. */
export async function wasteLeftover(
  ctx: VisitCommandContext,
  visit: Pick<Visit, 'orgId' | 'locationId'>,
  candidate: Candidate,
): Promise<LedgerEvent | null> {
  if (!candidate.containerId) return null;
  const leftover = {
    containerId: candidate.containerId,
    lotId: candidate.lotId,
    locationId: visit.locationId,
    remainingMilli: candidate.availableMilli,
    beyondUseAtMs: candidate.useByMs,
  };
  const event = leftoverWasteEvent(leftover, { ...eventEnvelope(ctx), orgId: visit.orgId });
  await ctx.data.ledger.record([event]);
  return event;
}
