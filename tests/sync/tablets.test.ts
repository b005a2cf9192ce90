/**
 * Real tablets (the app's RxDB database and sync client, each in its own worker thread) against the
 * real sync server over HTTP: work recorded offline reaches the server and every other tablet
 * exactly once, and refusals stay visible on the tablet that made them.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { pgliteBackend } from '../server/backends';
import { LOTS, MAIN, STAFF, startHarness, type Harness } from '../server/sync-harness';
import { startTablet, type RemoteTablet } from './remote-tablet';
import { eventually } from './eventually';

const backend = pgliteBackend();
beforeAll(() => backend.assertReady());
afterAll(() => backend.cleanup());

describe('tablets syncing through the server', () => {
  let server: Harness;
  let baseUrl = '';
  const tablets: RemoteTablet[] = [];

  beforeAll(async () => {
    server = await startHarness(await backend.createDatabase());
    await server.app.listen({ port: 0, host: '127.0.0.1' });
    const address = server.app.server.address();
    if (!address || typeof address === 'string') throw new Error('server did not listen on a port');
    baseUrl = `http://127.0.0.1:${address.port}`;
  });
  afterEach(async () => {
    await Promise.all(tablets.splice(0).map((t) => t.terminate()));
  });
  afterAll(async () => {
    await server.close();
  });

  async function tablet(name: string): Promise<RemoteTablet> {
    const t = await startTablet(name);
    tablets.push(t);
    return t;
  }

  const lot = LOTS[0] ?? '';
  const onHand = (t: RemoteTablet) => t.call<number>('onHand', lot, MAIN);
  const acked = async (t: RemoteTablet) => (await t.call<unknown[]>('marks', 'acked')).length;

  it('[S4][S6] draws recorded offline on A reach the server and B exactly once; balances agree everywhere', async () => {
    const [a, b] = [await tablet('a'), await tablet('b')];
    const ids = [...(await a.call<string[]>('draw', 40)), ...(await a.call<string[]>('draw', 35))];
    const before = await onHand(b);

    await a.call('connect', baseUrl, (await server.enroll()).token);
    await b.call('connect', baseUrl, (await server.enroll()).token);
    await eventually('B has A’s draws', async () => (await onHand(b)) === before - 75_000);
    await eventually('A’s events are acknowledged', async () => (await acked(a)) === ids.length).catch(
      async (e) => {
        throw new Error(`${e}; tablet errors: ${JSON.stringify(await a.call('errors'))}`);
      },
    );

    const onServer = await server.store.driver.query<{ id: string }>(
      'SELECT id FROM events WHERE id = ANY($1)',
      [ids],
    );
    expect(onServer.map((r) => r.id).sort()).toEqual([...ids].sort());
    const onB = (await b.call<string[]>('eventIds')).filter((id) => ids.includes(id));
    expect(onB.sort()).toEqual([...ids].sort());
    expect(await b.call<string[]>('diff')).toEqual([]);
    expect(await onHand(a)).toBe(await onHand(b));
    expect(await a.call<string[]>('errors')).toEqual([]);
  });

  it('[S4] an event the server refuses (front desk drawing) stays on the tablet, flagged; the rest syncs', async () => {
    const a = await tablet('refused');
    const allowed = await a.call<string[]>('draw', 10);
    const refused = await a.call<string[]>('draw', 5, STAFF.frontDesk);
    await a.call('connect', baseUrl, (await server.enroll()).token);
    await eventually(
      'the refusal is recorded',
      async () => (await a.call<unknown[]>('marks', 'rejected')).length > 0,
    );
    await eventually('the allowed draw is acknowledged', async () => (await acked(a)) === allowed.length);
    const rejected = await a.call<{ id: string; reason: string | null }[]>('marks', 'rejected');
    expect(refused).toEqual(expect.arrayContaining(rejected.map((r) => r.id)));
    expect(rejected.every((r) => (r.reason ?? '').length > 0)).toBe(true);
    // Nothing was dropped: the refused events are still in the tablet's ledger.
    const local = await a.call<string[]>('eventIds');
    expect(local).toEqual(expect.arrayContaining(refused));
  });
});
