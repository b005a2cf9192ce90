/**
 * Schemas for the treatment flow: visits, and the persisted snapshot of the balances materialized
 * from the ledger (SPEC [L10], [L11]).
 *
 * One balance document per lot × location carries that lot's opened containers too, and the fold
 * cursor it includes (v1): the snapshot is written behind the events and a reopened tablet folds
 * only the events after it. One extra document (key CHECKPOINT_KEY) holds the snapshot's global
 * cursor.
 */
import type { MigrationStrategies, RxJsonSchema } from 'rxdb';
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

/**
 * A position in the tablet's ledger as IndexedDB stored it: RxDB's last-write time of the event
 * and its id (the order RxDB's own checkpoints use).
 */
export interface FoldCursor {
  lwt: number;
  id: string;
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
  /**
   * The last event folded into this document (v1): it is the fold of every event of its key up to
   * this cursor. Null for a document that was never written by the snapshot writer (v0 data).
   */
  foldedThrough?: FoldCursor | null;
}

/** The snapshot's global checkpoint document in the balances collection ([L11]). */
export const CHECKPOINT_KEY = '~fold-checkpoint';

/** Bounds RxDB needs to index a number field; far beyond any real stock in thousandths. */
const ON_HAND_BOUND = 1e15;

export const lotBalanceSchemaV1: RxJsonSchema<LotBalanceDoc> = {
  title: 'lot balance',
  version: 1,
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
    foldedThrough: {
      type: ['object', 'null'],
      additionalProperties: false,
      properties: { lwt: { type: 'number' }, id: { type: 'string', maxLength: 64 } },
      required: ['lwt', 'id'],
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

/** v0, before the snapshot carried fold cursors: kept for the migration test. */
export const lotBalanceSchemaV0: RxJsonSchema<LotBalanceDoc> = (() => {
  const { foldedThrough: _f, ...properties } = lotBalanceSchemaV1.properties;
  return { ...lotBalanceSchemaV1, version: 0, properties } as RxJsonSchema<LotBalanceDoc>;
})();

/**
 * v0 → v1 adds `foldedThrough`. A v0 document has no cursor and there is no checkpoint yet, so
 * the first open after the upgrade folds the whole ledger once (in pages) and writes the snapshot.
 */
export const BALANCE_MIGRATIONS: MigrationStrategies = {
  1: (doc: LotBalanceDoc) => ({ ...doc, foldedThrough: null }),
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
