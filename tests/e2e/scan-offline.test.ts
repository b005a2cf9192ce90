// SPEC [SC11]: the scanner needs no network. After one online visit the service worker holds the
// scanner's chunk, its decoder worker and zxing-wasm's .wasm; with the network cut, the fake
// camera's GS1 DataMatrix still decodes and the visit goes straight to the FEFO-suggested lot.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_IDS } from '../../src/domain/demo/clinic';
import { clickTestId, openApp, waitForServiceWorker } from './support/app';
import { ai17, codeFrame, symbol } from './support/barcodes';
import { grantCamera, launchChromium } from './support/chromium';
import { goOffline } from './support/network';
import { startServer, type RunningServer } from './support/server';
import { byTestId, demoLot, demoProduct, demoStaff, loadDemo, signIn, startVisit } from './support/treat';
import { writeY4m } from './support/y4m';

const TIMEOUT = 30_000;

describe('scanning offline', () => {
  const dir = mkdtempSync(join(tmpdir(), 'chairside-scan-offline-'));
  let server: RunningServer;
  let browser: Browser | undefined;

  beforeAll(async () => {
    server = await startServer();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  it('[SC11][SC1][T2] with the network off, the camera scan decodes and picks the FEFO lot', async () => {
    const botox = demoProduct('Botox');
    const lot = demoLot('C8123AC4');
    const video = join(dir, 'datamatrix.y4m');
    const dm = symbol('gs1datamatrix', `(01)${botox.gtins[0]}(17)${ai17(lot.expiry)}(10)${lot.lotNumber}`);
    writeY4m(video, {
      width: 640,
      height: 480,
      fps: 15,
      frames: [codeFrame(dm, { width: 640, height: 480, modulePx: 8 })],
    });
    browser = await launchChromium({ fakeVideoPath: video });
    const context = await browser.newContext();
    await grantCamera(context, server.url);
    const page = await context.newPage();
    await openApp(page, server.url);
    await waitForServiceWorker(page);
    await loadDemo(page);
    await signIn(page, demoStaff('Priya Shah'));
    await startVisit(page, {
      chartRef: 'CH-OFFLINE',
      locationId: DEMO_IDS.mainLocation,
      areas: ['Glabella'],
    });

    await goOffline(context, server);
    expect(await page.evaluate(() => navigator.onLine)).toBe(false);
    // Everything the scanner loads now (chunk, worker, .wasm) must come from the service worker.
    const failed: string[] = [];
    page.on('requestfailed', (request) => failed.push(request.url()));
    await clickTestId(page, 'open-scanner');
    await page.waitForFunction(
      (t) => document.querySelector('[data-testid="scan-result"]')?.textContent?.includes(t) === true,
      `Lot ${lot.lotNumber} · Expiry ${lot.expiry}`,
      { timeout: TIMEOUT },
    );
    await byTestId(page, 'dose-display').waitFor({ timeout: TIMEOUT });
    expect(failed).toEqual([]);
  });
});
