/**
 * PostgreSQL-only master-data properties: concurrent pushes on two server instances over one
 * database (PGlite has one connection, so it cannot interleave transactions at all).
 */
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { lotIdFor } from '../../src/domain/replica';
import { RECORD_LOCK_CLASS } from '../../sync-server/src/store/record-store';
import { postgresBackend } from './backends';
import {
  BOTOX,
  clock,
  created,
  edited,
  harnessPerTest,
  visitData,
  withApproval,
  lotData,
  newId,
  pulledOne,
  pullKind,
  pullRecords,
  pushRecords,
} from './records-fixtures';
import type { RecordsPage } from './records-fixtures';
import { openSse } from './sse-client';
import { deviceHeaders, ORG, STAFF } from './sync-harness';
import type { Harness } from './sync-harness';

const backend = postgresBackend();
beforeAll(() => backend.assertReady());
afterAll(() => backend.cleanup());

describe('records on PostgreSQL with concurrency', () => {
  const harness = harnessPerTest(backend);

  async function twoInstances(): Promise<[Harness, Harness]> {
    const db = await backend.createDatabase();
    const a = await harness({ database: db });
    const b = await harness({ database: db, prepared: true });
    return [a, b];
  }

  it('[MD6][S5] concurrent record pushes on two instances never leave a gap behind a pulled checkpoint', async () => {
    const [a, b] = await twoInstances();
    const [d1, d2] = [await a.enroll(), await a.enroll()];
    const pushed: string[] = [];
    let done = false;
    // Batches of different sizes keep transactions of different lengths in flight at once.
    const pushes = Array.from({ length: 40 }, async (_, i) => {
      const batch = Array.from({ length: 1 + ((i * 7) % 20) }, () =>
        created('visits', newId(), visitData(), clock(i), STAFF.injector),
      );
      pushed.push(...batch.map((r) => r.id));
      const res = await pushRecords(i % 2 === 0 ? a : b, i % 2 === 0 ? d1 : d2, batch);
      expect(res.statusCode).toBe(200);
    });
    const all = Promise.all(pushes).finally(() => (done = true));
    const pulled: string[] = [];
    let checkpoint = { epoch: '', seq: 0 };
    for (let drained = false; !drained;) {
      const finished = done;
      const page = (
        await pullRecords(a, d1, { kind: 'visits', ...checkpoint, limit: 2 })
      ).json<RecordsPage>();
      pulled.push(...page.documents.map((d) => d.id));
      checkpoint = page.checkpoint;
      drained = finished && page.documents.length === 0;
    }
    await all;
    expect(new Set(pulled).size).toBe(pulled.length);
    expect(pulled).toEqual(expect.arrayContaining(pushed));
    expect(pulled).toHaveLength(pushed.length); // the demo has no visits
  });

  it("[MD6][S5] a records push waits for the organization's advisory lock held by another transaction", async () => {
    const db = await backend.createDatabase();
    const h = await harness({ database: db });
    const device = await h.enroll();
    const holder = new pg.Client({ connectionString: db.url ?? '' });
    await holder.connect();
    try {
      await holder.query('BEGIN');
      await holder.query('SELECT pg_advisory_xact_lock($1, hashtext($2))', [RECORD_LOCK_CLASS, ORG]);
      let settled = false;
      const push = pushRecords(h, device, [
        created('visits', newId(), visitData(), clock(1), STAFF.injector),
      ]);
      void push.finally(() => (settled = true));
      const waiting = async () => {
        const { rows } = await holder.query<{ n: number }>(
          "SELECT count(*)::integer AS n FROM pg_locks WHERE locktype = 'advisory' AND NOT granted",
        );
        return (rows[0]?.n ?? 0) > 0;
      };
      // Poll until the push is seen queued on the lock (it must not finish meanwhile).
      for (let i = 0; i < 500 && !settled && !(await waiting()); i++)
        await new Promise((r) => setTimeout(r, 10));
      expect(settled).toBe(false);
      expect(await waiting()).toBe(true);
      await holder.query('COMMIT');
      expect((await push).statusCode).toBe(200);
    } finally {
      await holder.end();
    }
  });

  it('[MD3][MD6] concurrent edits of different fields of one record on two instances all survive (merge under the lock)', async () => {
    const [a, b] = await twoInstances();
    const device = await a.enroll();
    const product = await pulledOne(a, device, 'products', BOTOX);
    const changes = [
      { name: 'Botox 100 U (new label)' },
      { manufacturer: 'AbbVie' },
      { supplier: 'McKesson' },
      { minStockMilli: 500_000 },
      { patientPricePerUnitCents: 1500 },
      { beyondUseHours: 48 },
      { containersPerPack: 2 },
      { gtins: ['00099000000011', '10099000000018'] },
    ];
    const results = await Promise.all(
      changes.map(async (c, i) =>
        pushRecords(i % 2 === 0 ? a : b, device, [
          // A price change is privileged: it travels with the manager's proof ([A5]).
          'patientPricePerUnitCents' in c
            ? await withApproval(edited(product, c, clock(i + 1, `tablet-${i}`), STAFF.manager))
            : edited(product, c, clock(i + 1, `tablet-${i}`), STAFF.manager),
        ]),
      ),
    );
    expect(results.map((r) => r.statusCode)).toEqual(changes.map(() => 200));
    const merged = await pulledOne(b, device, 'products', BOTOX);
    expect(merged.data).toEqual(Object.assign({}, product.data, ...changes));
    const [row] = await a.store.driver.query<{ supplier: string; containers_per_pack: number }>(
      'SELECT supplier, containers_per_pack FROM products WHERE id = $1',
      [BOTOX],
    );
    expect(row).toEqual({ supplier: 'McKesson', containers_per_pack: 2 });
  });

  it('[MD4] the same new lot pushed at once through two instances is one record and one typed lot', async () => {
    const [a, b] = await twoInstances();
    const [d1, d2] = [await a.enroll(), await b.enroll()];
    const id = lotIdFor(ORG, BOTOX, 'RACE1');
    const [r1, r2] = await Promise.all([
      pushRecords(a, d1, [
        created('lots', id, lotData({ lotNumber: 'RACE1' }), clock(1, 'tablet-a'), STAFF.injector),
      ]),
      pushRecords(b, d2, [
        created('lots', id, lotData({ lotNumber: 'RACE1' }), clock(1, 'tablet-b'), STAFF.frontDesk),
      ]),
    ]);
    expect([r1.statusCode, r2.statusCode]).toEqual([200, 200]);
    expect((await pullKind(a, d1, 'lots')).filter((r) => r.id === id)).toHaveLength(1);
    expect(
      await a.store.driver.query('SELECT id::text AS id FROM lots WHERE lot_number = $1', ['RACE1']),
    ).toEqual([{ id }]);
  });

  it('[MD7][S7] a records push on instance A reaches an SSE client of instance B (LISTEN/NOTIFY)', async () => {
    const [a, b] = await twoInstances();
    const device = await a.enroll();
    const sse = await openSse(
      await b.app.listen({ port: 0, host: '127.0.0.1' }),
      deviceHeaders(device.token),
    );
    expect(await sse.waitFor(() => true)).toBe('RESYNC');
    const visit = created('visits', newId(), visitData(), clock(1), STAFF.injector);
    expect((await pushRecords(a, device, [visit])).statusCode).toBe(200);
    const { seq } = (await pullRecords(a, device, { kind: 'visits', limit: 1000 })).json<RecordsPage>()
      .checkpoint;
    expect(JSON.parse(await sse.waitFor((m) => m !== 'RESYNC'))).toEqual({
      records: { epoch: a.sync.epoch, seq },
    });
    sse.close();
  });
});
