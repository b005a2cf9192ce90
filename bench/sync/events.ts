// Valid ledger events of the demo organization for the sync benchmarks: receives by the manager
// and draws by an injector (each draw its own visit), spread over the demo lots at Main.
import { randomUUID } from 'node:crypto';
import type { LedgerEvent } from '../../src/domain/model';
import { LOTS, MAIN, ORG, STAFF } from '../../tests/server/sync-harness';

/**
 * Event `i` of a run: even → receive of 1 U, odd → draw of 0.25 U, at lot `i % 4`; with four lots
 * each lot only receives or only draws, so its on-hand moves one way (bootstrap.ts relies on it).
 */
export function benchEvent(i: number, deviceId: string): LedgerEvent {
  const receive = i % 2 === 0;
  return {
    id: randomUUID(),
    orgId: ORG,
    type: receive ? 'receive' : 'draw',
    lotId: LOTS[i % LOTS.length] ?? '',
    locationId: MAIN,
    quantityMilli: receive ? 1_000 : -250,
    actorId: receive ? STAFF.manager : STAFF.injector,
    deviceId,
    deviceTime: new Date(Date.UTC(2025, 5, 15, 9, 0, 0, i)).toISOString(),
    visitId: receive ? null : randomUUID(),
    containerId: null,
    correctsId: null,
    payload: receive ? { supplier: 'Bench Supplier', purchaseOrder: `PO-${i}` } : {},
  };
}

export function benchEvents(n: number, deviceId: string, offset = 0): LedgerEvent[] {
  return Array.from({ length: n }, (_, i) => benchEvent(offset + i, deviceId));
}

export function chunks<T>(items: readonly T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}
