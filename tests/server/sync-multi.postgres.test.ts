/**
 * PostgreSQL-only sync properties: several transactions and several server processes at once.
 * (PGlite has one connection, so it cannot interleave transactions at all.)
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { LedgerEvent } from '../../src/domain/model';
import { postgresBackend } from './backends';
import { openSse } from './sse-client';
import { deviceHeaders, serverEvent, startHarness } from './sync-harness';
import type { Harness } from './sync-harness';

const backend = postgresBackend();
beforeAll(() => backend.assertReady());
afterAll(() => backend.cleanup());

interface PullBody {
  documents: LedgerEvent[];
  checkpoint: { epoch: string; seq: number };
}

describe('sync on PostgreSQL with concurrency', () => {
  const harnesses: Harness[] = [];
  afterEach(async () => {
    await Promise.all(harnesses.splice(0).map((h) => h.close()));
  });

  it('[S5] concurrent pushes from two devices on two instances never leave a gap behind a pulled checkpoint', async () => {
    const db = await backend.createDatabase();
    const a = await startHarness(db);
    harnesses.push(a);
    const b = await startHarness(db, { prepared: true });
    harnesses.push(b);
    const [d1, d2] = [await a.enroll(), await a.enroll()];
    if (!d1 || !d2) throw new Error('enrollment failed');
    const pushed: string[] = [];
    let done = false;
    const pushes = Array.from({ length: 40 }, async (_, i) => {
      const events = Array.from({ length: 1 + (i % 7) }, () => serverEvent());
      pushed.push(...events.map((e) => e.id));
      const res = await (i % 2 === 0 ? a : b).push(i % 2 === 0 ? d1 : d2, events);
      expect(res.statusCode).toBe(200);
    });
    const all = Promise.all(pushes).finally(() => (done = true));

    // The puller keeps only its checkpoint, like a tablet: anything committed behind it is lost.
    const pulled: string[] = [];
    let checkpoint = { epoch: '', seq: 0 };
    for (let drained = false; !drained;) {
      const finished = done;
      const page = (await a.pull(d1, { ...checkpoint, limit: 5 })).json<PullBody>();
      pulled.push(...page.documents.map((d) => d.id));
      checkpoint = page.checkpoint;
      drained = finished && page.documents.length === 0;
    }
    await all;
    expect(new Set(pulled).size).toBe(pulled.length);
    expect(pulled).toEqual(expect.arrayContaining(pushed));
    expect(pulled).toHaveLength(pushed.length + 10);
  });

  it('[S7] an event pushed to instance A reaches an SSE client of instance B (LISTEN/NOTIFY)', async () => {
    const db = await backend.createDatabase();
    const a = await startHarness(db);
    harnesses.push(a);
    const b = await startHarness(db, { prepared: true });
    harnesses.push(b);
    const device = await a.enroll();
    const sse = await openSse(
      await b.app.listen({ port: 0, host: '127.0.0.1' }),
      deviceHeaders(device.token),
    );
    expect(await sse.waitFor(() => true)).toBe('RESYNC');
    expect((await a.push(device, [serverEvent()])).statusCode).toBe(200);
    const seq = (await a.pull(device, { limit: 1000 })).json<PullBody>().checkpoint.seq;
    expect(JSON.parse(await sse.waitFor((m) => m !== 'RESYNC'))).toEqual({ epoch: a.sync.epoch, seq });
    sse.close();
  });
});
