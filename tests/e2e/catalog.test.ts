// The Catalog screen in the real app ([CT2]-[CT6]): a manager imports 500 products and a 500-row
// price list with 3 bad rows (exactly those 3 reported, 497 stored), archives a product (it leaves
// the Treat picker), and front desk reads the catalog without editing it.
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_IDS } from '../../src/domain/demo/clinic';
import { clickTestId, openApp, waitForText } from './support/app';
import { ai17 } from './support/barcodes';
import { launchChromium } from './support/chromium';
import { startServer, type RunningServer } from './support/server';
import { recordsSchema } from '../../src/db/schemas/records';
import { storedDocs } from './support/devices';
import { byTestId, demo, demoProduct, demoStaff, loadDemo, signIn, startVisit } from './support/treat';

const TIMEOUT = 30_000;
const ROWS = 500;
const name = (i: number) => `Test supply ${String(i).padStart(3, '0')}`;

/** 500 products, semicolon-separated with a BOM and a quoted field, as a European spreadsheet saves. */
function productCsv(): string {
  const lines = ['name;category;baseUnit;containerSize;containersPerPack;manufacturer'];
  for (let i = 1; i <= ROWS; i++) lines.push(`${name(i)};supply;each;1;10;"Maker; ${i}"`);
  return `\uFEFF${lines.join('\r\n')}\r\n`;
}

/** Data rows 50, 200 and 400 are bad: spreadsheet rows 51, 201 and 401. */
const BAD_ROWS = [51, 201, 401];
function priceCsv(): string {
  const lines = ['product,supplierSku,packPrice,updatedOn'];
  for (let i = 1; i <= ROWS; i++) {
    if (i === 50) lines.push(`No such product,X50,10.00,2026-11-01`);
    else if (i === 200) lines.push(`${name(i)},X200,ten dollars,2026-11-01`);
    else if (i === 400) lines.push(`${name(i)},X400,10.00,2026-02-30`);
    else lines.push(`"${name(i)}",X${i},${(i / 10).toFixed(2)},2026-11-01`);
  }
  return lines.join('\n');
}

/** Documents of one kind in the `records` collection, read from IndexedDB directly. */
async function storedRecords(page: Page, kind: string): Promise<number> {
  // At the collection's current schema version: its IndexedDB database is named by it.
  const docs = await storedDocs<{ kind: string }>(page, 'records', recordsSchema.version);
  return docs.filter((d) => d.kind === kind).length;
}

async function upload(page: Page, testId: string, filename: string, text: string) {
  await byTestId(page, `${testId}-file`).setInputFiles({
    name: filename,
    mimeType: 'text/csv',
    buffer: Buffer.from(text, 'utf8'),
  });
  await byTestId(page, `${testId}-preview`).waitFor({ timeout: TIMEOUT });
}

