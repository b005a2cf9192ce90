/** Undo in an append-only ledger: a new event that cancels an earlier one. SPEC.md [L1], [L5]. */
import type { LedgerEvent } from '../model';

export interface CorrectionFields {
  id: string;
  actorId: string;
  deviceId: string;
  deviceTime: string;
  /** Why, in the actor's words ("entered twice", "wrong patient"). */
  reason: string;
}

/**
 * The compensating event for `original`: same type, org, lot, location, container and visit, the
 * opposite quantity, `correctsId = original.id`, and `payload = { reason }`.
 *
 * Example: draw e1 of -40_000 (40 U) in visit v1 → draw of +40_000 in v1 with correctsId "e1";
 * the lot balance and the container get the 40 U back, the visit's COGS shows a negative line.
 * Correcting an `open` (quantity 0) voids the container it started.
 */
export function makeCorrection(original: LedgerEvent, fields: CorrectionFields): LedgerEvent {
  return {
    id: fields.id,
    orgId: original.orgId,
    type: original.type,
    lotId: original.lotId,
    locationId: original.locationId,
    // 0 - q rather than -q: a correction of an open/count is 0, never -0.
    quantityMilli: 0 - original.quantityMilli,
    actorId: fields.actorId,
    deviceId: fields.deviceId,
    deviceTime: fields.deviceTime,
    visitId: original.visitId,
    containerId: original.containerId,
    correctsId: original.id,
    payload: { reason: fields.reason },
  };
}
