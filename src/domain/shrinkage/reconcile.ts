/**
 * Shrinkage of one lot at one location over a period (SPEC [SH1]-[SH3]), from the ledger alone:
 *
 *   expected = opening + received − drawn − wasted ± adjusted ± transferred
 *
 * where opening is the balance before the period, and each count in the period is compared with
 * what was expected at its moment (every movement at that location up to its device time, the
 * count itself aside): gap = counted − expected (negative = stock missing). The period's shrinkage
 * is what its counts found missing, −Σ gaps, valued at the lot's cost. An adjustment posted after a
 * count moves the expected figure, so the next count's gap is only what went missing since.
 *
 * The trail between two counts (or from the period's start to its first count) lists the events
 * that made the expected figure: draws by provider and visit, waste by reason, transfers,
 * adjustments and receipts — where a manager looks when a count and the records disagree.
 *
 * Worked example (the seeds' formula, opening + purchases − visits = expected): Botox lot at
 * $6.50/U, opening 100 U on 1 Nov; received 200 U on 2 Nov; draws 40 U, 35 U and 25 U on 3 Nov;
 * 2 U wasted (spill) on 4 Nov; count on 5 Nov finds 190 U →
 *   expected 100 + 200 − 100 − 2 = 198 U; gap 190 − 198 = −8 U; shrinkage 8 U = $52.00; the trail
 *   holds the receipt, three draws (by visit and provider) and the spill.
 */
import { lineCostCents } from '../money';
import type { LedgerEvent } from '../model';

export interface CountCheck {
  countEventId: string;
  at: string;
  countedMilli: number;
  expectedMilli: number;
  /** counted − expected: negative when stock is missing. */
  gapMilli: number;
  gapCents: number;
  /** The movements since the previous count (or the period's start), in time order. */
  trail: TrailEntry[];
}

export type TrailKind = 'receive' | 'draw' | 'waste' | 'adjust' | 'transfer' | 'open';

export interface TrailEntry {
  eventId: string;
  at: string;
  kind: TrailKind;
  /** Signed change to the balance. */
  quantityMilli: number;
  actorId: string;
  visitId: string | null;
  /** Waste or adjustment reason, the other location of a transfer, the supplier of a receipt. */
  detail: string;
  /** A correction of an earlier event (its effect undoes that one). */
  correction: boolean;
}

export interface Reconciliation {
  lotId: string;
  locationId: string;
  openingMilli: number;
  receivedMilli: number;
  drawnMilli: number;
  wastedMilli: number;
  adjustedMilli: number;
  transferredMilli: number;
  /** opening + received − drawn − wasted + adjusted + transferred, at the period's end. */
  expectedMilli: number;
  counts: CountCheck[];
  /** What the period's counts found missing (negative when they found more than expected). */
  shrinkageMilli: number;
  shrinkageCents: number;
}

export interface Period {
  /** ISO instant, inclusive; null = from the first event. */
  from: string | null;
  /** ISO instant, inclusive. */
  to: string;
}

const text = (v: unknown) => (typeof v === 'string' ? v : '');

function trailKind(type: LedgerEvent['type']): TrailKind | null {
  if (type === 'transfer_in' || type === 'transfer_out') return 'transfer';
  if (type === 'count') return null;
  return type;
}

function detailOf(e: LedgerEvent): string {
  if (e.type === 'transfer_out') return text(e.payload.toLocationId);
  if (e.type === 'transfer_in') return text(e.payload.fromLocationId);
  if (e.type === 'receive') return text(e.payload.supplier);
  return text(e.payload.reason);
}

const byTime = (a: LedgerEvent, b: LedgerEvent) =>
  a.deviceTime.localeCompare(b.deviceTime) || a.id.localeCompare(b.id);

export function reconcile(
  events: readonly LedgerEvent[],
  lot: { id: string; unitCostMicros: number },
  locationId: string,
  period: Period,
): Reconciliation {
  const here = events.filter((e) => e.lotId === lot.id && e.locationId === locationId).sort(byTime);
  const voidedCounts = new Set(
    here.filter((e) => e.type === 'count' && e.correctsId).map((e) => e.correctsId),
  );
  const inPeriod = (e: LedgerEvent) =>
    (period.from === null || e.deviceTime >= period.from) && e.deviceTime <= period.to;
  const out: Reconciliation = {
    lotId: lot.id,
    locationId,
    openingMilli: 0,
    receivedMilli: 0,
    drawnMilli: 0,
    wastedMilli: 0,
    adjustedMilli: 0,
    transferredMilli: 0,
    expectedMilli: 0,
    counts: [],
    shrinkageMilli: 0,
    shrinkageCents: 0,
  };
  let balance = 0;
  let trail: TrailEntry[] = [];
  for (const e of here) {
    if (period.from !== null && e.deviceTime < period.from) {
      balance += e.quantityMilli;
      out.openingMilli = balance;
      continue;
    }
    if (!inPeriod(e)) break;
    if (e.type === 'count') {
      const counted = e.payload.countedMilli;
      if (e.correctsId || voidedCounts.has(e.id) || typeof counted !== 'number') continue;
      const gapMilli = counted - balance;
      out.counts.push({
        countEventId: e.id,
        at: e.deviceTime,
        countedMilli: counted,
        expectedMilli: balance,
        gapMilli,
        gapCents: lineCostCents(gapMilli, lot.unitCostMicros),
        trail,
      });
      trail = [];
      continue;
    }
    balance += e.quantityMilli;
    if (e.type === 'receive') out.receivedMilli += e.quantityMilli;
    else if (e.type === 'draw') out.drawnMilli -= e.quantityMilli;
    else if (e.type === 'waste') out.wastedMilli -= e.quantityMilli;
    else if (e.type === 'adjust') out.adjustedMilli += e.quantityMilli;
    else if (e.type === 'transfer_in' || e.type === 'transfer_out') out.transferredMilli += e.quantityMilli;
    const kind = trailKind(e.type);
    if (kind)
      trail.push({
        eventId: e.id,
        at: e.deviceTime,
        kind,
        quantityMilli: e.quantityMilli,
        actorId: e.actorId,
        visitId: e.visitId,
        detail: detailOf(e),
        correction: e.correctsId !== null,
      });
  }
  out.expectedMilli = balance;
  out.shrinkageMilli = -out.counts.reduce((sum, c) => sum + c.gapMilli, 0);
  out.shrinkageCents = lineCostCents(out.shrinkageMilli, lot.unitCostMicros);
  return out;
}
