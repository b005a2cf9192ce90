// @vitest-environment jsdom
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { createData } from '../../platform/data';
import { DataProvider } from '../../platform/DataContext';
import { deviceToday } from '../../platform/clock';
import { loadDemoClinic } from '../../db/demo';
import { saveVisit } from '../../db/repositories/visits';
import { openTestDatabase } from '../../db/testing';
import { buildDemoClinic, DEMO_IDS } from '../../domain/demo/clinic';
import { buildDemoTemplates } from '../../domain/demo/templates';
import type { Visit } from '../../domain/model';
import { useTreat } from './treat-store';
import { VisitPanel } from './VisitPanel';

afterEach(cleanup);

const today = deviceToday();
const demo = buildDemoClinic(today);
const priya = demo.staff.find((s) => s.name.startsWith('Priya'))!;
const glabella = buildDemoTemplates().find((t) => t.treatmentArea === 'Glabella')!;
// The demo's Botox lot that expires first (in 20 days): FEFO's suggestion for a new vial.
const fefoLot = demo.lots.find((l) => l.lotNumber === 'C8123AC4')!;

/** A visit at the demo's main location, open on the Treat screen with Priya signed in. */
async function visitScreen() {
  const { db } = await openTestDatabase();
  await loadDemoClinic(db, { today, hashPin: async (pin) => `test$${pin}` });
  const visit: Visit = {
    id: '0190a000-0000-7000-8000-00000000d001',
    orgId: DEMO_IDS.organization,
    locationId: DEMO_IDS.mainLocation,
    patientChartRef: 'CH-2001',
    providerId: priya.id,
    treatmentAreas: ['Forehead'],
    priceChargedCents: null,
    startedAt: new Date().toISOString(),
    deviceId: 'd1',
  };
  await saveVisit(db, visit);
  useTreat.getState().openVisit(visit.id, priya.id);
  render(
    <DataProvider value={createData(db, 'd1')}>
      <VisitPanel visitId={visit.id} staff={{ id: priya.id, name: priya.name, role: priya.role }} />
    </DataProvider>,
  );
  const draws = async () =>
    (await db.events.find({ selector: { visitKey: visit.id } }).exec())
      .map((d) => d.toMutableJSON())
      .filter((e) => e.type === 'draw');
  return { db, visit, draws };
}

describe('treatment templates at the chair ([TT2])', () => {
  it('[TT2] picking a template adds its area and pre-fills the FEFO draw; only Record records it, with the charted amount', async () => {
    const { db, visit, draws } = await visitScreen();
    fireEvent.click(await screen.findByTestId(`template-${glabella.id}`));
    const pad = await screen.findByRole('region', { name: `Draw from lot ${fefoLot.lotNumber}` });
    expect(within(pad).getByTestId('dose-display').textContent).toBe('20 U');
    expect(within(pad).getByTestId('draw-charted').textContent).toContain(glabella.name);
    await waitFor(async () =>
      expect((await db.visits.findOne(visit.id).exec())?.treatmentAreas).toEqual(['Forehead', 'Glabella']),
    );
    // Pre-filled is not recorded: the injector confirms.
    expect(await draws()).toEqual([]);
    fireEvent.click(within(pad).getByTestId('record-draw'));
    await waitFor(async () => expect(await draws()).toHaveLength(1));
    const [draw] = await draws();
    expect(draw).toMatchObject({
      lotId: fefoLot.id,
      quantityMilli: -20_000,
      payload: { chartedMilli: 20_000 },
    });
    expect(draw?.payload).not.toHaveProperty('fefoDeviationReason');
    await waitFor(() => expect(screen.queryByTestId('template-queue')).toBeNull());
    await db.close();
  });

  it('[TT2] the injector changes the amount before recording; the charted amount stays beside it', async () => {
    const { db, draws } = await visitScreen();
    fireEvent.click(await screen.findByTestId(`template-${glabella.id}`));
    const pad = await screen.findByRole('region', { name: `Draw from lot ${fefoLot.lotNumber}` });
    for (const key of ['Backspace', 'Backspace', '2', '2']) fireEvent.keyDown(pad, { key });
    expect(within(pad).getByTestId('dose-display').textContent).toBe('22 U');
    fireEvent.click(within(pad).getByTestId('record-draw'));
    await waitFor(async () => expect(await draws()).toHaveLength(1));
    expect((await draws())[0]).toMatchObject({ quantityMilli: -22_000, payload: { chartedMilli: 20_000 } });
    await db.close();
  });

  it('[TT2] skipping the pre-filled draw records nothing and leaves the template', async () => {
    const { db, draws } = await visitScreen();
    fireEvent.click(await screen.findByTestId(`template-${glabella.id}`));
    await screen.findByTestId('draw-charted');
    fireEvent.click(screen.getByTestId('template-skip'));
    await waitFor(() => expect(screen.queryByTestId('template-queue')).toBeNull());
    expect(screen.queryByTestId('draw-charted')).toBeNull();
    expect(await draws()).toEqual([]);
    await db.close();
  });
});
