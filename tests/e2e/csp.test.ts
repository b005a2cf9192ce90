// The built PWA under the server's real security headers (SPEC [SEC4]): it boots, its service
// worker installs, and the scanner's worker compiles zxing-wasm and decodes a DataMatrix from the
// fake camera, with no Content-Security-Policy violation reported by the page or the console.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_IDS } from '../../src/domain/demo/clinic';
import { clickTestId, openApp, waitForServiceWorker } from './support/app';
import { ai17, codeFrame, symbol } from './support/barcodes';
import { grantCamera, launchChromium } from './support/chromium';
import { startServer } from './support/server';
import type { RunningServer } from './support/server';
import { byTestId, demoLot, demoProduct, demoStaff, loadDemo, signIn, startVisit } from './support/treat';
import { writeY4m } from './support/y4m';

const W = 640;
const H = 480;
const TIMEOUT = 30_000;

/** Collects every CSP violation the document sees, from before the app's first script runs. */
function recordViolations(): void {
  const seen: string[] = [];
  (window as unknown as { __csp: string[] }).__csp = seen;
  document.addEventListener('securitypolicyviolation', (e) =>
    seen.push(
      `${e.violatedDirective} blocked ${e.blockedURI || '(inline)'} in ${e.sourceFile}:${e.lineNumber}`,
    ),
  );
}

describe('the PWA under its Content-Security-Policy', () => {
  const dir = mkdtempSync(join(tmpdir(), 'chairside-csp-'));
  let server: RunningServer;
  let browser: Browser;

  beforeAll(async () => {
    server = await startServer();
    const botox = demoProduct('Botox');
    const lot = demoLot('C8123AC4');
    const dm = symbol(
      'gs1datamatrix',
      `(01)${botox.gtins[0] ?? ''}(17)${ai17(lot.expiry)}(10)${lot.lotNumber}`,
    );
    const video = join(dir, 'dm.y4m');
    writeY4m(video, {
      width: W,
      height: H,
      fps: 15,
      frames: [codeFrame(dm, { width: W, height: H, modulePx: 8 })],
    });
    browser = await launchChromium({ fakeVideoPath: video });
  });
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  it('[SEC4] boots, installs its service worker and decodes a scan in its wasm worker with no CSP violation', async () => {
    const context = await browser.newContext();
    await grantCamera(context, server.url);
    const page = await context.newPage();
    const consoleErrors: string[] = [];
    page.on('console', (m) => {
      if (m.type() === 'error' && /Content.Security.Policy|CSP/i.test(m.text())) consoleErrors.push(m.text());
    });
    page.on('worker', (w) =>
      w.on('console', (m) => /Content.Security.Policy/i.test(m.text()) && consoleErrors.push(m.text())),
    );
    await page.addInitScript(recordViolations);

    const response = await page.goto(server.url);
    const csp = response?.headers()['content-security-policy'] ?? '';
    expect(csp).toContain("script-src 'self' 'wasm-unsafe-eval'");
    expect(csp).toContain("frame-ancestors 'none'");
    await openApp(page, server.url);
    await waitForServiceWorker(page);

    await loadDemo(page);
    await signIn(page, demoStaff('Priya Shah'));
    await startVisit(page, { chartRef: 'CH-CSP', locationId: DEMO_IDS.mainLocation, areas: ['Glabella'] });
    await clickTestId(page, 'open-scanner');
    await page.waitForFunction(
      () => document.querySelector('[data-testid="scan-result"]')?.textContent?.includes('C8123AC4') === true,
      undefined,
      { timeout: TIMEOUT },
    );
    await byTestId(page, 'dose-display').waitFor({ timeout: TIMEOUT });

    const violations = await page.evaluate(() => (window as unknown as { __csp: string[] }).__csp);
    expect(violations).toEqual([]);
    expect(consoleErrors).toEqual([]);
    await context.close();
  });
});
