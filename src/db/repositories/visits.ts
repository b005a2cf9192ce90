/** Visits on this tablet and what they cost (COGS from the exact lots drawn). */
import { visitSummary, type VisitSummary } from '../../domain/cogs/visit';
import type { Location, Lot, Product, Visit } from '../../domain/model';
import type { ChairsideDatabase } from '../collections';
import type { ReplicaMeta } from '../schemas/replicated';
import { eventsOfVisit } from './events';
import { saveRecords, type EditContext } from './records';

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

export function watchRecentVisits(db: ChairsideDatabase, limit = 20) {
  return db.visits.find({ sort: [{ startedAt: 'desc' }], limit }).$;
}

export async function getVisit(db: ChairsideDatabase, id: string): Promise<Visit | null> {
  const doc = await db.visits.findOne(id).exec();
  return doc ? doc.toMutableJSON() : null;
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

export async function listLocations(db: ChairsideDatabase): Promise<Location[]> {
  return (await db.locations.find({ sort: [{ name: 'asc' }] }).exec()).map((d) => d.toMutableJSON());
}
