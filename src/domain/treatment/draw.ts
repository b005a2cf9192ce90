/**
 * Turns "draw 40 U from this candidate for this visit" into ledger events. Drawing from an
 * unopened lot first opens a new container (vial/syringe) — its id is the open event's id — then
 * draws from it, so the next draw finds the opened vial first (SPEC [F1], [L1]).
 *
 * Example: Botox lot A, no open vial, 40 U for visit v →
 *   open  { id: o1, containerId: o1, quantity 0, payload.capacityMilli 100_000 }
 *   draw  { id: d1, containerId: o1, quantity -40_000, visitId v }
 * A second visit drawing 35 U from candidate container o1 → one draw event of -35_000.
 */
import { checkDeviation } from '../fefo/deviation';
import type { Candidate } from '../fefo/rank';
import type { LedgerEvent, Product, Visit } from '../model';

export interface DrawRequest {
  product: Product;
  visit: Visit;
  candidate: Candidate;
  quantityMilli: number;
  actorId: string;
  deviceId: string;
  deviceTime: string;
  newId: () => string;
  /** Why the injector did not take the FEFO suggestion (required when they did not). */
  deviationReason: string | null;
  /** The injector's words when the reason is "other" ([F5]). */
  deviationNote?: string | null;
  /** The manager who authorised drawing from a blocked lot, with the blockers overridden. */
  override: { managerId: string; blockers: string[] } | null;
  /**
   * What a treatment template charted for this draw ([TT2]), kept beside what was drawn for the
   * provider-yield reports; absent or null when the draw was not pre-filled by a template.
   */
  chartedMilli?: number | null;
}

export type DrawError =
  | { code: 'not_positive'; message: string }
  | { code: 'exceeds_available'; message: string; availableMilli: number }
  | { code: 'blocked'; message: string }
  | { code: 'reason_required'; message: string };

export function checkDraw(
  req: Pick<DrawRequest, 'candidate' | 'quantityMilli' | 'override' | 'product'>,
  isDeviation: boolean,
  reason: string | null,
  note: string | null = null,
): DrawError | null {
  const { candidate, quantityMilli } = req;
  if (!Number.isSafeInteger(quantityMilli) || quantityMilli <= 0)
    return { code: 'not_positive', message: 'Enter an amount above zero.' };
  const available =
    candidate.kind === 'container'
      ? candidate.availableMilli
      : Math.min(candidate.availableMilli, req.product.containerSizeMilli);
  if (quantityMilli > available) {
    return {
      code: 'exceeds_available',
      message: 'More than this container holds: record the rest from another container.',
      availableMilli: available,
    };
  }
  if (candidate.blockers.length > 0 && !(candidate.overridable && req.override)) {
    return {
      code: 'blocked',
      message: `This ${candidate.kind === 'container' ? 'vial' : 'lot'} cannot be used: ${candidate.blockers.join(', ')}.`,
    };
  }
  if (isDeviation && !reason)
    return { code: 'reason_required', message: 'Say why you are not using the suggested lot.' };
  const problem = isDeviation ? checkDeviation(reason, note) : null;
  if (problem) return { code: 'reason_required', message: problem };
  return null;
}

export function buildDrawEvents(req: DrawRequest): LedgerEvent[] {
  const base = {
    orgId: req.visit.orgId,
    lotId: req.candidate.lotId,
    locationId: req.visit.locationId,
    actorId: req.actorId,
    deviceId: req.deviceId,
    deviceTime: req.deviceTime,
    correctsId: null,
  };
  const events: LedgerEvent[] = [];
  let containerId = req.candidate.containerId;
  if (req.candidate.kind === 'lot' || containerId === null) {
    const openId = req.newId();
    containerId = openId;
    events.push({
      ...base,
      id: openId,
      type: 'open',
      quantityMilli: 0,
      visitId: null,
      containerId: openId,
      payload: { capacityMilli: req.product.containerSizeMilli },
    });
  }
  const payload: LedgerEvent['payload'] = {};
  if (req.deviationReason) payload.fefoDeviationReason = req.deviationReason;
  if (req.deviationReason && req.deviationNote) payload.fefoDeviationNote = req.deviationNote;
  if (req.override) {
    payload.overrideBy = req.override.managerId;
    payload.overriddenBlockers = req.override.blockers.join(',');
  }
  if (req.chartedMilli != null) payload.chartedMilli = req.chartedMilli;
  events.push({
    ...base,
    id: req.newId(),
    type: 'draw',
    quantityMilli: -req.quantityMilli,
    visitId: req.visit.id,
    containerId,
    payload,
  });
  return events;
}
