// @vitest-environment jsdom
import { cleanup, render, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { createData } from '../../platform/data';
import { DataProvider } from '../../platform/DataContext';
import { deviceToday } from '../../platform/clock';
import { loadDemoClinic } from '../../db/demo';
import { recordEvents } from '../../db/repositories/balances';
import { openTestDatabase } from '../../db/testing';
import { buildDemoClinic, DEMO_IDS } from '../../domain/demo/clinic';
import { makeEvent } from '../../domain/ledger/fixtures';
import { StockScreen } from './StockScreen';

afterEach(cleanup);

describe('Stock screen', () => {
  it('says what it will do when the tablet holds no stock', async () => {
    const { db } = await openTestDatabase();
    render(
      <DataProvider value={createData(db, 'd1')}>
        <StockScreen />
      </DataProvider>,
    );
    expect(await screen.findByText(/Nothing is stored on this tablet yet/)).toBeTruthy();
    await db.close();
  });

  it('lists demo lots with on-hand quantity, cost and a red status for expired and recalled lots', async () => {
    const { db } = await openTestDatabase();
    await loadDemoClinic(db, { today: deviceToday(), hashPin: async (pin) => `test$${pin}` });
    render(
      <DataProvider value={createData(db, 'd1')}>
        <StockScreen />
      </DataProvider>,
    );
    const xeomin = (await screen.findByText('Xeomin 100 U')).closest('section') as HTMLElement;
    expect(within(xeomin).getByText('Expired')).toBeTruthy();
    const botox = screen.getByText('Botox Cosmetic 100 U').closest('section') as HTMLElement;
    const firstLot = within(botox).getByText('C8123AC4').closest('tr') as HTMLElement;
    expect(within(firstLot).getByText('100 U')).toBeTruthy();
    expect(within(firstLot).getByText('$6.50 / U')).toBeTruthy();
    const restylane = screen.getByText('Restylane Lyft 1 mL').closest('section') as HTMLElement;
    expect(within(restylane).getByText('Recalled').className).toContain('pill--bad');
    await db.close();
  });

  it('[AL1] a lot drawn below zero (two tablets on one vial offline) is listed as a discrepancy', async () => {
    const { db } = await openTestDatabase();
    const today = deviceToday();
    await loadDemoClinic(db, { today, hashPin: async (pin) => `test$${pin}` });
    const lot = buildDemoClinic(today).lots.find((l) => l.lotNumber === 'C8123AC4')!;
    render(
      <DataProvider value={createData(db, 'd1')}>
        <StockScreen />
      </DataProvider>,
    );
    await screen.findByText('Botox Cosmetic 100 U');
    expect(screen.queryByTestId('stock-discrepancies')).toBeNull();
    for (const id of ['0190a000-0000-7000-8000-0000000a0001', '0190a000-0000-7000-8000-0000000a0002'])
      await recordEvents(db, [
        makeEvent({
          id,
          type: 'draw',
          lotId: lot.id,
          locationId: DEMO_IDS.mainLocation,
          quantityMilli: -60_000,
        }),
      ]);
    const alert = await screen.findByTestId(`discrepancy-${lot.id}`);
    expect(alert.textContent).toContain('Lot C8123AC4 (Botox Cosmetic 100 U) at');
    expect(alert.textContent).toContain('-20 U on record');
    await db.close();
  });
});
