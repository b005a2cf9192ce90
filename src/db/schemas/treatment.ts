/**
 * Schemas (version 0) for the treatment flow: visits, and the balances materialized from the
 * ledger (per lot × location, and per opened container) so a FEFO lookup never scans events.
 * Lookups go lot → balance by primary key, so a balance needs no product id (a lot may even
 * arrive by sync after its events).
 */
import type { RxJsonSchema } from 'rxdb';
import type { Visit } from '../../domain/model';

const id = { type: 'string', maxLength: 64 } as const;

export interface LotBalanceDoc {
  /** `${lotId}|${locationId}` */
  key: string;
  lotId: string;
  locationId: string;
  onHandMilli: number;
  /** Events folded in; Σ over all docs = number of events, the cheap consistency check at boot. */
  eventCount: number;
  /** Earliest receive here (FEFO's tie-break: oldest receipt first); null if none yet. */
  firstReceivedAt: string | null;
}

export interface ContainerDoc {
  containerId: string;
  lotId: string;
  locationId: string;
  /** From the open event, once it has arrived (sync may deliver draws first). */
  openedAt: string | null;
  capacityMilli: number | null;
  /** The open itself was undone by a correction: the container no longer counts as opened. */
  openCorrected: boolean;
  usedMilli: number;
}

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
    onHandMilli: { type: 'integer' },
    eventCount: { type: 'integer', minimum: 0 },
    firstReceivedAt: { type: ['string', 'null'], maxLength: 32 },
  },
  required: ['key', 'lotId', 'locationId', 'onHandMilli', 'eventCount', 'firstReceivedAt'],
};

export const containerSchemaV0: RxJsonSchema<ContainerDoc> = {
  title: 'opened container',
  version: 0,
  primaryKey: 'containerId',
  type: 'object',
  additionalProperties: false,
  properties: {
    containerId: id,
    lotId: id,
    locationId: id,
    openedAt: { type: ['string', 'null'], maxLength: 32 },
    capacityMilli: { type: ['integer', 'null'] },
    openCorrected: { type: 'boolean' },
    usedMilli: { type: 'integer' },
  },
  required: ['containerId', 'lotId', 'locationId', 'openedAt', 'capacityMilli', 'openCorrected', 'usedMilli'],
  indexes: [['locationId', 'lotId']],
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
