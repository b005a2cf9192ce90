import { describe, expect, it } from 'vitest';
import { DEMO_IDS } from '../../src/domain/demo/clinic';
import { buildDemoTemplates } from '../../src/domain/demo/templates';
import { clickTestId, openApp } from './support/app';
import { useHarness } from './support/harness';
import {
  byTestId,
  demoLot,
  demoStaff,
  loadDemo,
  signIn,
  startVisit,
  stockRow,
  storedEvents,
  summaryLines,
} from './support/treat';

const injector = demoStaff('Priya Shah');
const soonest = demoLot('C8123AC4'); // Botox, expires first: the FEFO suggestion at Main St
const glabella = buildDemoTemplates().find((t) => t.name === 'Glabellar lines — toxin, 20 U')!;

describe('treatment templates at the chair', () => {
  const h = useHarness();

  it('[TT2] 1180×820: "Glabellar lines — toxin, 20 U", confirmed, draws 20 U from the FEFO lot and stock drops by 20 U', async () => {
    const { page } = await h.newPage();
    await page.setViewportSize({ width: 1180, height: 820 });
    await openApp(page, h.server.url);
    await loadDemo(page);
    await signIn(page, injector);
    // 100 U of the soonest lot were received at Main St.
    expect(await stockRow(page, soonest.lotNumber)).toContain('100 U');
    await clickTestId(page, 'nav-treat');
    await startVisit(page, { chartRef: 'CH-30303', locationId: DEMO_IDS.mainLocation, areas: [] });

    await clickTestId(page, `template-${glabella.id}`);
    // The template's area joins the visit's.
    await page.locator('[data-testid="visit-owner"]', { hasText: 'Glabella' }).waitFor();
    const pad = page.getByRole('region', { name: `Draw from lot ${soonest.lotNumber}` });
    await pad.waitFor();
    expect(await byTestId(page, 'dose-display').textContent()).toBe('20 U');
    expect(await byTestId(page, 'draw-charted').textContent()).toContain(glabella.name);
    // Pre-filled, not recorded: the injector confirms, with Record on screen ([T6]).
    expect((await storedEvents(page)).filter((e) => e.type === 'draw')).toEqual([]);
    const record = byTestId(page, 'record-draw');
    expect(await record.isVisible()).toBe(true);
    const box = await record.boundingBox();
    expect(box && box.y + box.height <= 820).toBe(true);
    await record.click();

    await page.waitForFunction(() => document.querySelectorAll('[data-testid="summary-line"]').length === 1);
    const [line] = await summaryLines(page);
    expect(line).toContain(soonest.lotNumber);
    expect(line).toContain('20 U');
    const draws = (await storedEvents(page)).filter((e) => e.type === 'draw');
    expect(draws).toMatchObject([
      { lotId: soonest.id, quantityMilli: -20_000, payload: { chartedMilli: 20_000 } },
    ]);
    expect(await stockRow(page, soonest.lotNumber)).toContain('80 U');
  });
});
