// What a scan does when the catalog does not know what it read (SPEC [SC7]-[SC10]): a new lot is
// confirmed at the chair, a new product is added by a manager (an injector is told to ask one), a
// lot on file with another expiry is a warning, and an HIBC code typed in gives its result. Codes
// are typed into manual entry (this Chromium has no camera), the same path a wedge scanner takes.
import { randomUUID } from 'node:crypto';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { COLLECTIONS } from '../../src/db/collections';
import { hibcCheckCharacter } from '../../src/domain/barcode/hibcc';
import { addDays } from '../../src/domain/dates';
import { DEMO_IDS } from '../../src/domain/demo/clinic';
import { lotIdFor } from '../../src/domain/replica/lot-id';
import { clickTestId, openApp } from './support/app';
import { ai17 } from './support/barcodes';
import { enrollDevice, enrollTablet, pushEvents, storedDocs } from './support/devices';
import { useHarness } from './support/harness';
import {
  byTestId,
  demo,
  demoLot,
  demoProduct,
  demoStaff,
  loadDemo,
  localToday,
  signIn,
  startVisit,
} from './support/treat';

const ADMIN_TOKEN = 'e2e-admin-token-scan-catalog-0123';
const TIMEOUT = 30_000;
const MAIN = DEMO_IDS.mainLocation;
const botox = demoProduct('Botox');
const botoxGtin = botox.gtins[0] ?? '';
const injector = demoStaff('Priya Shah');
const manager = demoStaff('Casey Kim');
const code = (gtin: string, lot: string, expiry: string) => `(01)${gtin}(17)${ai17(expiry)}(10)${lot}`;

