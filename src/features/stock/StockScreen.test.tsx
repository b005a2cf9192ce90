// @vitest-environment jsdom
import { act, cleanup, fireEvent, render, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { createData } from '../../platform/data';
import { DataProvider } from '../../platform/DataContext';
import { deviceToday, now } from '../../platform/clock';
import { useSession } from '../../platform/session';
import type { ChairsideDatabase } from '../../db/collections';
import { loadDemoClinic } from '../../db/demo';
import { recordEvents } from '../../db/repositories/balances';
import { upsertCatalog } from '../../db/repositories/catalog';
import { openTestDatabase } from '../../db/testing';
import { addDays } from '../../domain/dates';
import { buildDemoClinic, DEMO_IDS } from '../../domain/demo/clinic';
import { makeEvent } from '../../domain/ledger/fixtures';
import type { Lot } from '../../domain/model';
import { LOTS_PER_PAGE } from './ProductStockCard';
import { StockScreen } from './StockScreen';

const demo = buildDemoClinic(deviceToday());
const uuid = (kind: number, n: number) =>
  `0190c000-0000-7000-8000-${(kind * 100_000 + n).toString(16).padStart(12, '0')}`;

afterEach(() => {
  cleanup();
  useSession.getState().signOut();
});

async function demoTablet(): Promise<ChairsideDatabase> {
  const { db } = await openTestDatabase();
  await loadDemoClinic(db, { today: deviceToday(), hashPin: async (pin) => `test$${pin}` });
  return db;
}

function signInAs(namePrefix: string): void {
  const person = demo.staff.find((s) => s.name.startsWith(namePrefix));
  if (!person) throw new Error(namePrefix);
  useSession.getState().signIn({ id: person.id, name: person.name, role: person.role }, now());
}

function renderStock(db: ChairsideDatabase): void {
  render(
    <DataProvider value={createData(db, 'd1')}>
      <StockScreen />
    </DataProvider>,
  );
}

const lotRow = (lotNumber: string) => screen.findByTestId(`stock-lot-${lotNumber}`);
const cells = (row: HTMLElement) =>
  within(row)
    .getAllByRole('cell')
    .map((c) => c.textContent);

describe('Stock screen', () => {
  it('says what it will do when the tablet holds no stock', async () => {
    const { db } = await openTestDatabase();
    renderStock(db);
    expect(await screen.findByText(/Nothing is stored on this tablet yet/)).toBeTruthy();
    await db.close();
  });

  it('[ST1] asks who is using the tablet before showing stock', async () => {
    const db = await demoTablet();
    renderStock(db);
    expect(await screen.findByTestId('sign-in')).toBeTruthy();
    expect(screen.queryByTestId('stock-lot-C8123AC4')).toBeNull();
    await db.close();
  });

  it('[ST3][ST4] a manager sees Main St by default, unit costs to the cent, values, totals and the lot expiring soon', async () => {
    const db = await demoTablet();
    signInAs('Casey');
    renderStock(db);
    const soon = await lotRow('C8123AC4');
    expect(cells(soon)).toEqual([
      'C8123AC4',
      addDays(deviceToday(), 20),
      '100 U',
      '$6.50 / U',
      '$650.00',
      'Expires in 20 days',
    ]);
    expect(within(soon).getByText('Expires in 20 days').className).toContain('pill--warn');
    expect(cells(await lotRow('P47512')).slice(2, 5)).toEqual(['300 U', '$1.97 / U', '$590.00']);
    expect(cells(await lotRow('C8377AD2'))[2]).toBe('300 U');
    const botox = screen.getByTestId(`stock-product-${demo.products[0]?.id}`);
    expect(within(botox).getByTestId('product-total').textContent).toBe('400 U on hand · $2,690.00');
    expect((screen.getByTestId('stock-location') as HTMLSelectElement).value).toBe(DEMO_IDS.mainLocation);
    // Botox 650 + 2,040, Dysport 590, Xeomin 520 (expired, still on hand), Juvéderm 1,240,
    // Restylane 650 (recalled) + 660, Sculptra 1,230 = $7,580.00
    expect(screen.getByTestId('stock-total-value').textContent).toBe('Stock value, Main St$7,580.00');
    expect(within(await lotRow('283947')).getByText('Expired').className).toContain('pill--bad');
    await db.close();
  });

  it('[ST2] All locations shows the sum of each lot with the split per location', async () => {
    const db = await demoTablet();
    signInAs('Morgan');
    renderStock(db);
    const select = (await screen.findByTestId('stock-location')) as HTMLSelectElement;
    expect([...select.options].map((o) => o.textContent)).toEqual([
      'Lumen Aesthetics — Main St',
      'Lumen Aesthetics — Harbor',
      'All locations',
    ]);
    fireEvent.change(select, { target: { value: 'all' } });
    const headers = await screen.findAllByRole('columnheader', { name: 'Harbor' });
    expect(headers.length).toBeGreaterThan(0);
    await screen.findByText('Stock value, all locations');
    expect(cells(await lotRow('C8377AD2')).slice(2, 7)).toEqual([
      '300 U',
      '200 U',
      '500 U',
      '$6.80 / U',
      '$3,400.00',
    ]);
    fireEvent.change(select, { target: { value: DEMO_IDS.satelliteLocation } });
    await screen.findByText('Stock value, Harbor');
    expect(cells(await lotRow('C8377AD2')).slice(2, 5)).toEqual(['200 U', '$6.80 / U', '$1,360.00']);
    expect(screen.queryByTestId('stock-lot-C8123AC4')).toBeNull();
    await db.close();
  });

  it('[ST1][ST3] front desk limited to Main St sees only Main St, with quantities and status but no money', async () => {
    const db = await demoTablet();
    signInAs('Sam');
    renderStock(db);
    expect(cells(await lotRow('C8123AC4'))).toEqual([
      'C8123AC4',
      addDays(deviceToday(), 20),
      '100 U',
      'Expires in 20 days',
    ]);
    expect(screen.getByTestId('stock-location-only').textContent).toContain('Lumen Aesthetics — Main St');
    expect(screen.queryByTestId('stock-location')).toBeNull();
    expect(screen.queryByText('Unit cost')).toBeNull();
    expect(screen.queryByTestId('stock-total-value')).toBeNull();
    expect(screen.getByTestId('screen-stock').textContent).not.toContain('$');
    await db.close();
  });

  it('[ST5] a used-up lot leaves In stock and is listed under History', async () => {
    const db = await demoTablet();
    signInAs('Casey');
    renderStock(db);
    await lotRow('C8123AC4');
    expect(screen.getByTestId('stock-view-history').textContent).toBe('History (0)');
    const lot = demo.lots.find((l) => l.lotNumber === 'C8123AC4')!;
    await act(() =>
      recordEvents(db, [
        makeEvent({
          id: uuid(1, 1),
          type: 'draw',
          lotId: lot.id,
          locationId: DEMO_IDS.mainLocation,
          quantityMilli: -100_000,
        }),
      ]),
    );
    await screen.findByText('History (1)');
    expect(screen.queryByTestId('stock-lot-C8123AC4')).toBeNull();
    fireEvent.click(screen.getByTestId('stock-view-history'));
    expect(cells(await lotRow('C8123AC4')).slice(2)).toEqual(['$6.50 / U', 'Used up']);
    expect(screen.queryByTestId('stock-lot-C8377AD2')).toBeNull();
    expect(screen.queryByTestId('stock-total-value')).toBeNull();
    await db.close();
  });

  it('[ST5] a product with more lots than a page shows the first page and a Show more', async () => {
    const db = await demoTablet();
    const botox = demo.products[0]!;
    const lots: Lot[] = Array.from({ length: LOTS_PER_PAGE + 3 }, (_, i) => ({
      id: uuid(2, i),
      orgId: DEMO_IDS.organization,
      productId: botox.id,
      lotNumber: `X${String(i).padStart(3, '0')}`,
      expiry: addDays(deviceToday(), 400 + i),
      unitCostMicros: 6_000_000,
      status: 'available',
    }));
    await upsertCatalog(db, { locations: [], staff: [], products: [], lots });
    await recordEvents(
      db,
      lots.map((l, i) =>
        makeEvent({ id: uuid(3, i), type: 'receive', lotId: l.id, locationId: DEMO_IDS.mainLocation }),
      ),
    );
    signInAs('Casey');
    renderStock(db);
    const card = await screen.findByTestId(`stock-product-${botox.id}`);
    await within(card).findByText('X000');
    // The demo's two Botox lots expire first, then the added ones: 10 rows, 5 not shown.
    expect(within(card).getAllByRole('row')).toHaveLength(LOTS_PER_PAGE + 1);
    const more = within(card).getByTestId(`stock-more-${botox.id}`);
    expect(more.textContent).toBe('Show 5 more (5 not shown)');
    fireEvent.click(more);
    expect(within(card).getAllByRole('row')).toHaveLength(LOTS_PER_PAGE + 5 + 1);
    expect(within(card).queryByTestId(`stock-more-${botox.id}`)).toBeNull();
    await db.close();
  });

  it('[AL1] a lot drawn below zero (two tablets on one vial offline) is listed as a discrepancy', async () => {
    const db = await demoTablet();
    const lot = demo.lots.find((l) => l.lotNumber === 'C8123AC4')!;
    signInAs('Casey');
    renderStock(db);
    await lotRow('C8123AC4');
    expect(screen.queryByTestId('stock-discrepancies')).toBeNull();
    for (const id of [uuid(4, 1), uuid(4, 2)])
      await act(() =>
        recordEvents(db, [
          makeEvent({
            id,
            type: 'draw',
            lotId: lot.id,
            locationId: DEMO_IDS.mainLocation,
            quantityMilli: -60_000,
          }),
        ]),
      );
    const alert = await screen.findByTestId(`discrepancy-${lot.id}`);
    expect(alert.textContent).toContain('Lot C8123AC4 (Botox Cosmetic 100 U) at');
    expect(alert.textContent).toContain('-20 U on record');
    expect(cells(await lotRow('C8123AC4')).slice(2, 6)).toEqual([
      '-20 U',
      '$6.50 / U',
      '$0.00',
      'Below zero',
    ]);
    await db.close();
  });
});
