/**
 * The first run and what each role is offered, as a person sees it on a tablet in landscape
 * (1180×820) and portrait (820×1180): the first screen's two ways in, front desk's screens, and the
 * clinic's chart-number pattern on Start visit.
 */
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { DEMO_IDS } from '../../src/domain/demo/clinic';
import { clickTestId, openApp } from './support/app';
import { useHarness } from './support/harness';
import { byTestId, demo, demoStaff, loadDemo, signIn } from './support/treat';

const VIEWPORTS = [
  { width: 1180, height: 820 },
  { width: 820, height: 1180 },
] as const;

/** The element is on screen without scrolling: inside the viewport, not hidden. */
async function inView(page: Page, testId: string): Promise<boolean> {
  const box = await byTestId(page, testId).first().boundingBox();
  const viewport = page.viewportSize();
  if (!box || !viewport) return false;
  return (
    box.y >= 0 && box.x >= 0 && box.y + box.height <= viewport.height && box.x + box.width <= viewport.width
  );
}

const navIds = async (page: Page) =>
  await page.locator('[data-testid^="nav-"]').evaluateAll((links) => links.map((l) => l.dataset.testid));

describe.each(VIEWPORTS)('first run and roles at $width×$height', (viewport) => {
  const h = useHarness({ server: { demo: true } });

  async function tablet(): Promise<Page> {
    const { page } = await h.newPage();
    await page.setViewportSize(viewport);
    await openApp(page, h.server.url);
    return page;
  }

  it('[PWA6][R4][S23] a fresh tablet’s first screen shows both ways in, in view, with the demo PINs; the demo code connects it', async () => {
    const page = await tablet();
    await byTestId(page, 'first-run').waitFor();
    for (const id of ['enroll-code', 'enroll-submit', 'demo-pins', 'load-demo', 'demo-enroll-code'])
      expect(await inView(page, id), id).toBe(true);
    const pins = (await byTestId(page, 'demo-pins').textContent()) ?? '';
    for (const person of demo.staff) {
      expect(pins).toContain(person.name);
      expect(pins).toContain(person.demoPin);
    }
    expect(await page.getByText('No staff on this tablet yet').count()).toBe(1);

    // This browser runs on the demo server's machine: one tap fills in a code, Connect uses it.
    await clickTestId(page, 'demo-enroll-code');
    await expect.poll(() => byTestId(page, 'enroll-code').inputValue()).toMatch(/^[0-9A-Z]{5}-[0-9A-Z]{5}$/);
    await clickTestId(page, 'enroll-submit');
    // The server's staff arrive by sync, and the first run gives way to the sign-in tiles.
    await byTestId(page, 'sign-in').waitFor({ timeout: 30_000 });
    await byTestId(page, `staff-${demoStaff('Sam Rivera').id}`).waitFor({ timeout: 30_000 });
  });

  it('[R2][R3][R4] front desk sees Receive, Count and Stock instead of Treat, and no Load demo or Connect', async () => {
    const page = await tablet();
    await loadDemo(page);
    await signIn(page, demoStaff('Sam Rivera'));
    const blocked = byTestId(page, 'role-blocked');
    await blocked.waitFor();
    expect(await blocked.textContent()).toContain('Treat is for injectors, managers and admins');
    expect(await page.getByText('Not available for your role').count()).toBe(0);
    for (const id of ['role-next-receive', 'role-next-count', 'role-next-stock'])
      expect(await inView(page, id), id).toBe(true);
    expect(await navIds(page)).toEqual([
      'nav-receive',
      'nav-count',
      'nav-stock',
      'nav-catalog',
      'nav-settings',
    ]);
    await clickTestId(page, 'role-next-stock');
    await byTestId(page, 'screen-stock').waitFor();

    await clickTestId(page, 'nav-settings');
    await byTestId(page, 'setup-locked').waitFor();
    expect(await byTestId(page, 'load-demo').count()).toBe(0);
    expect(await byTestId(page, 'enroll-submit').count()).toBe(0);
    expect(await byTestId(page, 'chart-pattern-card').count()).toBe(0);
  });

  it('[T8][T4] after a manager sets the chart pattern, Start visit warns about a reference that does not fit, or blocks it when required', async () => {
    const page = await tablet();
    await loadDemo(page);
    await signIn(page, demoStaff('Casey Kim'));
    await clickTestId(page, 'nav-settings');
    await byTestId(page, 'chart-pattern').fill('CH-#####');
    await expect
      .poll(() => byTestId(page, 'chart-pattern-check').textContent())
      .toBe('Accepts e.g. CH-10482.');
    await clickTestId(page, 'chart-pattern-save');
    await byTestId(page, 'chart-pattern-note').waitFor();

    await clickTestId(page, 'nav-treat');
    await byTestId(page, 'visit-chart-ref').fill('CH-1048');
    const warning = byTestId(page, 'chart-ref-warning');
    await warning.waitFor();
    expect(await warning.textContent()).toContain('CH-1048 does not look like this clinic’s chart numbers');
    expect(await inView(page, 'chart-ref-warning')).toBe(true);
    expect(await inView(page, 'start-visit')).toBe(true);
    expect(await byTestId(page, 'start-visit').isEnabled()).toBe(true);

    await clickTestId(page, 'nav-settings');
    await clickTestId(page, 'chart-pattern-require');
    await clickTestId(page, 'chart-pattern-save');
    await byTestId(page, 'chart-pattern-note').waitFor();
    await clickTestId(page, 'nav-treat');
    await byTestId(page, 'visit-chart-ref').fill('CH-1048');
    await byTestId(page, 'chart-ref-error').waitFor();
    expect(await byTestId(page, 'start-visit').isDisabled()).toBe(true);
    expect(await byTestId(page, 'start-visit-reason').textContent()).toContain('CH-#####');
    await byTestId(page, 'visit-chart-ref').fill('CH-10482');
    await byTestId(page, 'visit-location').selectOption(DEMO_IDS.mainLocation);
    await clickTestId(page, 'start-visit');
    await byTestId(page, 'visit-header').waitFor();
  });
});