describe('scanning what the catalog does not know', () => {
  const h = useHarness({ server: { demo: true, env: { CHAIRSIDE_ADMIN_TOKEN: ADMIN_TOKEN } } });

  async function atTheChair(person = injector, before?: (page: Page) => Promise<void>): Promise<Page> {
    const { page } = await h.newPage();
    await openApp(page, h.server.url);
    await loadDemo(page);
    if (before) await before(page);
    await signIn(page, person);
    await startVisit(page, {
      chartRef: `CH-${randomUUID().slice(0, 8)}`,
      locationId: MAIN,
      areas: ['Glabella'],
    });
    await clickTestId(page, 'open-scanner');
    await byTestId(page, 'scan-manual-input').waitFor({ timeout: TIMEOUT });
    return page;
  }

  async function enter(page: Page, text: string, expected: string): Promise<void> {
    await byTestId(page, 'scan-manual-input').fill(text);
    await clickTestId(page, 'scan-manual-submit');
    await page.waitForFunction(
      (t) => document.querySelector('[data-testid="scan-result"]')?.textContent?.includes(t) === true,
      expected,
      { timeout: TIMEOUT },
    );
  }

  it('[SC7][SC10] an unknown lot of a known product is confirmed with a required unit cost and stored', async () => {
    const page = await atTheChair();
    const expiry = addDays(localToday, 100);
    await enter(page, code(botoxGtin, 'NEW1A', expiry), `Lot NEW1A · Expiry ${expiry}`);
    await byTestId(page, 'new-lot').waitFor({ timeout: TIMEOUT });
    expect(await byTestId(page, 'new-lot-lotNumber').inputValue()).toBe('NEW1A');
    expect(await byTestId(page, 'new-lot-expiry').inputValue()).toBe(expiry);
    // The cost starts at the lot that expires last (C8377AD2, $6.80/U) and is required.
    expect(await byTestId(page, 'new-lot-unitCost').inputValue()).toBe('6.80');
    await byTestId(page, 'new-lot-unitCost').fill('');
    await clickTestId(page, 'new-lot-confirm');
    await byTestId(page, 'new-lot-error-unitCost').waitFor({ timeout: TIMEOUT });
    await byTestId(page, 'new-lot-unitCost').fill('7.25');
    await clickTestId(page, 'new-lot-confirm');
    await byTestId(page, 'new-lot').waitFor({ state: 'detached', timeout: TIMEOUT });
    // Known now; no stock of it was ever received here, and the screen says so.
    expect(await byTestId(page, 'scan-no-stock').textContent()).toContain('lot NEW1A');
    expect(await byTestId(page, `product-${botox.id}`).getAttribute('aria-pressed')).toBe('true');
    const lots = await storedDocs<{ id: string; lotNumber: string; unitCostMicros: number; clocks: object }>(
      page,
      'lots',
      COLLECTIONS.lots.schema.version,
    );
    const stored = lots.find((l) => l.lotNumber === 'NEW1A');
    expect(stored?.id).toBe(lotIdFor(DEMO_IDS.organization, botox.id, 'NEW1A'));
    expect(stored?.unitCostMicros).toBe(7_250_000);
    expect(Object.keys(stored?.clocks ?? {})).toContain('unitCostMicros');
  });

  it('[SC7][MD4][MD9] stock received elsewhere before its lot record: confirm the scanned lot and it is chosen', async () => {
    const lotNumber = 'NEW2B';
    const lotId = lotIdFor(DEMO_IDS.organization, botox.id, lotNumber);
    const page = await atTheChair(injector, async (tablet) => {
      await enrollTablet(tablet, h.server.url, ADMIN_TOKEN, [MAIN], 'Room 3');
      // The front desk's device received the carton; only its ledger event has reached the server.
      const desk = await enrollDevice(h.server.url, ADMIN_TOKEN, [MAIN], 'Front desk');
      const frontDesk = demo.staff.find((s) => s.role === 'front_desk');
      await pushEvents(h.server.url, desk, [
        {
          id: randomUUID(),
          orgId: DEMO_IDS.organization,
          type: 'receive',
          lotId,
          locationId: MAIN,
          quantityMilli: 100_000,
          actorId: frontDesk?.id ?? '',
          deviceId: desk.deviceId,
          deviceTime: new Date().toISOString(),
          visitId: null,
          containerId: null,
          correctsId: null,
          payload: { supplier: 'Allergan Aesthetics', purchaseOrder: 'PO-E2E' },
        },
      ]);
      await expect
        .poll(
          async () =>
            (await storedDocs<{ key: string; onHandMilli: number }>(tablet, 'balances', 1)).find(
              (b) => b.key === `${lotId}|${MAIN}`,
            )?.onHandMilli,
          { timeout: TIMEOUT },
        )
        .toBe(100_000);
    });
    // Expires before every demo Botox lot, so FEFO suggests it: the draw pad opens on it directly.
    const expiry = addDays(localToday, 10);
    await enter(page, code(botoxGtin, lotNumber, expiry), `Lot ${lotNumber} · Expiry ${expiry}`);
    await clickTestId(page, 'new-lot-confirm');
    await byTestId(page, 'dose-display').waitFor({ timeout: TIMEOUT });
    expect(await page.getByRole('heading', { name: `Draw from lot ${lotNumber}` }).count()).toBe(1);
  });

  it('[SC8] an unknown GTIN, scanned by a manager, opens a new product pre-filled with it; then its new lot', async () => {
    const page = await atTheChair(manager);
    const gtin = '00012345678905';
    const expiry = addDays(localToday, 300);
    await enter(page, code(gtin, 'DX1', expiry), `GTIN ${gtin} · Lot DX1`);
    await byTestId(page, 'new-product').waitFor({ timeout: TIMEOUT });
    expect(await byTestId(page, 'new-product-gtin').inputValue()).toBe(gtin);
    await clickTestId(page, 'new-product-confirm');
    // Nothing guessed: name, category, unit and size are asked for, each under its field.
    await byTestId(page, 'new-product-error-baseUnit').waitFor({ timeout: TIMEOUT });
    expect(await byTestId(page, 'new-product-error-name').count()).toBe(1);
    await byTestId(page, 'new-product-name').fill('Daxxify 100 U');
    await byTestId(page, 'new-product-category').selectOption('neurotoxin');
    await byTestId(page, 'new-product-baseUnit').selectOption('U');
    await byTestId(page, 'new-product-containerSize').fill('100');
    await clickTestId(page, 'new-product-confirm');
    await byTestId(page, 'new-product').waitFor({ state: 'detached', timeout: TIMEOUT });
    expect(await byTestId(page, 'scan-product').textContent()).toContain('Daxxify 100 U');
    // The same scan continues: its lot is new for the new product (no earlier lot, so no cost yet).
    await byTestId(page, 'new-lot').waitFor({ timeout: TIMEOUT });
    expect(await byTestId(page, 'new-lot-lotNumber').inputValue()).toBe('DX1');
    expect(await byTestId(page, 'new-lot-unitCost').inputValue()).toBe('');
    const picked = page.locator('.tile[aria-pressed="true"]');
    expect(await picked.textContent()).toContain('Daxxify 100 U');
  });

  it('[SC8][R1] an injector scanning an unknown GTIN is told to ask a manager, with no form', async () => {
    const page = await atTheChair(injector);
    await enter(page, code('00012345678905', 'DX1', addDays(localToday, 300)), 'GTIN 00012345678905');
    const ask = byTestId(page, 'scan-ask-manager');
    await ask.waitFor({ timeout: TIMEOUT });
    expect(await ask.textContent()).toContain('Ask a manager to add this product');
    expect(await byTestId(page, 'new-product').count()).toBe(0);
  });

  it('[SC9] the same lot number with another expiry is a clear warning; the lot is neither changed nor picked', async () => {
    const page = await atTheChair(injector);
    const soonest = demoLot('C8123AC4');
    const other = addDays(soonest.expiry, 30);
    await enter(
      page,
      code(botoxGtin, soonest.lotNumber, other),
      `Lot ${soonest.lotNumber} · Expiry ${other}`,
    );
    const warning = byTestId(page, 'scan-expiry-mismatch');
    await warning.waitFor({ timeout: TIMEOUT });
    expect(await warning.textContent()).toContain(
      `Lot ${soonest.lotNumber} is recorded with expiry ${soonest.expiry}; this carton says ${other}`,
    );
    // The product is selected and FEFO is shown, but nothing is chosen for the injector.
    await byTestId(page, 'fefo-suggestion').waitFor({ timeout: TIMEOUT });
    expect(await byTestId(page, 'dose-display').count()).toBe(0);
    expect(await byTestId(page, 'deviation-reason').count()).toBe(0);
    expect(await byTestId(page, 'new-lot').count()).toBe(0);
    const lots = await storedDocs<{ lotNumber: string; expiry: string }>(
      page,
      'lots',
      COLLECTIONS.lots.schema.version,
    );
    expect(lots.find((l) => l.lotNumber === soonest.lotNumber)?.expiry).toBe(soonest.expiry);
  });

  it('[SC6][B8] an HIBC code typed into manual entry gives its lot, expiry and serial', async () => {
    const page = await atTheChair(injector);
    // Peer vector (DacoTaco/BarcodeParserBuilder): primary + secondary with $$0 MMYY expiry, lot, serial.
    await enter(
      page,
      '+J123AQ3451/$$0125BC34567/S4012K',
      'GTIN — · Lot BC34567 · Expiry 2025-01-31 · Serial 4012',
    );
    await byTestId(page, 'scan-flag-expired').waitFor({ timeout: TIMEOUT });
    expect(await byTestId(page, 'scan-unknown-product').textContent()).toContain('HIBC J123 AQ345');
  });

  it('[SC4][B8] an HIBC carton of a product that carries the HIBC code selects that product and lot', async () => {
    const page = await atTheChair(injector);
    const sculptra = demoProduct('Sculptra');
    const lot = demo.lots.find((l) => l.productId === sculptra.id);
    if (!lot) throw new Error('the demo has no Sculptra lot');
    // Concatenated HIBC: +LIC PCN UoM / $$3 YYMMDD lot, then the mod-43 check character.
    const data = `+A999SCULPTRA0/$$3${lot.expiry.slice(2).replaceAll('-', '')}${lot.lotNumber}`;
    await enter(page, `${data}${hibcCheckCharacter(data)}`, `Lot ${lot.lotNumber} · Expiry ${lot.expiry}`);
    await page.waitForFunction(
      (id) =>
        document.querySelector(`[data-testid="product-${id}"]`)?.getAttribute('aria-pressed') === 'true',
      sculptra.id,
      { timeout: TIMEOUT },
    );
    expect(await byTestId(page, 'scan-unknown-product').count()).toBe(0);
  });
});
