/**
 * The poison-event rule ([S26]) over real HTTP: a real fastify server that breaks on chosen
 * events, the tablet's real API client, events channel and RxDB sync marks.
 */
import Fastify, { type FastifyInstance } from 'fastify';
import { afterEach, describe, expect, it } from 'vitest';
import type { ChairsideDatabase } from '../db/collections';
import { toEventDoc } from '../db/repositories/events';
import { openTestDatabase } from '../db/testing';
import { makeEvent } from '../domain/ledger/fixtures';
import type { LedgerEvent } from '../domain/model';
import { SyncError } from './api';
import { eventsChannel } from './events-channel';
import { POISON_ATTEMPTS } from './isolate';
import { pushWithRefusals } from './replication';

const DEVICE = 'tablet-poison';

interface FakeServer {
  app: FastifyInstance;
  baseUrl: string;
  stored: Set<string>;
  /** Pushes answered, by size (0 = the empty probe). */
  sizes: number[];
  down: boolean;
}

/**
 * Answers like the sync server, except: an event with payload.poison "500" makes the whole push
 * a 500; "400" makes it a 400 naming no event; `down` makes every push a 500 (an outage).
 */
async function fakeServer(): Promise<FakeServer> {
  const app = Fastify();
  const server: FakeServer = { app, baseUrl: '', stored: new Set(), sizes: [], down: false };
  app.post<{ Body: { events: LedgerEvent[] } }>('/api/v1/events/push', async (request, reply) => {
    const { events } = request.body;
    server.sizes.push(events.length);
    if (server.down) return reply.code(500).send({ error: 'internal', message: 'database is down' });
    if (events.some((e) => e.payload.poison === '500'))
      return reply.code(500).send({ error: 'internal', message: 'internal server error' });
    if (events.some((e) => e.payload.poison === '400'))
      return reply
        .code(400)
        .send({ error: 'invalid', field: 'body', eventId: null, message: 'unreadable batch' });
    for (const e of events) server.stored.add(e.id);
    return { accepted: events.map((e) => e.id), duplicates: [], conflicts: [] };
  });
  server.baseUrl = await app.listen({ host: '127.0.0.1', port: 0 });
  return server;
}

const open: { db: ChairsideDatabase; server: FakeServer }[] = [];
afterEach(async () => {
  await Promise.all(
    open.splice(0).map(async ({ db, server }) => Promise.all([db.close(), server.app.close()])),
  );
});

async function setup() {
  const [{ db }, server] = await Promise.all([openTestDatabase(), fakeServer()]);
  open.push({ db, server });
  const channel = eventsChannel(db, { baseUrl: server.baseUrl, token: 'token', fetch }, DEVICE);
  return { db, server, channel };
}

const events = (poison: Record<number, string>, count = 6) =>
  Array.from({ length: count }, (_, i) =>
    makeEvent({ deviceId: DEVICE, payload: poison[i] ? { poison: poison[i] } : {} }),
  );

async function marks(db: ChairsideDatabase) {
  const docs = await db.syncmarks.find().exec();
  return new Map(docs.map((d) => [d.eventId, { state: d.state, reason: d.reason }]));
}

describe('poison events', () => {
  it('[S26] an event the server fails on (500) is isolated and flagged; the events behind it are stored', async () => {
    const { db, server, channel } = await setup();
    const batch = events({ 3: '500' });
    await pushWithRefusals(channel, batch.map(toEventDoc));
    const poison = batch[3]?.id ?? '';
    expect([...server.stored].sort()).toEqual(
      batch
        .map((e) => e.id)
        .filter((id) => id !== poison)
        .sort(),
    );
    const byId = await marks(db);
    expect(byId.get(poison)).toEqual({ state: 'rejected', reason: expect.stringMatching(/server fails/) });
    for (const e of batch) if (e.id !== poison) expect(byId.get(e.id)?.state).toBe('acked');
    // Halved after each 500 and a healthy empty probe (0); the event alone is tried POISON_ATTEMPTS
    // times; then the event behind it in its half, [4] and [5], go up.
    const alone = Array.from({ length: POISON_ATTEMPTS }, () => [1, 0]).flat();
    expect(server.sizes).toEqual([6, 0, 3, 3, 0, 2, 0, ...alone, 1, 1]);
  });

  it('[S26] a 400 for the batch as a whole is narrowed down to the event, flagged with the server reason', async () => {
    const { db, server, channel } = await setup();
    const batch = events({ 0: '400', 5: '400' });
    await pushWithRefusals(channel, batch.map(toEventDoc));
    expect(server.stored.size).toBe(4);
    const byId = await marks(db);
    for (const i of [0, 5])
      expect(byId.get(batch[i]?.id ?? '')).toEqual({ state: 'rejected', reason: 'unreadable batch' });
  });

  it('[S26] an outage flags nothing: the push throws and RxDB retries the whole batch later', async () => {
    const { db, server, channel } = await setup();
    server.down = true;
    const batch = events({});
    const failure = pushWithRefusals(channel, batch.map(toEventDoc));
    await expect(failure).rejects.toBeInstanceOf(SyncError);
    expect(server.sizes).toEqual([6, 0]);
    expect((await marks(db)).size).toBe(0);
    server.down = false;
    await pushWithRefusals(channel, batch.map(toEventDoc));
    expect(server.stored.size).toBe(6);
  });
});
