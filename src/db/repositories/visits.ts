/** Visits on this tablet and what they cost (COGS from the exact lots drawn). */
import { map, switchMap, type Observable } from 'rxjs';
import { visitSummary, type VisitSummary } from '../../domain/cogs/visit';
import type { Location, Lot, Product, Visit } from '../../domain/model';
import type { ChairsideDatabase, VisitDoc } from '../collections';
import type { ReplicaMeta } from '../schemas/replicated';
import { eventsOfVisit } from './events';
import { saveRecords, type EditContext } from './records';

function toVisit(doc: VisitDoc): Visit {
  const { clocks: _c, editor: _e, ...visit } = doc;
  return visit;
}

/**
 * Starts or edits a visit ([MD1]: visits replicate). Without an explicit context the edit is the
 * visit's own: its provider on its device, at its start time (the clock still never goes back).
 */
export async function saveVisit(db: ChairsideDatabase, visit: Visit, ctx?: EditContext): Promise<void> {
  const { clocks: _c, editor: _e, ...fields } = visit as Visit & Partial<ReplicaMeta>;
  await saveRecords(
    db,
    'visits',
    [fields],
    ctx ?? { deviceId: visit.deviceId, actorId: visit.providerId, nowMs: Date.parse(visit.startedAt) },
  );
}

export function watchRecentVisits(db: ChairsideDatabase, limit = 20): Observable<Visit[]> {
  return db.visits
    .find({ sort: [{ startedAt: 'desc' }], limit })
    .$.pipe(map((docs) => docs.map((d) => toVisit(d.toMutableJSON()))));
}

/** One visit, live; null once it is not (or no longer) on this tablet. */
export function watchVisit(db: ChairsideDatabase, id: string): Observable<Visit | null> {
  return db.visits.findOne(id).$.pipe(map((doc) => (doc ? toVisit(doc.toMutableJSON()) : null)));
}

export async function getVisit(db: ChairsideDatabase, id: string): Promise<Visit | null> {
  const doc = await db.visits.findOne(id).exec();
  return doc ? toVisit(doc.toMutableJSON()) : null;
}

export async function summarizeVisit(db: ChairsideDatabase, visit: Visit): Promise<VisitSummary> {
  const events = await eventsOfVisit(db, visit.id);
  const lotIds = [...new Set(events.map((e) => e.lotId))];
  const lots = new Map<string, Lot>();
  for (const doc of (await db.lots.findByIds(lotIds).exec()).values()) lots.set(doc.id, doc.toMutableJSON());
  const productIds = [...new Set([...lots.values()].map((l) => l.productId))];
  const products = new Map<string, Product>();
  for (const doc of (await db.products.findByIds(productIds).exec()).values())
    products.set(doc.id, doc.toMutableJSON());
  return visitSummary({ visit, events, lots, products });
}

/** The visit's COGS summary, computed again whenever an event of this visit is stored. */
export function watchVisitSummary(db: ChairsideDatabase, visit: Visit): Observable<VisitSummary> {
  return db.events
    .find({ selector: { visitKey: visit.id } })
    .$.pipe(switchMap(() => summarizeVisit(db, visit)));
}

export async function listLocations(db: ChairsideDatabase): Promise<Location[]> {
  return (await db.locations.find({ sort: [{ name: 'asc' }] }).exec()).map((d) => d.toMutableJSON());
}
