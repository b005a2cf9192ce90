/** RxDB schemas (version 0) for the append-only ledger and device-local settings. */
import type { RxJsonSchema } from 'rxdb';
import { LEDGER_EVENT_SCALAR_FIELDS, LEDGER_EVENT_TYPES, type LedgerEvent } from '../../domain/model';

/**
 * A ledger event as stored: the domain event plus `visitKey` (visitId or ''), because RxDB can only
 * index required, non-null fields and a visit's draws must be found without scanning the ledger.
 */
export type EventDoc = LedgerEvent & { visitKey: string };

export const eventSchemaV0: RxJsonSchema<EventDoc> = {
  title: 'ledger event',
  version: 0,
  primaryKey: 'id',
  type: 'object',
  additionalProperties: false,
  properties: {
    id: { type: 'string', maxLength: 64 },
    orgId: { type: 'string', maxLength: 64 },
    type: { type: 'string', enum: [...LEDGER_EVENT_TYPES], maxLength: 16 },
    lotId: { type: 'string', maxLength: 64 },
    locationId: { type: 'string', maxLength: 64 },
    quantityMilli: { type: 'integer' },
    actorId: { type: 'string', maxLength: 64 },
    deviceId: { type: 'string', maxLength: 64 },
    deviceTime: { type: 'string', maxLength: 32 },
    visitId: { type: ['string', 'null'], maxLength: 64 },
    visitKey: { type: 'string', maxLength: 64 },
    correctsId: { type: ['string', 'null'], maxLength: 64 },
    containerId: { type: ['string', 'null'], maxLength: 64 },
    payload: { type: 'object' },
  },
  required: [...LEDGER_EVENT_SCALAR_FIELDS, 'visitKey', 'payload'],
  indexes: ['lotId', 'deviceId', 'visitKey'],
};

/** Device-local key/value settings (device id, chosen location, sound on/off…). */
export interface SettingDoc {
  key: string;
  /** JSON-encoded, so one schema serves every kind of setting. */
  value: string;
}

export const settingSchemaV0: RxJsonSchema<SettingDoc> = {
  title: 'setting',
  version: 0,
  primaryKey: 'key',
  type: 'object',
  additionalProperties: false,
  properties: {
    key: { type: 'string', maxLength: 64 },
    value: { type: 'string', maxLength: 4000 },
  },
  required: ['key', 'value'],
};
