// @vitest-environment jsdom
import { cleanup, render, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { DatabaseProvider } from '../../app/DatabaseContext';
import { deviceToday } from '../../app/runtime';
import { loadDemoClinic } from '../../db/demo';
import { openTestDatabase } from '../../db/testing';
import { StockScreen } from './StockScreen';

afterEach(cleanup);

describe('Stock screen', () => {
  it('says what it will do when the tablet holds no stock', async () => {
    const { db } = await openTestDatabase();
    render(
      <DatabaseProvider value={{ db, deviceId: 'd1' }}>
        <StockScreen />
      </DatabaseProvider>,
    );
    expect(await screen.findByText(/Nothing is stored on this tablet yet/)).toBeTruthy();
    await db.close();
  });

  it('lists demo lots with on-hand quantity, cost and a red status for expired and recalled lots', async () => {
    const { db } = await openTestDatabase();
    await loadDemoClinic(db, { today: deviceToday(), hashPin: async (pin) => `test$${pin}` });
    render(
      <DatabaseProvider value={{ db, deviceId: 'd1' }}>
        <StockScreen />
      </DatabaseProvider>,
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
});
