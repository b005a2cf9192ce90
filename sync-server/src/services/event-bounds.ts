/**
 * Push checks that need the server's clock or the lot-id rule, beside the domain's validateEvent
 * (push.ts runs them before any database work):
 *
 * - [S24] an event's deviceTime is at most 24 h ahead of the server's clock — the bound record
 *   clocks have ([MD2], the same constant) — since device time orders recalls and COGS reports;
 * - [MD12] a receive that names the carton it read (`payload.productId` and `payload.lotNumber`)
 *   names the lot derived from them (`lotIdFor`, [MD4]), so no second lot of one carton is made.
 *
 * Example (server at 2025-06-15T12:00Z): deviceTime 2025-06-16T11:00Z → fine; 2999-01-01T00:00Z →
 * 400 { field: "deviceTime" }.
 */
import type { LedgerEvent } from '../../../src/domain/model';
import { lotIdFor } from '../../../src/domain/replica';
import { MAX_CLOCK_AHEAD_MS } from './record-plan';

export interface EventProblem {
  kind: 'invalid';
  field: string;
  eventId: string;
  message: string;
}

export function eventBoundsProblem(events: readonly LedgerEvent[], nowMs: number): EventProblem | null {
  for (const e of events) {
    if (Date.parse(e.deviceTime) > nowMs + MAX_CLOCK_AHEAD_MS)
      return {
        kind: 'invalid',
        field: 'deviceTime',
        eventId: e.id,
        message: "deviceTime is more than 24 h ahead of the server's clock: check the tablet's clock",
      };
    const { productId, lotNumber } = e.payload;
    if (
      e.type === 'receive' &&
      typeof productId === 'string' &&
      typeof lotNumber === 'string' &&
      e.lotId !== lotIdFor(e.orgId, productId, lotNumber)
    )
      return {
        kind: 'invalid',
        field: 'lotId',
        eventId: e.id,
        message: 'lotId must be the id derived from payload.productId and payload.lotNumber (lotIdFor)',
      };
  }
  return null;
}
