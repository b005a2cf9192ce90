/** Pull and stream (SPEC [S5]-[S7], [S9], [S2]) on every backend. */
import { afterEach, describe, expect, it } from 'vitest';
import type { LedgerEvent } from '../../src/domain/model';
import type { StoreBackend } from './backends';
import { openSse } from './sse-client';
import { deviceHeaders, MAIN, ORG, OTHER, serverEvent, startHarness } from './sync-harness';
import type { Device, Harness } from './sync-harness';

interface PullBody {
  documents: (LedgerEvent & { seq: number })[];
  checkpoint: { epoch: string; seq: number };
  serverTime: string;
}

async function pullAll(h: Harness, device: Device, limit: number, from = { epoch: '', seq: 0 }) {
  const pages: PullBody[] = [];
  let checkpoint = from;
  for (;;) {
    const page = (await h.pull(device, { ...checkpoint, limit })).json<PullBody>();
    pages.push(page);
    if (page.documents.length === 0) return { pages, checkpoint: page.checkpoint };
    checkpoint = page.checkpoint;
  }
}

export function defineSyncPullContract(backend: StoreBackend): void {
  describe(`sync pull and stream (${backend.kind})`, () => {
    const harnesses: Harness[] = [];
    afterEach(async () => {
      await Promise.all(harnesses.splice(0).map((h) => h.close()));
    });
    async function harness(opts: Parameters<typeof startHarness>[1] = {}): Promise<Harness> {
      const h = await startHarness(await backend.createDatabase(), opts);
      harnesses.push(h);
      return h;
    }

    it('[S6][S9][S10] pages in sequence order with a checkpoint, each pulled event equal to the pushed one, and returns the server time', async () => {
      const h = await harness({ now: () => new Date('2025-06-15T10:00:00Z') });
      const device = await h.enroll();
      const pushed = [serverEvent(), serverEvent(), serverEvent()];
      await h.push(device, pushed);
      const { pages, checkpoint } = await pullAll(h, device, 4);
      const docs = pages.flatMap((p) => p.documents);
      expect(pages.map((p) => p.documents.length)).toEqual([4, 4, 4, 1, 0]);
      expect(docs.map((d) => d.seq)).toEqual([...docs.map((d) => d.seq)].sort((a, b) => a - b));
      expect(docs.slice(-3)).toEqual(pushed.map((e) => ({ ...e, seq: expect.any(Number) })));
      expect(checkpoint).toEqual({ epoch: h.sync.epoch, seq: docs.at(-1)?.seq });
      expect(pages[0]?.serverTime).toBe('2025-06-15T10:00:00.000Z');
      // Resuming from the checkpoint returns only what came after it.
      const later = serverEvent();
      await h.push(device, [later]);
      const next = (await h.pull(device, checkpoint)).json<PullBody>();
      expect(next.documents.map((d) => d.id)).toEqual([later.id]);
    });

    it('[S5][S6] a checkpoint of another epoch, or beyond anything stored, restarts from 0', async () => {
      const h = await harness();
      const device = await h.enroll();
      const all = (await h.pull(device, { limit: 1000 })).json<PullBody>();
      expect(all.documents).toHaveLength(10);
      const foreign = (
        await h.pull(device, { epoch: OTHER.org, seq: all.checkpoint.seq, limit: 1000 })
      ).json<PullBody>();
      expect(foreign.documents.map((d) => d.id)).toEqual(all.documents.map((d) => d.id));
      expect(foreign.checkpoint.epoch).toBe(h.sync.epoch);
      const restored = (
        await h.pull(device, { epoch: h.sync.epoch, seq: 1_000_000, limit: 1000 })
      ).json<PullBody>();
      expect(restored.documents).toHaveLength(10);
    });

    it('[S6] limit above 1000, negative or non-numeric seq, unknown parameters → 400 naming the field', async () => {
      const h = await harness();
      const device = await h.enroll();
      for (const [query, field] of [
        [{ limit: 1001 }, 'limit'],
        [{ seq: -1 }, 'seq'],
        [{ seq: 'x' }, 'seq'],
        [{ since: 3 }, 'since'],
      ] as const) {
        const res = await h.pull(device, query);
        expect(res.statusCode, field).toBe(400);
        expect(res.json()).toMatchObject({ error: 'invalid', field });
      }
    });

    it('[S2] a device pulls only its own organization', async () => {
      const h = await harness();
      const demo = await h.enroll();
      const other = await h.enroll(OTHER.location);
      const theirs = serverEvent({
        orgId: OTHER.org,
        actorId: OTHER.manager,
        lotId: OTHER.lot,
        locationId: OTHER.location,
      });
      expect((await h.push(other, [theirs])).statusCode).toBe(200);
      const demoIds = (await pullAll(h, demo, 1000)).pages.flatMap((p) => p.documents);
      expect(demoIds.every((d) => d.orgId === ORG)).toBe(true);
      expect(demoIds.map((d) => d.id)).not.toContain(theirs.id);
      const otherDocs = (await pullAll(h, other, 1000)).pages.flatMap((p) => p.documents);
      expect(otherDocs.map((d) => d.id)).toEqual([theirs.id]);
      // Pushing the other org's id again from the demo org reveals nothing: a conflict, not its content.
      const copy = { ...theirs, orgId: ORG, locationId: MAIN, actorId: serverEvent().actorId };
      expect((await h.push(demo, [copy])).json()).toEqual({
        accepted: [],
        duplicates: [],
        conflicts: [{ id: theirs.id, reason: expect.any(String) }],
      });
    });

    it('[S7] the stream sends RESYNC, then { epoch, seq } when the organization advances; not for other orgs', async () => {
      const h = await harness({ heartbeatMs: 50 });
      const demo = await h.enroll();
      const other = await h.enroll(OTHER.location);
      const url = await h.app.listen({ port: 0, host: '127.0.0.1' });
      const sse = await openSse(url, deviceHeaders(demo.token));
      expect(sse.status).toBe(200);
      expect(sse.contentType).toMatch(/^text\/event-stream/);
      expect(await sse.waitFor(() => true)).toBe('RESYNC');
      await h.push(other, [
        serverEvent({ orgId: OTHER.org, actorId: OTHER.manager, locationId: OTHER.location }),
      ]);
      await h.push(demo, [serverEvent()]);
      const seq = (await h.pull(demo, { limit: 1000 })).json<PullBody>().checkpoint.seq;
      const message = await sse.waitFor((m) => m !== 'RESYNC');
      expect(JSON.parse(message)).toEqual({ epoch: h.sync.epoch, seq });
      expect(sse.messages).toEqual(['RESYNC', message]);
      // Token by query string (EventSource cannot set headers); closing the app ends the stream.
      const byQuery = await openSse(url, {}, `/api/v1/events/stream?access_token=${demo.token}&protocol=1`);
      expect(await byQuery.waitFor(() => true)).toBe('RESYNC');
      await h.app.close();
      await Promise.all([sse.ended, byQuery.ended]);
    });
  });
}
