/**
 * The tablet faults the sync simulation injects, each on one real tablet (worker thread): killed
 * between its own local writes ([S31]), a full disk ([S32]), a skewed clock ([S33]).
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { LedgerEvent } from '../../src/domain/model';
import { startTablet, type RemoteTablet } from './remote-tablet';

let dir = '';
const running: RemoteTablet[] = [];
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'chairside-tablet-faults-'));
});
afterEach(async () => {
  await Promise.all(running.splice(0).map((t) => t.terminate()));
});
afterAll(() => rm(dir, { recursive: true, force: true }));

async function tablet(name: string, clockOffsetMs = 0): Promise<RemoteTablet> {
  const t = await startTablet(name, undefined, undefined, {
    journal: join(dir, `${name}.jsonl`),
    clockOffsetMs,
  });
  running.push(t);
  return t;
}

describe('tablet faults', () => {
  it('[S31] a tablet killed between its own writes reopens with everything it had saved, same device id', async () => {
    const t = await tablet('crash');
    const saved = await t.call<string[]>('draw', 2);
    const before = await t.call<string[]>('eventIds');
    // The next draw saves its visit, then the worker dies before the draw's events are written.
    await t.call('crashAfterWrites', 1);
    await expect(t.call('draw', 3)).rejects.toThrow(/exited/);
    await t.exited();
    const reopened = await t.restart();
    running.push(reopened);
    expect(reopened.deviceId).toBe(t.deviceId);
    const after = await reopened.call<string[]>('eventIds');
    expect(after).toEqual(expect.arrayContaining(before));
    expect(after).toEqual(expect.arrayContaining(saved));
    // What was written is consistent: the materialized balances equal the reducer over the events.
    expect(await reopened.call('diff')).toEqual([]);
    expect(await reopened.call<string[]>('draw', 1)).toHaveLength(1);
  }, 60_000);

  it('[S32] a full disk fails the draw with QuotaExceededError and loses nothing already saved', async () => {
    const t = await tablet('full');
    const saved = await t.call<string[]>('draw', 2);
    const before = await t.call<string[]>('eventIds');
    await t.call('setDiskFull', true);
    await expect(t.call('draw', 3)).rejects.toThrow(/QuotaExceededError|quota/);
    await t.call('setDiskFull', false);
    expect(await t.call<string[]>('eventIds')).toEqual(before);
    expect(before).toEqual(expect.arrayContaining(saved));
    expect(await t.call('diff')).toEqual([]);
    expect(await t.call<string[]>('draw', 1)).toHaveLength(1);
  }, 60_000);

  it('[S33] a tablet whose clock is 3 hours ahead stamps its work with that clock', async () => {
    const t = await tablet('skew', 3 * 3_600_000);
    const [id] = await t.call<string[]>('draw', 1);
    const event = await t.call<LedgerEvent>('event', id);
    const ahead = Date.parse(event.deviceTime) - Date.now();
    expect(ahead).toBeGreaterThan(3 * 3_600_000 - 60_000);
    expect(ahead).toBeLessThan(3 * 3_600_000 + 60_000);
  }, 60_000);
});
