/**
 * GET /api/v1/events/stream — Server-Sent Events (SPEC [S7]). Each connection gets
 *   data: RESYNC                      right away (the tablet pulls: it may have missed anything), then
 *   data: {"epoch":"…","seq":123}     whenever its organization's events advance,
 *   data: {"records":{"epoch":"…","seq":45}}   whenever its master-data records advance ([MD7]),
 *   : heartbeat                       every `heartbeatMs` (keeps proxies from closing an idle stream).
 * Streams end when the client goes away or the server closes (preClose hook), so a graceful
 * shutdown never waits on an open stream.
 */
import type { FastifyInstance } from 'fastify';
import { advanceMessage, RESYNC } from '../../../src/domain/sync/wire';
import type { EventHub } from '../services/hub';
import { deviceOf } from './guards';
import { streamQuerySchema } from './schemas';

export const DEFAULT_HEARTBEAT_MS = 15_000;

export interface StreamDeps {
  hub: EventHub;
  epoch: string;
  heartbeatMs?: number;
}

export function registerStreamRoute(api: FastifyInstance, deps: StreamDeps): void {
  const open = new Set<() => void>();
  api.addHook('preClose', async () => {
    for (const end of [...open]) end();
  });

  api.get(
    '/api/v1/events/stream',
    { config: { queryAuth: true }, schema: { querystring: streamQuerySchema } },
    async (request, reply) => {
      const device = deviceOf(request);
      reply.hijack();
      const res = reply.raw;
      res.writeHead(200, {
        'content-type': 'text/event-stream; charset=utf-8',
        'cache-control': 'no-cache, no-transform',
        connection: 'keep-alive',
        // nginx and friends would otherwise buffer the stream.
        'x-accel-buffering': 'no',
      });
      res.write(`retry: 3000\ndata: ${RESYNC}\n\n`);
      const unsubscribe = deps.hub.subscribe(device.orgId, (seq, stream) => {
        res.write(`data: ${advanceMessage(stream, { epoch: deps.epoch, seq })}\n\n`);
      });
      const heartbeat = setInterval(
        () => res.write(': heartbeat\n\n'),
        deps.heartbeatMs ?? DEFAULT_HEARTBEAT_MS,
      );
      const end = (): void => {
        if (!open.delete(end)) return;
        clearInterval(heartbeat);
        unsubscribe();
        res.end();
      };
      open.add(end);
      request.raw.once('close', end);
      res.once('close', end);
    },
  );
}
