/**
 * A poison event on a real tablet against the real sync server ([S25], [S26]): an event the
 * database cannot hold, and a batch too large for one request, must not stop the tablet's queue.
 * The tablet runs in-process (tablet.ts: the app's RxDB database and sync client over real HTTP).
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { recordEvents } from '../../src/db/repositories/balances';
import { pgliteBackend } from '../server/backends';
import { serverEvent, startHarness, type Harness } from '../server/sync-harness';
import { eventually } from './eventually';
import { openTablet, type Tablet } from './tablet';

const backend = pgliteBackend();
beforeAll(() => backend.assertReady());
afterAll(() => backend.cleanup());

describe('poison events on a real tablet', () => {
  let server: Harness;
  let baseUrl = '';
  const tablets: Tablet[] = [];

  beforeAll(async () => {
    server = await startHarness(await backend.createDatabase());
    baseUrl = await server.app.listen({ port: 0, host: '127.0.0.1' });
  });
  afterEach(async () => {
    await Promise.all(tablets.splice(0).map((t) => t.close()));
  });
  afterAll(async () => {
    await server.close();
  });

  async function tablet(name: string): Promise<Tablet> {
    const t = await openTablet(name);
    tablets.push(t);
    return t;
  }

  const storedOf = async (ids: string[]) =>
    (
      await server.store.driver.query<{ id: string }>(
        'SELECT id::text AS id FROM events WHERE id = ANY($1)',
        [ids],
      )
    )
      .map((r) => r.id)
      .sort();
  const marks = async (t: Tablet, state: 'acked' | 'rejected') =>
    (await t.db.syncmarks.find({ selector: { state } }).exec()).map((d) => ({
      id: d.eventId,
      reason: d.reason,
    }));

  it('[S26][S25] an event the database cannot hold is flagged with the reason; the events around it sync', async () => {
    const t = await tablet('poison');
    const own = { deviceId: t.deviceId };
    const before = [serverEvent(own), serverEvent(own)];
    const poison = serverEvent({ ...own, payload: { supplier: 'Acme\u0000Pharma' } });
    const after = [serverEvent(own), serverEvent(own)];
    await recordEvents(t.db, [...before, poison, ...after]);
    t.connect(baseUrl, (await server.enroll()).token);
    const good = [...before, ...after].map((e) => e.id);
    await eventually(
      'the events around the poison one are stored',
      async () => (await storedOf(good)).length === 4,
    );
    await eventually('the poison event is flagged', async () => (await marks(t, 'rejected')).length === 1);
    expect(await marks(t, 'rejected')).toEqual([
      { id: poison.id, reason: expect.stringMatching(/database/) },
    ]);
    expect(await storedOf([poison.id])).toEqual([]);
    // Flagged, never dropped: it stays in the tablet's ledger.
    expect(await t.db.events.findOne(poison.id).exec()).not.toBeNull();
  });

  it('[S26] a batch over the 1 MB body limit (400 for the batch as a whole) is halved until it fits; nothing is flagged', async () => {
    const t = await tablet('large');
    const filler = Object.fromEntries(Array.from({ length: 40 }, (_, i) => [`note${i}`, 'x'.repeat(2000)]));
    const events = Array.from({ length: 24 }, () => serverEvent({ deviceId: t.deviceId, payload: filler }));
    await recordEvents(t.db, events);
    t.connect(baseUrl, (await server.enroll()).token);
    const ids = events.map((e) => e.id);
    await eventually('every event is stored', async () => (await storedOf(ids)).length === ids.length);
    await eventually(
      'every event is acknowledged',
      async () => (await marks(t, 'acked')).length >= ids.length,
    );
    expect(await marks(t, 'rejected')).toEqual([]);
  });
});
