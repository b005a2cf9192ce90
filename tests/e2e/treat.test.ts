import { describe, expect, it } from 'vitest';
import { DEMO_IDS } from '../../src/domain/demo/clinic';
import { FEFO_DEVIATION_LABELS, FEFO_DEVIATION_REASONS } from '../../src/domain/fefo/deviation';
import { formatMoney, lineCostCents } from '../../src/domain/money';
import { clickTestId, openApp, waitForReady, waitForServiceWorker, waitForText } from './support/app';
import { useHarness } from './support/harness';
import { goOffline } from './support/network';
import {
  byTestId,
  demo,
  chooseProduct,
  demoLot,
  demoProduct,
  demoStaff,
  enterPin,
  loadDemo,
  recordDose,
  signIn,
  startVisit,
  stockRow,
  storedEvents,
  summaryLines,
  tapKeys,
} from './support/treat';

const injector = demoStaff('Priya Shah');
const frontDesk = demoStaff('Sam Rivera');
const botox = demoProduct('Botox');
const soonest = demoLot('C8123AC4'); // $6.50/U, expires first: the FEFO suggestion at Main
const later = demoLot('C8377AD2'); // $6.80/U, expires later

describe('treatment flow', () => {
  const h = useHarness();

  it('[T2] offline: sign in by PIN, start a visit, accept the FEFO suggestion, record 40 U, reload — the draw and the reduced balance are still there', async () => {
    const { context, page } = await h.newPage();
    await openApp(page, h.server.url);
    await waitForServiceWorker(page);
    await loadDemo(page);
    await goOffline(context, h.server);

    // A wrong PIN is refused; the right one signs the injector in.
    await enterPin(page, injector, '0000');
    await expect.poll(() => page.getByRole('alert').textContent()).toContain('Wrong PIN');
    expect(await byTestId(page, 'signed-in-as').count()).toBe(0);
    await tapKeys(page, 'PIN', injector.demoPin);
    await clickTestId(page, 'pin-submit');
    await waitForText(page, 'signed-in-as', injector.name);
    expect(await byTestId(page, 'switch-staff').count()).toBe(1);

    await startVisit(page, {
      chartRef: 'CH-10482',
      locationId: DEMO_IDS.mainLocation,
      areas: ['Glabella'],
      price: '520.00',
    });
    await chooseProduct(page, botox);
    const suggestion = await byTestId(page, 'fefo-suggestion').textContent();
    expect(suggestion).toContain(soonest.lotNumber);
    expect(suggestion).toContain(soonest.expiry);
    await clickTestId(page, 'accept-fefo');
    await clickTestId(page, 'dose-chip-40');
    expect(await byTestId(page, 'dose-display').textContent()).toContain('40');
    expect(await byTestId(page, 'remaining-after').textContent()).toMatch(
      /^60 U left in .*vial after this draw$/,
    );
    await recordDose(page, '40');

    const assertVisitRecorded = async (): Promise<void> => {
      await waitForText(page, 'visit-cogs', '$260.00');
      const lines = await summaryLines(page);
      expect(lines).toHaveLength(1);
      expect(lines[0]).toContain(soonest.lotNumber);
      expect(lines[0]).toContain('40 U');
      expect(lines[0]).toContain('$260.00');
      expect(await byTestId(page, 'visit-margin').textContent()).toBe('$260.00');
    };
    await assertVisitRecorded();

    await page.reload();
    await waitForReady(page);
    expect(await page.evaluate(() => navigator.onLine)).toBe(false);
    await waitForText(page, 'signed-in-as', injector.name);
    expect(await byTestId(page, 'visit-header').textContent()).toContain('CH-10482');
    await assertVisitRecorded();
    // The opened vial is now the FEFO suggestion, with what is left in it.
    await chooseProduct(page, botox);
    const opened = await byTestId(page, 'fefo-suggestion').textContent();
    expect(opened).toContain(`Opened vial · lot ${soonest.lotNumber}`);
    expect(opened).toContain('60 U available');
    // Listed once: the alternatives below do not repeat the suggestion.
    expect(await byTestId(page, `candidate-${soonest.lotNumber}-open`).count()).toBe(0);

    const draws = (await storedEvents(page)).filter((e) => e.type === 'draw');
    expect(draws).toMatchObject([{ lotId: soonest.id, quantityMilli: -40_000 }]);
    // Stock opens on Priya's location, Main St ([ST1]): 100 U received there − 40 U; the later
    // lot's 300 U at Main St, not the 500 U of both locations.
    expect(await stockRow(page, soonest.lotNumber)).toContain('60 U');
    expect(await stockRow(page, later.lotNumber)).toContain('300 U');
  });

  it('[F5][V2] picking a non-FEFO lot demands a reason, shown on the visit line', async () => {
    const { page } = await h.newPage();
    await openApp(page, h.server.url);
    await loadDemo(page);
    await signIn(page, injector);
    await startVisit(page, { chartRef: 'CH-20911', locationId: DEMO_IDS.mainLocation, areas: ['Forehead'] });
    await chooseProduct(page, botox);
    expect(await byTestId(page, 'fefo-suggestion').textContent()).toContain(soonest.lotNumber);

    await clickTestId(page, `candidate-${later.lotNumber}`);
    await byTestId(page, 'deviation-reason').waitFor();
    expect(await byTestId(page, 'confirm-deviation').isDisabled()).toBe(true);
    expect(await byTestId(page, 'record-draw').count()).toBe(0);

    const reason = FEFO_DEVIATION_REASONS[0]!;
    await byTestId(page, 'deviation-reason').selectOption(reason);
    expect(await byTestId(page, 'confirm-deviation').isDisabled()).toBe(false);
    await clickTestId(page, 'confirm-deviation');
    await recordDose(page, '20');

    const [line] = await summaryLines(page);
    expect(line).toContain(later.lotNumber);
    expect(line).toContain('20 U');
    expect(line).toContain(`Not FEFO: ${FEFO_DEVIATION_LABELS[reason]}`);
    expect(line).toContain(formatMoney(lineCostCents(20_000, later.unitCostMicros)));
    const draws = (await storedEvents(page)).filter((e) => e.type === 'draw');
    expect(draws).toMatchObject([
      { lotId: later.id, quantityMilli: -20_000, payload: { fefoDeviationReason: reason } },
    ]);
  });

  it('[F4][V2] an expired lot is never suggested and needs a manager PIN, recorded on the draw and named on the visit line', async () => {
    const { page } = await h.newPage();
    await openApp(page, h.server.url);
    await loadDemo(page);
    await signIn(page, injector);
    await startVisit(page, { chartRef: 'CH-30117', locationId: DEMO_IDS.mainLocation, areas: ['Glabella'] });
    const xeomin = demoProduct('Xeomin');
    const expired = demo.lots.find((l) => l.productId === xeomin.id)!;
    await chooseProduct(page, xeomin);
    await byTestId(page, 'fefo-none').waitFor();
    await clickTestId(page, `candidate-${expired.lotNumber}`);
    await byTestId(page, 'override-required').waitFor();

    // The pad says what it is for; the injector's own PIN is named as not a manager's, nothing recorded.
    expect(
      await byTestId(page, 'manager-override').getByRole('heading', { name: 'Manager approval' }).count(),
    ).toBe(1);
    expect(await byTestId(page, 'pin-submit').textContent()).toBe('Approve');
    await tapKeys(page, 'PIN', injector.demoPin);
    await clickTestId(page, 'pin-submit');
    await page
      .getByRole('alert')
      .filter({ hasText: `${injector.name} is not a manager` })
      .waitFor();
    expect(await byTestId(page, 'record-draw').count()).toBe(0);

    const manager = demoStaff('Casey Kim');
    await tapKeys(page, 'PIN', manager.demoPin);
    await clickTestId(page, 'pin-submit');
    // The pad says, before anything is recorded, what the manager approved.
    await waitForText(page, 'draw-note', `Expired lot — approved by ${manager.name}`);
    await recordDose(page, '10');
    const draws = (await storedEvents(page)).filter((e) => e.type === 'draw');
    expect(draws).toMatchObject([
      {
        lotId: expired.id,
        quantityMilli: -10_000,
        payload: { overrideBy: manager.id, overriddenBlockers: 'expired' },
      },
    ]);
    // The visit line says who approved what.
    await waitForText(page, 'summary-note', `Expired lot — approved by ${manager.name}`);
  });

  it('[R1][R3] front desk cannot record draws', async () => {
    const { page } = await h.newPage();
    await openApp(page, h.server.url);
    await loadDemo(page);
    await signIn(page, frontDesk);
    await expect
      .poll(() => byTestId(page, 'screen-treat').textContent())
      .toContain('Treat is for injectors, managers and admins');
    expect(await byTestId(page, 'visit-chart-ref').count()).toBe(0);
    expect(await byTestId(page, 'start-visit').count()).toBe(0);
  });
});
