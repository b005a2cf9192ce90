import { afterEach, describe, expect, it } from 'vitest';
import type { ChairsideDatabase } from '../db/collections';
import { openTestDatabase } from '../db/testing';
import type { Checkpoint, PullPage, Rejection } from '../domain/sync/wire';
import { SyncError } from './api';
import type { Channel, SyncObserver } from './channel';
import { StoredCheckpoint } from './checkpoints';
import { pullUntilCaughtUp, pushWithRefusals } from './replication';

interface Doc {
  id: string;
}

const open: ChairsideDatabase[] = [];
afterEach(async () => Promise.all(open.splice(0).map((db) => db.close())));

async function database(): Promise<ChairsideDatabase> {
  const { db } = await openTestDatabase();
  open.push(db);
  return db;
}

const at = (seq: number): Checkpoint => ({ epoch: 'E', seq });
const page = (from: number, count: number): PullPage<number> => ({
  documents: Array.from({ length: count }, (_, i) => from + i + 1),
  checkpoint: at(from + count),
  serverTime: '2026-12-01T10:00:00.000Z',
});

/** A channel over a server holding items 1…`held`, two per page; it records what it was asked. */
function fakeChannel(held: number, refuse: (docs: Doc[]) => SyncError | null = () => null) {
  const asked: (Checkpoint | null)[] = [];
  const stored: number[][] = [];
  const pushed: string[][] = [];
  const refused: Rejection[] = [];
  const channel: Channel<Doc, number> = {
    name: 'fake',
    collection: null as never,
    checkpointKey: 'fakeCheckpoint',
    pullPageSize: 2,
    pushBatchSize: 10,
    pullPage: async (checkpoint) => {
      asked.push(checkpoint);
      const from = checkpoint?.seq ?? 0;
      return page(from, Math.max(0, Math.min(2, held - from)));
    },
    storePage: async (items) => {
      stored.push(items);
    },
    shouldPush: () => true,
    pushBatch: async (docs) => {
      pushed.push(docs.map((d) => d.id));
      const error = refuse(docs);
      if (error) throw error;
    },
    readRefusals: (error) => (error.body as { rejected?: Rejection[] } | null)?.rejected ?? [],
    markRefused: async (rejections) => {
      refused.push(...rejections);
      return { repull: true };
    },
  };
  return { channel, asked, stored, pushed, refused };
}

const quiet: SyncObserver = { onPulled: () => undefined, onError: () => undefined };
const options = { writeContext: 'test', stopped: () => false };

describe('the replication runner', () => {
  it('[S19] pages from the stored checkpoint until a short page, storing each checkpoint after its page', async () => {
    const db = await database();
    const { channel, asked, stored } = fakeChannel(5);
    const checkpoint = new StoredCheckpoint(db, channel.checkpointKey);
    const counts: number[] = [];
    const observer = { ...quiet, onPulled: (info: { count: number }) => counts.push(info.count) };

    expect(await pullUntilCaughtUp(channel, checkpoint, observer, () => 0, options)).toBe('caught_up');
    expect(stored).toEqual([[1, 2], [3, 4], [5]]);
    expect(asked).toEqual([null, at(2), at(4)]);
    expect(counts).toEqual([2, 2, 1]);
    expect(await checkpoint.read()).toEqual(at(5));

    // The next pull resumes where the last one stopped.
    expect(await pullUntilCaughtUp(channel, checkpoint, quiet, () => 0, options)).toBe('caught_up');
    expect(asked.at(-1)).toEqual(at(5));
  });

  it('[S21] a restart during a pull wins over the checkpoint that pull would store', async () => {
    const db = await database();
    const { channel } = fakeChannel(3);
    const checkpoint = new StoredCheckpoint(db, channel.checkpointKey);
    const storePage = channel.storePage;
    channel.storePage = async (items, context) => {
      await storePage(items, context);
      await checkpoint.restart();
    };
    expect(await pullUntilCaughtUp(channel, checkpoint, quiet, () => 0, options)).toBe('restarted');
    expect(await checkpoint.read()).toBeNull();
  });

  it('stores nothing once the sync is stopped', async () => {
    const db = await database();
    const { channel, stored } = fakeChannel(4);
    const checkpoint = new StoredCheckpoint(db, channel.checkpointKey);
    const result = await pullUntilCaughtUp(channel, checkpoint, quiet, () => 0, {
      writeContext: 'test',
      stopped: () => true,
    });
    expect(result).toBe('stopped');
    expect(stored).toEqual([]);
    expect(await checkpoint.read()).toBeNull();
  });

  it('[S15][MD5] hands refused items to the channel and re-sends the rest', async () => {
    const refusal = new SyncError('forbidden', 'refused', 403, {
      error: 'forbidden',
      rejected: [{ id: 'b', reason: 'not allowed' }],
    });
    const { channel, pushed, refused } = fakeChannel(0, (docs) =>
      docs.some((d) => d.id === 'b') ? refusal : null,
    );
    expect(await pushWithRefusals(channel, [{ id: 'a' }, { id: 'b' }, { id: 'c' }])).toEqual({
      repull: true,
    });
    expect(pushed).toEqual([
      ['a', 'b', 'c'],
      ['a', 'c'],
    ]);
    expect(refused).toEqual([{ id: 'b', reason: 'not allowed' }]);
  });

  it('[S35] asks for a pull from the start when the channel says the answer needs one', async () => {
    const { channel } = fakeChannel(0);
    expect(await pushWithRefusals(channel, [{ id: 'a' }])).toEqual({ repull: false });
    const repulling = { ...channel, pushBatch: async () => ({ repull: true }) };
    expect(await pushWithRefusals(repulling, [{ id: 'a' }])).toEqual({ repull: true });
  });

  it('throws a failure that blames no item (offline, 401, a proxy 503), so RxDB retries the batch', async () => {
    const offline = new SyncError('offline', 'Cannot reach the sync server');
    const revoked = new SyncError('unauthorized', 'revoked', 401, { error: 'unauthorized' });
    const proxy = new SyncError('server', 'Sync server error 503', 503, null);
    for (const error of [offline, revoked, proxy]) {
      const { channel, refused } = fakeChannel(0, () => error);
      await expect(pushWithRefusals(channel, [{ id: 'a' }, { id: 'b' }])).rejects.toBe(error);
      expect(refused).toEqual([]);
    }
  });

  it('[S26] a 400 naming nothing is narrowed down by halving the batch; the item alone is flagged', async () => {
    const unnamed = new SyncError('bad_request', 'bad', 400, { error: 'invalid', message: 'unreadable' });
    const { channel, pushed, refused } = fakeChannel(0, (docs) =>
      docs.some((d) => d.id === 'c') ? unnamed : null,
    );
    await pushWithRefusals(channel, [{ id: 'a' }, { id: 'b' }, { id: 'c' }, { id: 'd' }]);
    expect(pushed).toEqual([['a', 'b', 'c', 'd'], ['a', 'b'], ['c', 'd'], ['c'], ['d']]);
    expect(refused).toEqual([{ id: 'c', reason: 'unreadable' }]);
  });
});
