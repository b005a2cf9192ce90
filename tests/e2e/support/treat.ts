// Page helpers for the treatment flow (Settings → sign in → visit → FEFO → draw → summary → Stock),
// driven through the data-testids and ARIA labels the screens expose. Every helper waits on what
// the app shows next instead of sleeping.
import type { Locator, Page } from 'playwright-core';
import { buildDemoClinic, type DemoStaff } from '../../../src/domain/demo/clinic';
import type { Lot, Product } from '../../../src/domain/model';
import { clickTestId, waitForText } from './app';

const TIMEOUT = 30_000;

export const byTestId = (page: Page, testId: string): Locator => page.locator(`[data-testid="${testId}"]`);

const pad = (n: number): string => String(n).padStart(2, '0');
const now = new Date();
/** Today on this machine's local clock, as the tablet (same machine) computes it. */
export const localToday = `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;

/** The demo clinic as the tablet builds it today (ids and lots are stable; expiries follow today). */
export const demo = buildDemoClinic(localToday);

export function demoStaff(namePrefix: string): DemoStaff {
  const person = demo.staff.find((s) => s.name.startsWith(namePrefix));
  if (!person) throw new Error(`no demo staff named ${namePrefix}`);
  return person;
}

export function demoProduct(namePrefix: string): Product {
  const product = demo.products.find((p) => p.name.startsWith(namePrefix));
  if (!product) throw new Error(`no demo product named ${namePrefix}`);
  return product;
}

export function demoLot(lotNumber: string): Lot {
  const lot = demo.lots.find((l) => l.lotNumber === lotNumber);
  if (!lot) throw new Error(`no demo lot ${lotNumber}`);
  return lot;
}

/** Settings → "Load demo clinic", then waits until the products are in the local database. */
export async function loadDemo(page: Page): Promise<void> {
  await clickTestId(page, 'nav-settings');
  await clickTestId(page, 'load-demo');
  await waitForText(page, 'local-product-count', String(demo.products.length));
}

/** Types digits on the on-screen keypad labelled `label` ("PIN" or "Amount"). */
export async function tapKeys(page: Page, label: string, digits: string): Promise<void> {
  const keypad = page.getByRole('group', { name: label, exact: true });
  for (const key of digits) await keypad.getByRole('button', { name: key, exact: true }).click();
}

/** Opens Treat, taps the person's tile and enters `pin` (their demo PIN unless given). */
export async function enterPin(page: Page, person: DemoStaff, pin = person.demoPin): Promise<void> {
  await clickTestId(page, 'nav-treat');
  await byTestId(page, 'sign-in').waitFor({ timeout: TIMEOUT });
  await clickTestId(page, `staff-${person.id}`);
  await byTestId(page, 'pin-pad').waitFor({ timeout: TIMEOUT });
  await tapKeys(page, 'PIN', pin);
  await clickTestId(page, 'pin-submit');
}

/** Signs `person` in with their demo PIN and waits for the header to name them. */
export async function signIn(page: Page, person: DemoStaff): Promise<void> {
  await enterPin(page, person);
  await waitForText(page, 'signed-in-as', person.name);
}

export interface VisitInput {
  chartRef: string;
  locationId: string;
  areas: string[];
  /** Dollars as typed, e.g. "520.00"; omitted = not entered. */
  price?: string;
}

export async function startVisit(page: Page, visit: VisitInput): Promise<void> {
  await byTestId(page, 'visit-chart-ref').fill(visit.chartRef);
  await byTestId(page, 'visit-location').selectOption(visit.locationId);
  for (const area of visit.areas) await clickTestId(page, `area-${area}`);
  if (visit.price !== undefined) await byTestId(page, 'visit-price').fill(visit.price);
  await clickTestId(page, 'start-visit');
  await page.waitForFunction(
    (ref) => document.querySelector('[data-testid="visit-header"]')?.textContent?.includes(ref) === true,
    visit.chartRef,
    { timeout: TIMEOUT },
  );
}

/** Taps the product and waits for the FEFO list (the suggestion, or "nothing usable"). */
export async function chooseProduct(page: Page, product: Product): Promise<void> {
  await clickTestId(page, `product-${product.id}`);
  await page
    .locator('[data-testid="fefo-suggestion"], [data-testid="fefo-none"]')
    .first()
    .waitFor({ timeout: TIMEOUT });
}

/** Taps a dose chip and records the draw; resolves once the visit summary shows one more line. */
export async function recordDose(page: Page, doseChip: string): Promise<void> {
  const before = await byTestId(page, 'summary-line').count();
  await clickTestId(page, `dose-chip-${doseChip}`);
  await clickTestId(page, 'record-draw');
  await page.waitForFunction(
    (n) => document.querySelectorAll('[data-testid="summary-line"]').length > n,
    before,
    { timeout: TIMEOUT },
  );
}

/** Text of the visit summary lines, whitespace-collapsed. */
export async function summaryLines(page: Page): Promise<string[]> {
  const texts = await byTestId(page, 'summary-line').allTextContents();
  return texts.map((t) => t.replace(/\s+/g, ' ').trim());
}

/** Stock screen: the cell texts of the table row for `lotNumber` (lot, expiry, on hand, …). */
export async function stockRow(page: Page, lotNumber: string): Promise<string[]> {
  await clickTestId(page, 'nav-stock');
  const row = page.locator('[data-testid="screen-stock"] tr', {
    has: page.getByRole('cell', { name: lotNumber, exact: true }),
  });
  await row.waitFor({ timeout: TIMEOUT });
  return (await row.locator('td').allTextContents()).map((t) => t.trim());
}

/**
 * The ledger events as stored in the page's IndexedDB, read directly (not through the app), to
 * check what a flow recorded. Couples to RxDB's Dexie layout: database
 * `rxdb-dexie-<name>--<schemaVersion>--events`, object store `docs`.
 */
export async function storedEvents(page: Page): Promise<LedgerEventRow[]> {
  return page.evaluate(
    () =>
      new Promise<LedgerEventRow[]>((resolve, reject) => {
        const request = indexedDB.open('rxdb-dexie-chairside--0--events');
        request.onerror = () => reject(new Error(`cannot open the events store: ${String(request.error)}`));
        request.onsuccess = () => {
          const idb = request.result;
          const read = idb.transaction('docs', 'readonly').objectStore('docs').getAll();
          read.onsuccess = () => {
            idb.close();
            resolve(read.result as LedgerEventRow[]);
          };
          read.onerror = () => reject(new Error(String(read.error)));
        };
      }),
  );
}

/** The fields of a stored event the tests look at. */
export interface LedgerEventRow {
  id: string;
  type: string;
  lotId: string;
  quantityMilli: number;
  visitId: string | null;
  containerId: string | null;
  payload: Record<string, unknown>;
}
