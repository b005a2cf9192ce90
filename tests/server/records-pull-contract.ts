/** Master-data pull, stream and seed (SPEC [MD1], [MD7], [S5], [S6], [S7], [S13]) on every backend. */
import { describe, expect, it } from 'vitest';
import { buildDemoClinic } from '../../src/domain/demo/clinic';
import { buildDemoTemplates } from '../../src/domain/demo/templates';
import { checkRecordData, isRecordKind, parseHlc, RECORD_KINDS } from '../../src/domain/replica';
import type { StoreBackend } from './backends';
import {
  clock,
  created,
  edited,
  harnessPerTest,
  newId,
  NOW,
  pulledOne,
  pullKind,
  pullRecords,
  pushRecords,
  withApproval,
  productData,
} from './records-fixtures';
import type { PulledRecord, RecordsPage } from './records-fixtures';
import { openSse } from './sse-client';
import { deviceHeaders, LOTS, OTHER, SEED_TIME, serverEvent, STAFF, TODAY } from './sync-harness';

const clinic = buildDemoClinic(TODAY);
const COUNTS = {
  locations: clinic.locations.length,
  staff: clinic.staff.length,
  products: clinic.products.length,
  lots: clinic.lots.length,
  visits: 0,
  purchase_orders: 0,
  counts: 0,
  suppliers: 0,
  supplier_prices: 0,
  treatment_templates: buildDemoTemplates().length,
};

