/**
 * Carton serials already received ([RC5]), read back from the ledger's `receive` events: each
 * carries the serials of its cartons, space-separated (GS1 AI 21 serials never contain a space).
 * A receipt voided by a correction does not count. Example: receive of lot L (product P) with serials "S1 S2" on 2026-11-03 →
 *   { "P|S1" → "lot L1, 2026-11-03", "P|S2" → "lot L1, 2026-11-03" }.
 */
import type { LedgerEvent, Lot } from '../model';
import { serialKey } from './draft';

export function serialsOf(event: Pick<LedgerEvent, 'payload'>): string[] {
  const raw = event.payload.serials;
  return typeof raw === 'string' ? raw.split(' ').filter((s) => s !== '') : [];
}

export function receivedSerials(
  events: readonly LedgerEvent[],
  lotsById: ReadonlyMap<string, Pick<Lot, 'productId' | 'lotNumber'>>,
): Map<string, string> {
  // A receipt voided by a correction gave its cartons back: their serials may arrive again.
  const voided = new Set(events.flatMap((e) => (e.correctsId ? [e.correctsId] : [])));
  const seen = new Map<string, string>();
  for (const e of events) {
    if (e.type !== 'receive' || voided.has(e.id)) continue;
    const lot = lotsById.get(e.lotId);
    if (!lot) continue;
    for (const serial of serialsOf(e))
      seen.set(serialKey(lot.productId, serial), `lot ${lot.lotNumber}, ${e.deviceTime.slice(0, 10)}`);
  }
  return seen;
}