describe('the Catalog screen', () => {
  let server: RunningServer;
  let browser: Browser;
  beforeAll(async () => {
    server = await startServer();
    browser = await launchChromium({});
  });
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  async function open(person: string): Promise<Page> {
    const context = await browser.newContext({ viewport: { width: 1180, height: 820 } });
    const page = await context.newPage();
    await openApp(page, server.url);
    await loadDemo(page);
    await signIn(page, demoStaff(person));
    await clickTestId(page, 'nav-catalog');
    await byTestId(page, 'catalog-count').waitFor({ timeout: TIMEOUT });
    return page;
  }

  it('[CT5][CT6] 500 products, then a 500-row price list with 3 bad rows: exactly those 3 reported, 497 imported', async () => {
    const page = await open('Casey Kim');
    await clickTestId(page, 'product-import-open');
    await upload(page, 'product-import', 'products.csv', productCsv());
    expect(await byTestId(page, 'product-import-summary').textContent()).toBe(
      '500 new, 0 changed, 0 unchanged',
    );
    await clickTestId(page, 'product-import-confirm');
    await waitForText(page, 'product-import-done', 'Imported 500 rows.');
    await waitForText(
      page,
      'catalog-count',
      `${ROWS + demo.products.length} of ${ROWS + demo.products.length} products`,
    );

    await clickTestId(page, 'catalog-tab-suppliers');
    await clickTestId(page, 'supplier-new');
    await byTestId(page, 'supplier-edit-name').fill('McKesson Medical-Surgical');
    await byTestId(page, 'supplier-edit-leadTimeDays').fill('3');
    await clickTestId(page, 'supplier-edit-save');
    await clickTestId(page, 'price-import-open');
    await upload(page, 'price-import', 'prices.csv', priceCsv());
    const rows = await byTestId(page, 'price-import-error').evaluateAll((trs) =>
      trs.map((tr) => [Number(tr.getAttribute('data-row')), tr.children[1]?.textContent]),
    );
    expect(rows).toEqual([
      [BAD_ROWS[0], 'product'],
      [BAD_ROWS[1], 'packPrice'],
      [BAD_ROWS[2], 'updatedOn'],
    ]);
    expect(await byTestId(page, 'price-import-confirm').textContent()).toBe('Import 497 rows');
    await clickTestId(page, 'price-import-confirm');
    await waitForText(page, 'price-import-done', 'Imported 497 rows. 3 not imported (listed above).');
    await waitForText(page, 'supplier-price-count', '497');
    expect(await storedRecords(page, 'supplier_prices')).toBe(497);
    expect(await storedRecords(page, 'suppliers')).toBe(1);
  });

  it('[CT3] an archived product leaves the Treat picker and the list (listed again with Show archived); Receive refuses its carton', async () => {
    const page = await open('Casey Kim');
    const dysport = demoProduct('Dysport');
    await clickTestId(page, `catalog-product-${dysport.id}`);
    await clickTestId(page, 'product-edit-archive');
    await waitForText(page, 'product-edit-message', `Saved ${dysport.name}.`);
    await page
      .locator(`[data-testid="catalog-product-${dysport.id}"]`)
      .waitFor({ state: 'detached', timeout: TIMEOUT });
    await clickTestId(page, 'catalog-show-archived');
    await byTestId(page, `catalog-product-${dysport.id}`).waitFor({ timeout: TIMEOUT });

    await clickTestId(page, 'nav-treat');
    await startVisit(page, {
      chartRef: 'CH-20001',
      locationId: DEMO_IDS.mainLocation,
      areas: ['Glabella'],
    });
    const botox = demoProduct('Botox');
    await byTestId(page, `product-${botox.id}`).waitFor({ timeout: TIMEOUT });
    expect(await byTestId(page, `product-${dysport.id}`).count()).toBe(0);

    // Receive refuses its carton, pointing to the Catalog.
    await clickTestId(page, 'nav-receive');
    await byTestId(page, 'receipt-supplier').fill('Galderma');
    await clickTestId(page, 'receive-scan');
    await byTestId(page, 'scan-manual-input').fill(
      `(01)${dysport.gtins[0] ?? ''}(17)${ai17('2028-05-31')}(10)DY1`,
    );
    await clickTestId(page, 'scan-manual-submit');
    await waitForText(
      page,
      'receive-note',
      `${dysport.name} is archived in the Catalog: a manager can un-archive it there to receive it.`,
    );
  });

  it('[CT2] front desk reads the catalog: the form is read-only, with no save, archive or import', async () => {
    const page = await open('Sam Rivera');
    await clickTestId(page, `catalog-product-${demoProduct('Botox').id}`);
    await byTestId(page, 'product-edit').waitFor({ timeout: TIMEOUT });
    expect(await byTestId(page, 'product-edit-name').getAttribute('readonly')).not.toBeNull();
    for (const id of ['product-edit-save', 'product-edit-archive', 'product-import-open', 'catalog-new'])
      expect(await byTestId(page, id).count(), id).toBe(0);
    expect(await byTestId(page, 'price-history').count()).toBe(0);
  });
});
