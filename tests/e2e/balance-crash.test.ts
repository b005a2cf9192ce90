import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_IDS } from '../../src/domain/demo/clinic';
import { clickTestId, openApp, waitForText } from './support/app';
import { storedDocs } from './support/devices';
import { launchKillable, type KillableChromium } from './support/killable';
import { startServer, type RunningServer } from './support/server';
import {
  chooseProduct,
  demoLot,
  demoProduct,
  demoStaff,
  loadDemo,
  recordDose,
  signIn,
  startVisit,
  stockRow,
} from './support/treat';

const injector = demoStaff('Priya Shah');
const botox = demoProduct('Botox');
const soonest = demoLot('C8123AC4');

describe('a browser killed right after a draw', () => {
  let server: RunningServer;
  let chromium: KillableChromium | undefined;
  const profile = mkdtempSync(join(tmpdir(), 'chairside-crash-'));

  beforeAll(async () => {
    server = await startServer();
  });
  afterAll(async () => {
    await chromium?.kill();
    await server.stop();
    rmSync(profile, { recursive: true, force: true });
  });

  it('[L11] SIGKILL after the event is stored and before its balance is: the relaunched app shows the draw', async () => {
    chromium = await launchKillable(profile);
    const page = await chromium.context.newPage();
    await openApp(page, server.url);
    await loadDemo(page);
    await signIn(page, injector);
    await startVisit(page, { chartRef: 'CH-31337', locationId: DEMO_IDS.mainLocation, areas: ['Glabella'] });
    await chooseProduct(page, botox);
    await clickTestId(page, 'accept-fefo');
    await clickTestId(page, 'dose-chip-40');
    await recordDose(page, '40');
    await waitForText(page, 'visit-cogs', '$260.00');
    // The snapshot still says 100 U: the process dies between the event write and the balance write.
    const key = `${soonest.id}|${DEMO_IDS.mainLocation}`;
    const snapshot = await storedDocs<{ key: string; onHandMilli: number }>(page, 'balances', 1);
    expect(snapshot.find((d) => d.key === key)?.onHandMilli ?? 100_000).toBe(100_000);
    await chromium.kill();

    chromium = await launchKillable(profile);
    const again = await chromium.context.newPage();
    await openApp(again, server.url);
    await signIn(again, injector);
    expect(await stockRow(again, soonest.lotNumber)).toContain('60 U');
  });
});
