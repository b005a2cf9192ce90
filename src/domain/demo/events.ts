/** The demo clinic's stock arrives as ordinary `receive` ledger events, same ids everywhere. */
import type { LedgerEvent, Receipt } from '../model';

export const DEMO_DEVICE_ID = 'demo-clinic-seed';

export function receiptToEvent(receipt: Receipt, orgId: string, deviceId = DEMO_DEVICE_ID): LedgerEvent {
  return {
    id: receipt.id,
    orgId,
    type: 'receive',
    lotId: receipt.lotId,
    locationId: receipt.locationId,
    quantityMilli: receipt.quantityMilli,
    actorId: receipt.actorId,
    deviceId,
    deviceTime: receipt.receivedAt,
    visitId: null,
    containerId: null,
    correctsId: null,
    payload: { supplier: receipt.supplier, purchaseOrder: receipt.purchaseOrder },
  };
}
