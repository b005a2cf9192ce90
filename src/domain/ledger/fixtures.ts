/**
 * Test fixtures: a valid ledger event with sensible defaults, so a test states only what matters:
 * `makeEvent({ type: 'draw', quantityMilli: -40_000 })`. Type-specific defaults (a draw's visit,
 * a waste reason, an open's capacity and container) are filled in so the result passes
 * validateEvent unless the test overrides them on purpose.
 */
import type { LedgerEvent, LedgerEventType } from '../model';

export const FIXTURE = {
  orgId: 'org-1',
  lotId: 'lot-1',
  locationId: 'loc-main',
  otherLocationId: 'loc-harbor',
  actorId: 'staff-1',
  deviceId: 'tablet-1',
  visitId: 'visit-1',
  deviceTime: '2025-03-01T15:00:00.000Z',
} as const;

const DEFAULT_QUANTITY: Record<LedgerEventType, number> = {
  receive: 100_000,
  draw: -40_000,
  waste: -5_000,
  adjust: -1_000,
  transfer_out: -10_000,
  transfer_in: 10_000,
  open: 0,
  count: 0,
};

let sequence = 0;

/** A fresh fixture id ("evt-000001", …); ids sort in creation order. */
export function nextFixtureId(): string {
  sequence += 1;
  return `evt-${String(sequence).padStart(6, '0')}`;
}

function defaultPayload(type: LedgerEventType): LedgerEvent['payload'] {
  switch (type) {
    case 'waste':
      return { reason: 'spill' };
    case 'adjust':
      return { reason: 'count variance' };
    case 'open':
      return { capacityMilli: 100_000 };
    case 'count':
      return { countedMilli: 100_000 };
    case 'transfer_out':
      return { toLocationId: FIXTURE.otherLocationId };
    case 'transfer_in':
      return { fromLocationId: FIXTURE.otherLocationId };
    default:
      return {};
  }
}

export function makeEvent(overrides: Partial<LedgerEvent> = {}): LedgerEvent {
  const type = overrides.type ?? 'receive';
  const id = overrides.id ?? nextFixtureId();
  return {
    id,
    orgId: FIXTURE.orgId,
    type,
    lotId: FIXTURE.lotId,
    locationId: FIXTURE.locationId,
    quantityMilli: DEFAULT_QUANTITY[type],
    actorId: FIXTURE.actorId,
    deviceId: FIXTURE.deviceId,
    deviceTime: FIXTURE.deviceTime,
    visitId: type === 'draw' ? FIXTURE.visitId : null,
    containerId: type === 'open' ? id : null,
    correctsId: null,
    payload: defaultPayload(type),
    ...overrides,
  };
}
