/**
 * GET /api/v1/events/stream — Server-Sent Events (SPEC [S7]). Each connection gets
 *   data: RESYNC                      right away (the tablet pulls: it may have missed anything), then
 *   data: {"epoch":"…","seq":123}     whenever its organization's events advance,
 *   data: {"records":{"epoch":"…","seq":45}}   whenever its master-data records advance ([MD7]),
 *   : heartbeat                       every `heartbeatMs` (keeps proxies from closing an idle stream).
 * A device holds at most MAX_STREAMS_PER_DEVICE streams: one more ends the device's oldest ([SEC6]).
 * Revoking the device ends its streams at once in this process (StreamRegistry), and each
 * heartbeat re-checks the token, so a stream on another instance ends within one heartbeat.
 * Streams end when the client goes away or the server closes (preClose hook), so a graceful
 * shutdown never waits on an open stream.
 */
import type { FastifyInstance } from 'fastify';
import { advanceMessage, RESYNC } from '../../../src/domain/sync/wire';
import type { AuthService } from '../services/auth';
import type { EventHub, StreamRegistry } from '../services/hub';
import { deviceOf, deviceTokenOf } from './guards';
import { streamQuerySchema } from './schemas';

export const DEFAULT_HEARTBEAT_MS = 15_000;

export interface StreamDeps {
  hub: EventHub;
  epoch: string;
  streams: StreamRegistry;
  /** Re-checks the token at each heartbeat (revocation on another instance). */
  auth: Pick<AuthService, 'authenticateDevice'>;
  heartbeatMs?: number;
}

export function registerStreamRoute(api: FastifyInstance, deps: StreamDeps): void {
  api.addHook('preClose', async () => {
    deps.streams.closeAll();
  });

  api.get(
    '/api/v1/events/stream',
    { config: { queryAuth: true }, schema: { querystring: streamQuerySchema } },
    async (request, reply) => {
      const device = deviceOf(request);
      const token = deviceTokenOf(request);
      let ended = false;
      let release: () => void = () => undefined;
      let cleanup: () => void = () => undefined;
      const end = (): void => {
        if (ended) return;
        ended = true;
        release();
        cleanup();
      };
      release = deps.streams.open(device.id, end);
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
      const heartbeat = setInterval(() => {
        res.write(': heartbeat\n\n');
        void deps.auth.authenticateDevice(token).then(
          (result) => {
            if (!result.ok) end();
          },
          (error: unknown) => request.log.warn({ err: error }, 'stream token re-check failed'),
        );
      }, deps.heartbeatMs ?? DEFAULT_HEARTBEAT_MS);
      cleanup = () => {
        clearInterval(heartbeat);
        unsubscribe();
        res.end();
      };
      request.raw.once('close', end);
      res.once('close', end);
    },
  );
}
