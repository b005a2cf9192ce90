// @vitest-environment jsdom
import { cleanup, fireEvent, render, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { createData } from '../../platform/data';
import { DataProvider } from '../../platform/DataContext';
import { deviceToday, now } from '../../platform/clock';
import { useSession } from '../../platform/session';
import { loadDemoClinic } from '../../db/demo';
import { currentBalance } from '../../db/repositories/balances';
import { openTestDatabase } from '../../db/testing';
import { buildDemoClinic, DEMO_IDS } from '../../domain/demo/clinic';
import { StockScreen } from '../stock/StockScreen';

const demo = buildDemoClinic(deviceToday());

afterEach(() => {
  cleanup();
  useSession.getState().signOut();
});

function signInAs(namePrefix: string): void {
  const person = demo.staff.find((s) => s.name.startsWith(namePrefix));
  if (!person) throw new Error(namePrefix);
  useSession.getState().signIn({ id: person.id, name: person.name, role: person.role }, now());
}

describe('transfers on the Stock screen', () => {
  it('[TR1][TR2] a manager sends 100 U of a lot to Harbor: it leaves Main St and shows in transit', async () => {
    const { db } = await openTestDatabase();
    await loadDemoClinic(db, { today: deviceToday(), hashPin: async (pin) => `test$${pin}` });
    const lot = demo.lots.find((l) => l.productId === demo.products[0]?.id);
    if (!lot) throw new Error('demo lot');
    const before = (await currentBalance(db, lot.id, DEMO_IDS.mainLocation))?.onHandMilli ?? 0;
    signInAs('Casey');
    render(
      <DataProvider value={createData(db, 'd1')}>
        <StockScreen />
      </DataProvider>,
    );
    fireEvent.click(await screen.findByTestId('transfer-start'));
    const form = await screen.findByTestId('transfer-send');
    fireEvent.change(within(form).getByTestId(`transfer-amount-${lot.lotNumber}`), {
      target: { value: '500' },
    });
    fireEvent.click(within(form).getByTestId('transfer-send-confirm'));
    expect((await screen.findByTestId('transfer-problem')).textContent).toBe(
      'A line sends more than is on hand here.',
    );
    fireEvent.change(within(form).getByTestId(`transfer-amount-${lot.lotNumber}`), {
      target: { value: '100' },
    });
    fireEvent.click(within(form).getByTestId('transfer-send-confirm'));
    expect((await screen.findByTestId('transfer-notice')).textContent).toMatch(
      /^Sent to .*Harbor: in transit/,
    );
    const outgoing = await screen.findByTestId('transfer-outgoing');
    expect(outgoing.textContent).toContain(`lot ${lot.lotNumber}`);
    expect(outgoing.textContent).toContain('100 U');
    expect((await currentBalance(db, lot.id, DEMO_IDS.mainLocation))?.onHandMilli).toBe(before - 100_000);
    await db.close();
  });

  it('[TR1] an injector sees no way to send stock', async () => {
    const { db } = await openTestDatabase();
    await loadDemoClinic(db, { today: deviceToday(), hashPin: async (pin) => `test$${pin}` });
    signInAs('Priya');
    render(
      <DataProvider value={createData(db, 'd1')}>
        <StockScreen />
      </DataProvider>,
    );
    await screen.findAllByTestId(/^stock-lot-/);
    expect(screen.queryByTestId('transfer-start')).toBeNull();
    await db.close();
  });
});
