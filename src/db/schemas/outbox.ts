/**
 * The outbox: one document per event recorded on this tablet that no server has acknowledged yet.
 * Events themselves never change, so "sent or not" lives here; the header's pending count is the
 * size of this collection, and an event the server refused stays here, flagged with the reason.
 */
import type { RxJsonSchema } from 'rxdb';

export interface OutboxDoc {
  eventId: string;
  /** ISO time it was queued, for ordering and "waiting since". */
  queuedAt: string;
  /** Why the server refused it (403/400), shown to staff; null while it is simply waiting. */
  rejectedReason: string | null;
}

export const outboxSchemaV0: RxJsonSchema<OutboxDoc> = {
  title: 'outbox',
  version: 0,
  primaryKey: 'eventId',
  type: 'object',
  additionalProperties: false,
  properties: {
    eventId: { type: 'string', maxLength: 64 },
    queuedAt: { type: 'string', maxLength: 32 },
    rejectedReason: { type: ['string', 'null'], maxLength: 500 },
  },
  required: ['eventId', 'queuedAt', 'rejectedReason'],
};
