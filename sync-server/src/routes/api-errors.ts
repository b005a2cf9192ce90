/**
 * One error shape for the API: `{ error, field, eventId, message }` (SPEC [S4]). Schema errors name
 * the offending field ("quantityMilli", "payload.reason", "events") and, inside a push, the id of
 * the event that carries it; bodies over the limit and malformed JSON are 400 on field "body".
 * The records routes (/api/v1/records/*, SPEC [MD6]) name `recordId` instead of `eventId`. A
 * database data error that reaches here (SQLSTATE class 22, [S25]) is a 400 on field "body".
 */
import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import type { ApiError, RecordApiError } from '../../../src/domain/sync/wire';
import { OrgScopeError } from '../services/admin-scope';
import { InputError } from '../services/auth';
import { dataErrorOf } from '../services/data-errors';
import { wrongOrganization } from './guards';

interface AjvLikeError {
  instancePath: string;
  keyword: string;
  params: Record<string, unknown>;
  message?: string;
}

/**
 * Ajv error → field and event id. Example: instancePath "/events/3/payload/reason" →
 * { field: "payload.reason", eventId: body.events[3].id }; an unknown property "colour" on event 0
 * → { field: "colour", eventId: body.events[0].id }. A records push ("/records/2/kind") names
 * body.records[2].id the same way (returned as `eventId`; the handler renames it).
 */
export function describeSchemaError(e: AjvLikeError, body: unknown): Omit<ApiError, 'error'> {
  const parts = e.instancePath.split('/').filter(Boolean);
  const extra = e.params.additionalProperty ?? e.params.missingProperty;
  if (typeof extra === 'string') parts.push(extra);
  let eventId: string | null = null;
  const list = parts[0];
  if ((list === 'events' || list === 'records') && parts.length > 2) {
    const items = (body as Record<string, unknown[] | undefined> | null)?.[list];
    const id = (items?.[Number(parts[1])] as { id?: unknown } | undefined)?.id;
    eventId = typeof id === 'string' ? id : null;
    parts.splice(0, 2);
  }
  const field = parts.join('.');
  return { field, eventId, message: `${field || 'input'} ${e.message ?? 'is invalid'}` };
}

export function invalid(field: string, message: string, eventId: string | null = null): ApiError {
  return { error: 'invalid', field, eventId, message };
}

export function invalidRecord(
  field: string,
  message: string,
  recordId: string | null = null,
): RecordApiError {
  return { error: 'invalid', field, recordId, message };
}

function isRecordsRoute(request: FastifyRequest): boolean {
  return request.url.startsWith('/api/v1/records/');
}

export function apiErrorHandler(error: FastifyError, request: FastifyRequest, reply: FastifyReply): void {
  if (error instanceof InputError) {
    void reply.code(400).send(invalid(error.field, error.message));
    return;
  }
  if (error instanceof OrgScopeError) {
    void reply.code(403).send(wrongOrganization(request, error));
    return;
  }
  const first = error.validation?.[0];
  if (first) {
    const { field, eventId, message } = describeSchemaError(first as AjvLikeError, request.body);
    void reply
      .code(400)
      .send(
        isRecordsRoute(request) ? invalidRecord(field, message, eventId) : invalid(field, message, eventId),
      );
    return;
  }
  if (error.code === 'FST_ERR_CTP_BODY_TOO_LARGE') {
    void reply
      .code(400)
      .send(
        isRecordsRoute(request)
          ? invalidRecord('body', 'the body is larger than 1 MB: send fewer records per batch')
          : invalid('body', 'the body is larger than 1 MB: send fewer events per batch'),
      );
    return;
  }
  // A data error no service mapped to its field is still the input's fault, not the server's ([S25]).
  const data = dataErrorOf(error);
  if (data) {
    const message = `the database cannot store this: ${data.message}`;
    void reply
      .code(400)
      .send(isRecordsRoute(request) ? invalidRecord('body', message) : invalid('body', message));
    return;
  }
  const status = error.statusCode ?? 500;
  if (status === 429) {
    // @fastify/rate-limit (app.ts): its error carries the message; the shape is ours.
    void reply.code(429).send({ error: 'rate_limited', message: error.message });
    return;
  }
  if (status >= 400 && status < 500) {
    void reply.code(status).send(invalid('body', error.message));
    return;
  }
  request.log.error({ err: error }, 'unexpected error');
  void reply.code(500).send({ error: 'internal', message: 'internal server error' });
}
