/**
 * SPEC [TR4]: a transfer between two tablets enrolled at two locations, through the real server —
 * Main St's tablet sends, Harbor's receives (40 U short, with a reason); both end with the right
 * stock, and with the same transfer, without anything in transit.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_IDS } from '../../src/domain/demo/clinic';
import type { Transfer } from '../../src/domain/transfers';
import { pgliteBackend } from '../server/backends';
import { LOTS, MAIN, STAFF, startHarness, type Harness } from '../server/sync-harness';
import { eventually } from './eventually';
import { startTablet, type RemoteTablet } from './remote-tablet';

const HARBOR = DEMO_IDS.satelliteLocation;
const backend = pgliteBackend();
beforeAll(() => backend.assertReady());
afterAll(() => backend.cleanup());

describe('a transfer between two tablets at two locations', () => {
  let server: Harness;
  let baseUrl = '';
  const tablets: RemoteTablet[] = [];
  beforeAll(async () => {
    server = await startHarness(await backend.createDatabase());
    baseUrl = await server.app.listen({ port: 0, host: '127.0.0.1' });
  });
  afterAll(async () => {
    await Promise.all(tablets.map((t) => t.terminate()));
    await server.close();
  });

  it('[TR1][TR3][TR4] Main St sends 100 U, Harbor receives 60 U with a reason; stock and transfer agree everywhere', async () => {
    const [main, harbor] = [await startTablet('main'), await startTablet('harbor')];
    tablets.push(main, harbor);
    await main.call('connect', baseUrl, (await server.enroll()).token);
    await harbor.call('connect', baseUrl, (await server.enroll(HARBOR)).token);
    const lot = LOTS[0] ?? '';
    const at = (t: RemoteTablet, location: string) => t.call<number>('onHand', lot, location);
    const [mainBefore, harborBefore] = [await at(main, MAIN), await at(main, HARBOR)];
    expect(mainBefore).toBeGreaterThanOrEqual(100_000);

    const sent = await main.call<{ ok: boolean }>(
      'sendTransfer',
      'transfer-1',
      MAIN,
      HARBOR,
      [{ lotId: lot, quantityMilli: 100_000 }],
      STAFF.manager,
    );
    expect(sent.ok).toBe(true);
    expect(await at(main, MAIN)).toBe(mainBefore - 100_000);
    await eventually('Harbor sees the transfer in transit', async () => {
      const list = await harbor.call<Transfer[]>('transfers');
      return list.some((t) => t.transferId === 'transfer-1' && t.status === 'in_transit');
    });
    // In transit: left Main St, not yet at Harbor.
    expect(await at(harbor, MAIN)).toBe(mainBefore - 100_000);
    expect(await at(harbor, HARBOR)).toBe(harborBefore);

    const received = await harbor.call<{ ok: boolean }>(
      'receiveTransfer',
      'transfer-1',
      [[lot, 60_000]],
      '40 U spilled in transport',
      STAFF.manager,
    );
    expect(received.ok).toBe(true);
    await eventually(
      'Main St sees it received',
      async () => (await at(main, HARBOR)) === harborBefore + 60_000,
    );
    for (const t of [main, harbor]) {
      expect(await at(t, MAIN)).toBe(mainBefore - 100_000);
      expect(await at(t, HARBOR)).toBe(harborBefore + 60_000);
      const [transfer] = await t.call<Transfer[]>('transfers');
      expect(transfer).toMatchObject({
        transferId: 'transfer-1',
        status: 'received_with_difference',
        reason: '40 U spilled in transport',
        lines: [{ lotId: lot, sentMilli: 100_000, receivedMilli: 60_000 }],
      });
      expect(await t.call<string[]>('diff')).toEqual([]);
      expect(await t.call<unknown[]>('marks', 'rejected')).toEqual([]);
    }
  });
});
