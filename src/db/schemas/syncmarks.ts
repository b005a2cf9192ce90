/**
 * What the sync server said about events recorded on this tablet: acknowledged, or refused with a
 * reason. Events never change, so this lives beside them, and it is written by the sync client
 * after the server answers — never on the draw's hot path. "Changes only on this tablet" = this
 * tablet's events − acknowledged ones; refused ones stay visible, flagged with the reason.
 */
import type { RxJsonSchema } from 'rxdb';

export interface SyncMarkDoc {
  eventId: string;
  state: 'acked' | 'rejected';
  /** Why the server refused it (403/400/conflict), shown to staff; null when acknowledged. */
  reason: string | null;
}

export const syncMarkSchemaV0: RxJsonSchema<SyncMarkDoc> = {
  title: 'sync mark',
  version: 0,
  primaryKey: 'eventId',
  type: 'object',
  additionalProperties: false,
  properties: {
    eventId: { type: 'string', maxLength: 64 },
    state: { type: 'string', enum: ['acked', 'rejected'], maxLength: 8 },
    reason: { type: ['string', 'null'], maxLength: 500 },
  },
  required: ['eventId', 'state', 'reason'],
  indexes: ['state'],
};
