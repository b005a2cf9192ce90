/**
 * Schemas (version 0) for the treatment flow: visits, and the balances materialized from the
 * ledger so a FEFO lookup reads a handful of small documents and never scans events.
 *
 * One balance document per lot × location carries that lot's opened containers too: a draw then
 * updates one document (not two), and FEFO finds the opened vials with the balance it reads anyway.
 */
import type { RxJsonSchema } from 'rxdb';
import type { Visit } from '../../domain/model';

const id = { type: 'string', maxLength: 64 } as const;

/** An opened vial/syringe as materialized from its events (see containerView in balances.ts). */
export interface ContainerEntry {
  containerId: string;
  /** From the open event, once it has arrived (sync may deliver draws first). */
  openedAt: string | null;
  capacityMilli: number | null;
  /** The open itself was undone by a correction: the container no longer counts as opened. */
  openCorrected: boolean;
  usedMilli: number;
}

export interface LotBalanceDoc {
  /** `${lotId}|${locationId}` */
  key: string;
  lotId: string;
  locationId: string;
  /** The lot's product, for the FEFO index; '' while the lot itself has not reached this tablet. */
  productId: string;
  onHandMilli: number;
  /** Events folded in; Σ over all docs = number of events, the cheap consistency check at boot. */
  eventCount: number;
  /** Earliest receive here (FEFO's tie-break: oldest receipt first); null if none yet. */
  firstReceivedAt: string | null;
  containers: ContainerEntry[];
}

/** Bounds RxDB needs to index a number field; far beyond any real stock in thousandths. */
const ON_HAND_BOUND = 1e15;

export const lotBalanceSchemaV0: RxJsonSchema<LotBalanceDoc> = {
  title: 'lot balance',
  version: 0,
  primaryKey: 'key',
  type: 'object',
  additionalProperties: false,
  properties: {
    key: { type: 'string', maxLength: 130 },
    lotId: id,
    locationId: id,
    productId: id,
    onHandMilli: { type: 'integer', minimum: -ON_HAND_BOUND, maximum: ON_HAND_BOUND, multipleOf: 1 },
    eventCount: { type: 'integer', minimum: 0 },
    firstReceivedAt: { type: ['string', 'null'], maxLength: 32 },
    containers: {
      type: 'array',
      items: {
        type: 'object',
        additionalProperties: false,
        properties: {
          containerId: id,
          openedAt: { type: ['string', 'null'], maxLength: 32 },
          capacityMilli: { type: ['integer', 'null'] },
          openCorrected: { type: 'boolean' },
          usedMilli: { type: 'integer' },
        },
        required: ['containerId', 'openedAt', 'capacityMilli', 'openCorrected', 'usedMilli'],
      },
    },
  },
  required: [
    'key',
    'lotId',
    'locationId',
    'productId',
    'onHandMilli',
    'eventCount',
    'firstReceivedAt',
    'containers',
  ],
  indexes: [['productId', 'locationId', 'onHandMilli']],
};

export const visitSchemaV0: RxJsonSchema<Visit> = {
  title: 'visit',
  version: 0,
  primaryKey: 'id',
  type: 'object',
  additionalProperties: false,
  properties: {
    id,
    orgId: id,
    locationId: id,
    patientChartRef: { type: 'string', maxLength: 64 },
    providerId: id,
    treatmentAreas: { type: 'array', items: { type: 'string', maxLength: 40 } },
    priceChargedCents: { type: ['integer', 'null'] },
    startedAt: { type: 'string', maxLength: 32 },
    deviceId: { type: 'string', maxLength: 64 },
  },
  required: [
    'id',
    'orgId',
    'locationId',
    'patientChartRef',
    'providerId',
    'treatmentAreas',
    'priceChargedCents',
    'startedAt',
    'deviceId',
  ],
  indexes: ['startedAt'],
};
