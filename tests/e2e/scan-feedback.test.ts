// SPEC [SC2], [SC12]: a good read beeps through an <audio> element (not WebAudio, whose first
// context blocks the main thread while the audio output starts), and the mute toggle silences it.
// Every play() is recorded by wrapping HTMLMediaElement.prototype.play before the app loads.
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { DEMO_IDS } from '../../src/domain/demo/clinic';
import { clickTestId, openApp } from './support/app';
import { ai17 } from './support/barcodes';
import { useHarness } from './support/harness';
import { byTestId, demoLot, demoProduct, demoStaff, loadDemo, signIn, startVisit } from './support/treat';

const TIMEOUT = 30_000;

/** Kept on window by the init script: one entry per play() that resolved, and AudioContexts made. */
interface Played {
  plays: string[];
  contexts: number;
}

const RECORD_PLAYS = `
  window.__played = { plays: [], contexts: 0 };
  const play = HTMLMediaElement.prototype.play;
  HTMLMediaElement.prototype.play = function () {
    const src = this.currentSrc || this.src;
    return play.call(this).then(() => { window.__played.plays.push(src); });
  };
  const Ctx = window.AudioContext;
  window.AudioContext = class extends Ctx {
    constructor(...args) { super(...args); window.__played.contexts += 1; }
  };
`;

describe('scan feedback', () => {
  const h = useHarness();

  const played = (page: Page) => page.evaluate(() => (window as unknown as { __played: Played }).__played);

  it('[SC2][SC12] a good read beeps through an audio element (no AudioContext); muted, it does not', async () => {
    const { page } = await h.newPage();
    await page.addInitScript(RECORD_PLAYS);
    await openApp(page, h.server.url);
    await loadDemo(page);
    await signIn(page, demoStaff('Priya Shah'));
    await startVisit(page, { chartRef: 'CH-BEEP', locationId: DEMO_IDS.mainLocation, areas: ['Lips'] });
    await clickTestId(page, 'open-scanner');
    // Opening plays the short silent clip that starts the audio output.
    await expect.poll(async () => (await played(page)).plays.length, { timeout: TIMEOUT }).toBe(1);

    const lot = demoLot('C8377AD2');
    const code = `(01)${demoProduct('Botox').gtins[0]}(17)${ai17(lot.expiry)}(10)${lot.lotNumber}`;
    await byTestId(page, 'scan-manual-input').fill(code);
    await clickTestId(page, 'scan-manual-submit');
    await expect.poll(async () => (await played(page)).plays.length, { timeout: TIMEOUT }).toBe(2);
    const afterRead = await played(page);
    expect(afterRead.plays.every((src) => src.startsWith('blob:'))).toBe(true);
    expect(afterRead.plays[1]).not.toBe(afterRead.plays[0]); // the beep, not the silent clip

    await clickTestId(page, 'scan-mute');
    expect(await byTestId(page, 'scan-mute').getAttribute('aria-pressed')).toBe('true');
    const before = (await page.locator('[data-testid="scan-result"]').textContent()) ?? '';
    const soonest = demoLot('C8123AC4');
    await byTestId(page, 'scan-manual-input').fill(
      `(01)${demoProduct('Botox').gtins[0]}(17)${ai17(soonest.expiry)}(10)${soonest.lotNumber}`,
    );
    await clickTestId(page, 'scan-manual-submit');
    await page.waitForFunction(
      (old) => document.querySelector('[data-testid="scan-result"]')?.textContent !== old,
      before,
      { timeout: TIMEOUT },
    );
    const final = await played(page);
    expect(final.plays.length).toBe(2);
    expect(final.contexts).toBe(0);
  });
});
