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

  it('[AL1][S8] two tablets drawing the same vial offline keep both draws; all show the same negative balance', async () => {
    const [a, b] = [await tablet('vial-a'), await tablet('vial-b')];
    const drawn = [...(await a.call<string[]>('draw', 60)), ...(await b.call<string[]>('draw', 60))];
    await a.call('connect', baseUrl, (await server.enroll()).token);
    await b.call('connect', baseUrl, (await server.enroll()).token);
    const serverOnHand = async () =>
      (
        await server.store.driver.query<{ on_hand_milli: number }>(
          'SELECT on_hand_milli FROM lot_balances WHERE lot_id = $1 AND location_id = $2',
          [lot, MAIN],
        )
      )[0]?.on_hand_milli;
    await eventually('both tablets and the server agree', async () => {
      const [onA, onB, onServer] = [await onHand(a), await onHand(b), await serverOnHand()];
      return onA === onB && onB === onServer;
    });
    expect(await onHand(a)).toBeLessThan(0);
    const onB = new Set(await b.call<string[]>('eventIds'));
    expect(drawn.every((id) => onB.has(id))).toBe(true);
  }, 120_000);

  const lotsOf = (t: RemoteTablet) =>
    t.call<{ id: string; data: Record<string, unknown>; clocks: Record<string, string> }[]>('lots');
  const lotOn = async (t: RemoteTablet, id: string) => (await lotsOf(t)).find((l) => l.id === id);

  it('[MD3] offline edits of different fields of one lot on two tablets both reach everyone', async () => {
    const [a, b] = [await tablet('hold'), await tablet('cost')];
    const target = LOTS[1] ?? '';
    await a.call('editLot', target, { status: 'hold' });
    await b.call('editLot', target, { unitCostMicros: 7_250_000 });
    await a.call('connect', baseUrl, (await server.enroll()).token);
    await b.call('connect', baseUrl, (await server.enroll()).token);
    const merged = async (t: RemoteTablet) => {
      const lot = await lotOn(t, target);
      return lot?.data.status === 'hold' && lot.data.unitCostMicros === 7_250_000;
    };
    await eventually('A has both edits', () => merged(a));
    await eventually('B has both edits', () => merged(b));
    expect(await lotOn(a, target)).toEqual(await lotOn(b, target));
    const [row] = await server.store.driver.query<{ status: string; unit_cost_micros: number }>(
      'SELECT status, unit_cost_micros FROM lots WHERE id = $1',
      [target],
    );
    expect(row).toEqual({ status: 'hold', unit_cost_micros: 7_250_000 });
  }, 120_000);

  it('[PWA4][MD9] a lot edit and a visit made offline count as only on this tablet until the server has them', async () => {
    const a = await tablet('unsynced');
    const target = LOTS[3] ?? '';
    await a.call('editLot', target, { status: 'hold' });
    const drawn = await a.call<string[]>('draw', 10);
    // The draw's events, and two records: its new visit and the lot.
    expect(await a.call('unsynced')).toEqual({ events: drawn.length, records: 2 });
    await a.call('connect', baseUrl, (await server.enroll()).token);
    await eventually('nothing is only on the tablet', async () => {
      const left = await a.call<{ events: number; records: number }>('unsynced');
      return left.events === 0 && left.records === 0;
    });
    const [row] = await server.store.driver.query<{ status: string }>(
      'SELECT status FROM lots WHERE id = $1',
      [target],
    );
    expect(row?.status).toBe('hold');
    expect(await a.call('errors')).toEqual([]);
  }, 120_000);

  it('[MD4] the same new lot created offline on two tablets from one barcode is one lot everywhere', async () => {
    const [a, b] = [await tablet('new-a'), await tablet('new-b')];
    const product = (await lotsOf(a)).find((l) => l.id === lot)?.data.productId as string;
    const fields = {
      productId: product,
      lotNumber: 'Z9Q77',
      expiry: '2028-02-29',
      unitCostMicros: 6_000_000,
    };
    const idA = await a.call<string>('createLot', fields);
    // Read off the same carton: the same fields; the id comes from product + lot number.
    const idB = await b.call<string>('createLot', fields);
    expect(idB).toBe(idA);
    await a.call('connect', baseUrl, (await server.enroll()).token);
    await b.call('connect', baseUrl, (await server.enroll()).token);
    await eventually('the server holds the lot', async () => {
      const rows = await server.store.driver.query('SELECT id FROM lots WHERE lot_number = $1', ['Z9Q77']);
      return rows.length === 1;
    });
    await eventually('both tablets agree on it', async () => {
      const [onA, onB] = [await lotOn(a, idA), await lotOn(b, idA)];
      return JSON.stringify(onA) === JSON.stringify(onB);
    });
    expect(
      (await lotsOf(a)).filter((l) => l.data.productId === product && l.data.expiry === '2028-02-29'),
    ).toHaveLength(1);
    // The second tablet's clocks were not taken (an injector may not change a lot, [A4]): it took
    // the server's copy, so nothing is refused and nothing stays only on either tablet.
    const [stored] = await server.store.driver.query<{ clocks: Record<string, string> }>(
      "SELECT clocks FROM records WHERE kind = 'lots' AND id = $1",
      [idA],
    );
    expect((await lotOn(b, idA))?.clocks).toEqual(stored?.clocks);
    for (const t of [a, b]) {
      expect(await t.call('marks', 'rejected')).toEqual([]);
      await eventually(
        'nothing is only on the tablet',
        async () => (await t.call<{ records: number }>('unsynced')).records === 0,
      );
    }
  }, 120_000);

  it('[MD5] an injector changing an existing lot is refused, flagged, and the tablet returns to the server copy', async () => {
    const a = await tablet('injector-edit');
    const target = LOTS[2] ?? '';
    await a.call('editLot', target, { status: 'recalled' }, STAFF.injector);
    await a.call('connect', baseUrl, (await server.enroll()).token);
    await eventually('the refusal is flagged', async () =>
      (await a.call<{ id: string; reason: string }[]>('marks', 'rejected')).some(
        (m) => m.id === `lots:${target}`,
      ),
    );
    expect((await lotOn(a, target))?.data.status).toBe('recalled');
    const [row] = await server.store.driver.query<{ status: string }>(
      'SELECT status FROM lots WHERE id = $1',
      [target],
    );
    expect(row?.status).not.toBe('recalled');
  }, 120_000);
});