export function defineRecordsPullContract(backend: StoreBackend): void {
  describe(`records pull and stream (${backend.kind})`, () => {
    const harness = harnessPerTest(backend);

    it('[MD7][S9] pages one kind in sequence order with a checkpoint and serverTime; a changed record takes a new seq', async () => {
      const h = await harness();
      const device = await h.enroll();
      const pages: RecordsPage[] = [];
      let checkpoint = { epoch: '', seq: 0 };
      for (;;) {
        const page = (
          await pullRecords(h, device, { kind: 'lots', ...checkpoint, limit: 3 })
        ).json<RecordsPage>();
        pages.push(page);
        if (page.documents.length === 0) break;
        checkpoint = page.checkpoint;
      }
      expect(pages.map((p) => p.documents.length)).toEqual([3, 3, 2, 0]);
      const docs = pages.flatMap((p) => p.documents);
      expect(docs.map((d) => d.id).sort()).toEqual(clinic.lots.map((l) => l.id).sort());
      expect(docs.every((d) => d.kind === 'lots')).toBe(true);
      expect(docs.map((d) => d.seq)).toEqual([...docs.map((d) => d.seq)].sort((a, b) => a - b));
      expect(checkpoint).toEqual({ epoch: h.sync.epoch, seq: docs.at(-1)?.seq });
      expect(pages[0]?.serverTime).toBe(NOW.toISOString());
      // A change moves the record behind the checkpoint: the next pull returns exactly it.
      const first = docs[0] as PulledRecord;
      await pushRecords(h, device, [
        await withApproval(edited(first, { status: 'hold' }, clock(1), STAFF.manager)),
      ]);
      const next = (await pullRecords(h, device, { kind: 'lots', ...checkpoint })).json<RecordsPage>();
      expect(next.documents.map((d) => [d.id, d.data.status])).toEqual([[first.id, 'hold']]);
      expect(next.checkpoint.seq).toBeGreaterThan(checkpoint.seq);
      // Other kinds' changes do not show up in this kind's pull.
      await pushRecords(h, device, [created('products', newId(), productData(), clock(2), STAFF.manager)]);
      const none = (await pullRecords(h, device, { kind: 'lots', ...next.checkpoint })).json<RecordsPage>();
      expect(none.documents).toEqual([]);
    });

    it('[MD7][S5][S13] a checkpoint of another epoch, or beyond anything stored, restarts from 0', async () => {
      const h = await harness();
      const device = await h.enroll();
      const all = (await pullRecords(h, device, { kind: 'staff', limit: 1000 })).json<RecordsPage>();
      expect(all.documents).toHaveLength(COUNTS.staff);
      for (const checkpoint of [
        { epoch: OTHER.org, seq: all.checkpoint.seq },
        { epoch: h.sync.epoch, seq: 1_000_000 },
      ]) {
        const page = (
          await pullRecords(h, device, { kind: 'staff', ...checkpoint, limit: 1000 })
        ).json<RecordsPage>();
        expect(page.documents.map((d) => d.id)).toEqual(all.documents.map((d) => d.id));
        expect(page.checkpoint).toEqual({ epoch: h.sync.epoch, seq: all.checkpoint.seq });
      }
    });

    it('[MD7] a missing or unknown kind, limit above 1000, a bad seq or an unknown parameter → 400 naming the field', async () => {
      const h = await harness();
      const device = await h.enroll();
      for (const [query, field] of [
        [{}, 'kind'],
        [{ kind: 'patients' }, 'kind'],
        [{ kind: 'lots', limit: 1001 }, 'limit'],
        [{ kind: 'lots', seq: -1 }, 'seq'],
        [{ kind: 'lots', since: 3 }, 'since'],
      ] as const) {
        const res = await pullRecords(h, device, query);
        expect(res.statusCode, field).toBe(400);
        expect(res.json()).toEqual({ error: 'invalid', field, recordId: null, message: expect.any(String) });
      }
    });

    it('[MD1][DB3] the demo seed writes its master data as valid records stamped by server-seed; reseeding changes nothing', async () => {
      const h = await harness();
      const device = await h.enroll();
      const pulled = Object.fromEntries(
        await Promise.all(RECORD_KINDS.map(async (kind) => [kind, await pullKind(h, device, kind)] as const)),
      );
      for (const [kind, records] of Object.entries(pulled)) {
        if (!isRecordKind(kind)) throw new Error(kind);
        expect(records, kind).toHaveLength(COUNTS[kind]);
        for (const r of records) {
          expect(checkRecordData(kind, r.data), `${kind} ${r.id}`).toBeNull();
          expect(Object.keys(r.clocks).sort()).toEqual(Object.keys(r.data).sort());
          for (const c of Object.values(r.clocks))
            expect(parseHlc(c)).toMatchObject({ ms: SEED_TIME.getTime(), node: 'server-seed' });
        }
      }
      const priya = pulled.staff?.find((s) => s.id === STAFF.injector);
      expect(priya?.data).toEqual({
        orgId: clinic.organization.id,
        name: 'Priya Shah, RN',
        role: 'injector',
        locationIds: [clinic.locations[0]?.id],
        pinHash: 'hash-1357',
      });
      const lot = Object.entries(clinic.lots[0] ?? {}).filter(([field]) => field !== 'id');
      expect((await pulledOne(h, device, 'lots', LOTS[0] ?? '')).data).toEqual(Object.fromEntries(lot));
      // Another day, other hashes: the records (and their clocks and seqs) stay as first seeded.
      const hashes = Object.fromEntries(clinic.staff.map((s) => [s.id, 'other-hash']));
      await h.store.seedDemoClinic(buildDemoClinic('2030-01-01'), hashes, new Date('2030-01-01T00:00:00Z'));
      for (const kind of RECORD_KINDS) expect(await pullKind(h, device, kind), kind).toEqual(pulled[kind]);
    });

    it('[MD7][S7] the stream sends { records: { epoch, seq } } when master data advances; event messages keep their shape', async () => {
      const h = await harness({ heartbeatMs: 50 });
      const demo = await h.enroll();
      const other = await h.enroll(OTHER.location);
      const url = await h.app.listen({ port: 0, host: '127.0.0.1' });
      const sse = await openSse(url, deviceHeaders(demo.token));
      expect(await sse.waitFor(() => true)).toBe('RESYNC');
      const theirs = created('products', newId(), productData({ orgId: OTHER.org }), clock(1), OTHER.manager);
      expect((await pushRecords(h, other, [theirs])).statusCode).toBe(200);
      const location = created('products', newId(), productData(), clock(1), STAFF.manager);
      expect((await pushRecords(h, demo, [location])).statusCode).toBe(200);
      const { seq } = (await pullRecords(h, demo, { kind: 'products', limit: 1000 })).json<RecordsPage>()
        .checkpoint;
      const message = await sse.waitFor((m) => m !== 'RESYNC');
      expect(JSON.parse(message)).toEqual({ records: { epoch: h.sync.epoch, seq } });
      // Unchanged records notify nobody; events still arrive as { epoch, seq }.
      await pushRecords(h, demo, [location]);
      await h.push(demo, [serverEvent()]);
      const eventSeq = (await h.pull(demo, { limit: 1000 })).json<{ checkpoint: { seq: number } }>()
        .checkpoint.seq;
      const eventMessage = await sse.waitFor((m) => m !== 'RESYNC' && m !== message);
      expect(eventMessage).toBe(JSON.stringify({ epoch: h.sync.epoch, seq: eventSeq }));
      expect(sse.messages).toEqual(['RESYNC', message, eventMessage]);
      sse.close();
    });
  });
}
