/**
 * What a visit cost in product: one line per draw, each priced at its lot's unit cost and rounded
 * half-even to the cent once (SPEC.md [M2], [C1]-[C3]); the visit's COGS is the sum of the lines.
 *
 * Worked example (the seed, $6.50/U): a visit drawing 40 U → line 40_000 milli × 6_500_000 µ$
 * = 26_000 ¢ → COGS $260.00; with $520.00 charged the margin is $260.00. If that draw is then
 * undone, a correction line of -40 U / -$260.00 appears and COGS drops to $0.00.
 */
import { lineCostCents, sumCents } from '../money';
import type { LedgerEvent, Lot, Product, Visit } from '../model';
import { lookup } from '../ledger/keyed';
import type { Keyed } from '../ledger/keyed';

export interface CogsLine {
  eventId: string;
  lotId: string;
  lotNumber: string;
  productName: string;
  /** Positive for a draw, negative for the correction of one. */
  quantityMilli: number;
  unitCostMicros: number;
  costCents: number;
  correction: boolean;
  correctsId: string | null;
  /** When and by whom it was recorded (device time, ISO). */
  deviceTime: string;
  actorId: string;
  /** Why this draw departs from FEFO, when it does ([F4], [F5]); null for corrections. */
  note: DrawNote | null;
}

/** A manager's approval of a blocked lot, or the reason given for a non-FEFO pick. */
export type DrawNote =
  | { kind: 'override'; managerId: string; blockers: string[] }
  | { kind: 'deviation'; reason: string; note: string | null };

/** The note a draw's payload carries (see buildDrawEvents): override first, it is the stronger. */
export function drawNote(e: LedgerEvent): DrawNote | null {
  if (e.correctsId !== null) return null;
  const { overrideBy, overriddenBlockers, fefoDeviationReason, fefoDeviationNote } = e.payload;
  if (typeof overrideBy === 'string' && overrideBy !== '') {
    const blockers =
      typeof overriddenBlockers === 'string' ? overriddenBlockers.split(',').filter(Boolean) : [];
    return { kind: 'override', managerId: overrideBy, blockers };
  }
  if (typeof fefoDeviationReason === 'string' && fefoDeviationReason !== '')
    return {
      kind: 'deviation',
      reason: fefoDeviationReason,
      note: typeof fefoDeviationNote === 'string' && fefoDeviationNote !== '' ? fefoDeviationNote : null,
    };
  return null;
}

export interface VisitSummaryInput {
  visit: Visit;
  /** Events of this visit (others, and non-draws, are ignored); duplicates count once. */
  events: Iterable<LedgerEvent>;
  lots: Keyed<Lot>;
  products: Keyed<Product>;
}

export interface VisitSummary {
  /** In device-time order, then id. */
  lines: CogsLine[];
  cogsCents: number;
  priceChargedCents: number | null;
  /** price - COGS; null when no price was entered or a line could not be priced. */
  marginCents: number | null;
  /** Draws whose lot is not (yet) on this device: left out of lines and COGS, never guessed. */
  unpricedEventIds: string[];
}

function visitDraws(visitId: string, events: Iterable<LedgerEvent>): LedgerEvent[] {
  const byId = new Map<string, LedgerEvent>();
  for (const e of events) {
    if (e.type === 'draw' && e.visitId === visitId && !byId.has(e.id)) byId.set(e.id, e);
  }
  return [...byId.values()].sort(
    (a, b) => Date.parse(a.deviceTime) - Date.parse(b.deviceTime) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0),
  );
}

/** One priced line; the draw's quantity is negated so that draws read as positive use. */
export function cogsLine(e: LedgerEvent, lot: Lot, productName: string): CogsLine {
  const quantityMilli = 0 - e.quantityMilli;
  return {
    eventId: e.id,
    lotId: lot.id,
    lotNumber: lot.lotNumber,
    productName,
    quantityMilli,
    unitCostMicros: lot.unitCostMicros,
    costCents: lineCostCents(quantityMilli, lot.unitCostMicros),
    correction: e.correctsId !== null,
    correctsId: e.correctsId,
    deviceTime: e.deviceTime,
    actorId: e.actorId,
    note: drawNote(e),
  };
}

/** The visit's COGS lines, total and margin. See the module comment for a worked example. */
export function visitSummary(input: VisitSummaryInput): VisitSummary {
  const lines: CogsLine[] = [];
  const unpricedEventIds: string[] = [];
  for (const e of visitDraws(input.visit.id, input.events)) {
    const lot = lookup(input.lots, e.lotId);
    if (!lot) {
      unpricedEventIds.push(e.id);
      continue;
    }
    lines.push(cogsLine(e, lot, lookup(input.products, lot.productId)?.name ?? 'Unknown product'));
  }
  const cogsCents = sumCents(lines.map((l) => l.costCents));
  const price = input.visit.priceChargedCents;
  return {
    lines,
    cogsCents,
    priceChargedCents: price,
    marginCents: price === null || unpricedEventIds.length > 0 ? null : price - cogsCents,
    unpricedEventIds,
  };
}

/** What a visit used of one product, net of undone draws. */
export interface ProductUse {
  productName: string;
  quantityMilli: number;
  draws: number;
}

/**
 * Per product, what the visit drew once undone draws cancel out: what "Done with this visit"
 * confirms. Products whose draws were all undone are left out.
 *
 * Example: Botox 40 U, Botox 25 U, Juvéderm 1 mL, undo of the Juvéderm line →
 * [{ Botox, 65_000, draws 2 }].
 */
export function usedByProduct(summary: Pick<VisitSummary, 'lines'>): ProductUse[] {
  const corrected = new Set(summary.lines.map((l) => l.correctsId).filter((id) => id !== null));
  const byName = new Map<string, ProductUse>();
  for (const line of summary.lines) {
    if (line.correction || corrected.has(line.eventId)) continue;
    const use = byName.get(line.productName) ?? { productName: line.productName, quantityMilli: 0, draws: 0 };
    use.quantityMilli += line.quantityMilli;
    use.draws += 1;
    byName.set(line.productName, use);
  }
  return [...byName.values()];
}
