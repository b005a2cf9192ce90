/**
 * A fresh tablet pulling a ledger of several pages (SPEC [S19]): the app's real database and sync
 * client against the real server over HTTP. The tablet runs in this thread (one tablet per test file
 * fits RxDB's per-realm collection limit), so the test can also look into RxDB's replication state.
 */
import { getChangedDocumentsSince } from 'rxdb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { diffAgainstReducer } from '../../src/db/repositories/balances';
import type { LedgerEvent } from '../../src/domain/model';
import { PULL_PAGE } from '../../src/sync/events-channel';
import { pgliteBackend } from '../server/backends';
import { LOTS, ORG, serverEvent, startHarness, type Harness } from '../server/sync-harness';
import { eventually } from './eventually';
import { openTablet, type Tablet } from './tablet';

const backend = pgliteBackend();
/** More than two full pages and a partial one: the pipelined path and the caught-up end. */
const SEEDED = 2 * PULL_PAGE + 500;

describe('a fresh tablet bootstrapping', () => {
  let server: Harness;
  let baseUrl = '';
  let tablet: Tablet | null = null;

  beforeAll(async () => {
    server = await startHarness(await backend.createDatabase());
    await server.app.listen({ port: 0, host: '127.0.0.1' });
    const address = server.app.server.address();
    if (!address || typeof address === 'string') throw new Error('server did not listen on a port');
    baseUrl = `http://127.0.0.1:${address.port}`;
  });
  afterAll(async () => {
    await tablet?.close();
    await server.close();
    await backend.cleanup();
  });

  const serverIds = async (): Promise<string[]> =>
    (await server.store.driver.query<{ id: string }>('SELECT id FROM events WHERE org_id = $1', [ORG])).map(
      (r) => r.id,
    );

  it('[S19] holds every event once with balances equal to the reducer; pushes its own exactly once and never walks pulled events through RxDB’s push side', async () => {
    const seeded: LedgerEvent[] = Array.from({ length: SEEDED }, (_, i) =>
      serverEvent({ lotId: LOTS[i % LOTS.length], quantityMilli: 1_000, deviceId: 'tablet-seed' }),
    );
    await server.store.events.append(ORG, seeded);
    const other = await server.enroll();
    const t = await openTablet('bootstrap');
    tablet = t;

    const offline = await t.draw(5);
    t.connect(baseUrl, (await server.enroll()).token);
    // Recorded while the first pages are (most likely) still arriving.
    const during = await t.draw(3);
    // Another tablet's work arriving mid-bootstrap: its stream message must lead to one more pull.
    const late = [serverEvent({ deviceId: other.deviceId })];
    expect((await server.push(other, late)).statusCode).toBe(200);
    const own = [...offline, ...during].map((e) => e.id);

    await eventually('the server has the tablet’s events', async () => {
      const ids = new Set(await serverIds());
      return own.every((id) => ids.has(id));
    });
    const expected = (await serverIds()).sort();
    await eventually(
      'the tablet holds the server’s ledger',
      async () => (await t.db.events.count().exec()) === expected.length,
    );
    await eventually(
      'its own events are acknowledged',
      async () => (await t.db.syncmarks.count({ selector: { state: 'acked' } }).exec()) === own.length,
    );
    const local = (await t.db.events.find().exec()).map((d) => d.id).sort();
    expect(local).toEqual(expected);
    expect(await diffAgainstReducer(t.db)).toEqual([]);
    expect(t.errors).toEqual([]);

    // RxDB's push side keeps a "server state" copy of every event it has looked at: only the demo
    // events and the tablet's own may be among them, none of the pulled ones.
    const meta = t.sync?.sync.state.metaInstance;
    if (!meta) throw new Error('the events replication has not started');
    const { documents } = await getChangedDocumentsSince(meta, 100_000);
    const walked = documents.filter((d) => d.isCheckpoint === '0').map((d) => d.itemId);
    const pulled = new Set([...seeded, ...late].map((e) => e.id));
    expect(walked.filter((id) => pulled.has(id))).toEqual([]);
    expect(walked).toEqual(expect.arrayContaining(own));
  });
});
