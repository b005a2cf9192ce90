// An automated accessibility check (axe-core, WCAG 2.x A and AA rules) on each screen, in the dark
// and the light theme, at tablet size (issue #10 "Tests"; docs/ui.md "Accessibility"). Serious and
// critical violations fail the test and are listed with the elements they were found on.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { DEMO_IDS } from '../../src/domain/demo/clinic';
import { buildDemoTemplates } from '../../src/domain/demo/templates';
import { clickTestId, openApp } from './support/app';
import { useHarness } from './support/harness';
import {
  byTestId,
  chooseProduct,
  demoProduct,
  demoStaff,
  loadDemo,
  signIn,
  startVisit,
} from './support/treat';

// Evaluated through DevTools, not added as a <script>: the server's CSP (SPEC [SEC4]) blocks inline
// scripts, and DevTools evaluation is not subject to the page's CSP.
const AXE_SOURCE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
const THEMES = ['dark', 'light'] as const;
const manager = demoStaff('Casey Kim');
const GLABELLA = buildDemoTemplates().find((t) => t.treatmentArea === 'Glabella')!;

interface Finding {
  id: string;
  impact: string | null;
  help: string;
  targets: string[];
}

/** axe's serious and critical findings on the page as it is now. */
async function seriousViolations(page: Page): Promise<Finding[]> {
  if (!(await page.evaluate(() => 'axe' in window))) await page.evaluate(AXE_SOURCE);
  return page.evaluate(async () => {
    // axe-core's global, injected above; typed here for the one call made.
    const axe = (window as unknown as { axe: { run: (ctx: Document, o: object) => Promise<AxeResult> } }).axe;
    interface AxeResult {
      violations: { id: string; impact: string | null; help: string; nodes: { target: string[] }[] }[];
    }
    const result = await axe.run(document, {
      runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] },
      resultTypes: ['violations'],
    });
    return result.violations
      .filter((v) => v.impact === 'serious' || v.impact === 'critical')
      .map((v) => ({
        id: v.id,
        impact: v.impact,
        help: v.help,
        targets: v.nodes.map((n) => n.target.join(' ')),
      }));
  });
}

describe('accessibility', () => {
  const h = useHarness();

  for (const theme of THEMES) {
    it(`every screen in the ${theme} theme has no serious or critical axe violations`, async () => {
      const { page } = await h.newPage();
      await page.setViewportSize({ width: 1180, height: 820 });
      await page.addInitScript((t) => localStorage.setItem('chairside.theme', t), theme);
      await openApp(page, h.server.url);
      const found: Record<string, Finding[]> = {};
      const check = async (screen: string) => {
        await page.waitForFunction(() => document.querySelector('[aria-busy="true"]') === null);
        found[screen] = await seriousViolations(page);
      };

      await check('first run: Treat');
      await loadDemo(page);
      await check('Settings with the demo');
      await clickTestId(page, 'nav-treat');
      await byTestId(page, 'sign-in').waitFor();
      await check('sign-in');
      await signIn(page, manager);
      await check('start visit');
      await startVisit(page, { chartRef: 'CH-A11Y', locationId: DEMO_IDS.mainLocation, areas: ['Glabella'] });
      await chooseProduct(page, demoProduct('Botox'));
      await check('visit: which vial');
      await clickTestId(page, 'accept-fefo');
      await byTestId(page, 'record-draw').waitFor();
      await check('visit: amount pad');
      // A treatment template's pre-filled draw ([TT2]).
      await clickTestId(page, `template-${GLABELLA.id}`);
      await byTestId(page, 'draw-charted').waitFor();
      await check('visit: a template pre-filled');
      for (const nav of ['stock', 'receive', 'count', 'catalog', 'reports', 'settings']) {
        await clickTestId(page, `nav-${nav}`);
        await byTestId(page, `screen-${nav}`).waitFor();
        await check(nav);
      }
      // Purchase orders ([PO1]-[PO3]): the list, a draft, the sent sheet, receiving against it.
      await clickTestId(page, 'nav-receive');
      await clickTestId(page, 'receive-tab-orders');
      await check('purchase orders');
      await clickTestId(page, 'po-new');
      await byTestId(page, 'po-supplier').fill('Allergan');
      await byTestId(page, 'po-add-product').selectOption({ label: demoProduct('Botox').name });
      await byTestId(page, 'po-line-cost').fill('6.50');
      await check('draft order');
      await clickTestId(page, 'po-send');
      await page.locator('[data-testid="po-row"][data-status="sent"]').first().click();
      await check('order sheet');
      await clickTestId(page, 'po-receive');
      await byTestId(page, 'po-slip').waitFor();
      await check('receive against an order');

      await clickTestId(page, 'nav-catalog');
      await clickTestId(page, `catalog-product-${demoProduct('Botox').id}`);
      await byTestId(page, 'product-edit').waitFor();
      await check('catalog: a product open');
      await clickTestId(page, 'catalog-tab-templates');
      await clickTestId(page, `template-row-${GLABELLA.id}`);
      await byTestId(page, 'template-edit').waitFor();
      await check('catalog: a template open');

      const failing = Object.fromEntries(Object.entries(found).filter(([, list]) => list.length > 0));
      expect(failing).toEqual({});
      expect(Object.keys(found)).toHaveLength(19);
    });
  }
});
