// @vitest-environment jsdom
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { createData } from '../../platform/data';
import { DataProvider } from '../../platform/DataContext';
import { loadDemoClinic } from '../../db/demo';
import { putSetting, writeSetting } from '../../db/repositories/settings';
import { openTestDatabase } from '../../db/testing';
import { ENROLLMENT_KEY } from '../../sync/enrollment';
import { buildDemoClinic } from '../../domain/demo/clinic';
import { StartVisit } from './StartVisit';

afterEach(cleanup);

/** The Start visit screen on a demo tablet, Priya (injector) signed in. */
async function startVisitScreen() {
  const { db } = await openTestDatabase();
  await loadDemoClinic(db, { today: '2026-11-30', hashPin: async (pin) => `test$${pin}` });
  const priya = person('Priya');
  render(
    <DataProvider value={createData(db, 'd1')}>
      <StartVisit staff={{ id: priya.id, name: priya.name, role: priya.role }} />
    </DataProvider>,
  );
  return { db, priya };
}

const demo = buildDemoClinic('2026-11-30');
const person = (prefix: string) => demo.staff.find((s) => s.name.startsWith(prefix))!;

describe('Start visit', () => {
  it('names the signed-in injector as provider by default and offers only staff who may treat', async () => {
    const { db, priya } = await startVisitScreen();
    const provider = screen.getByTestId('visit-provider') as HTMLSelectElement;
    await waitFor(() => expect(provider.options.length).toBeGreaterThan(1));
    expect(provider.value).toBe(priya.id);
    const offered = within(provider)
      .getAllByRole('option')
      .map((o) => o.textContent);
    expect(offered).toContain(`${person('Jordan').name}`);
    expect(offered).not.toContain(person('Sam').name); // front desk does not treat

    fireEvent.change(provider, { target: { value: person('Jordan').id } });
    fireEvent.change(screen.getByTestId('visit-chart-ref'), { target: { value: 'CH-77' } });
    fireEvent.click(screen.getByTestId('start-visit'));
    await waitFor(async () => expect(await db.visits.count().exec()).toBe(1));
    const saved = (await db.visits.findOne().exec())!;
    expect(saved.providerId).toBe(person('Jordan').id);
    // The edit is Priya's, who is signed in ([MD5]): she is the one the server checks.
    expect(saved.editor).toBe(priya.id);
    await db.close();
  });
});

describe('Start visit checks', () => {
  it('[T4] the missing-reference error goes once typing starts; a name-like reference is warned about', async () => {
    const { db } = await startVisitScreen();
    fireEvent.click(screen.getByTestId('start-visit'));
    await screen.findByText('Enter the patient chart reference.');
    fireEvent.change(screen.getByTestId('visit-chart-ref'), { target: { value: 'Jane Doe' } });
    expect(screen.queryByText('Enter the patient chart reference.')).toBeNull();
    expect(screen.getByTestId('chart-ref-warning').textContent).toContain('looks like a name');
    fireEvent.change(screen.getByTestId('visit-chart-ref'), { target: { value: 'CH-10482' } });
    expect(screen.queryByTestId('chart-ref-warning')).toBeNull();
    await db.close();
  });
});

describe('Start visit and the clinic’s chart pattern', () => {
  it('[T8] a reference that does not fit the pattern is warned about, and the visit can still start', async () => {
    const { db } = await startVisitScreen();
    await writeSetting(db, 'clinic.chartRule', { pattern: 'CH-#####', require: false });
    const ref = screen.getByTestId('visit-chart-ref');
    await waitFor(() => expect(ref.getAttribute('placeholder')).toBe('e.g. CH-#####'));
    fireEvent.change(ref, { target: { value: 'CH-1048' } });
    expect(screen.getByTestId('chart-ref-warning').textContent).toContain('CH-##### (e.g. CH-10482)');
    expect((screen.getByTestId('start-visit') as HTMLButtonElement).disabled).toBe(false);
    fireEvent.change(ref, { target: { value: 'CH-10482' } });
    expect(screen.queryByTestId('chart-ref-warning')).toBeNull();
    await db.close();
  });

  it('[T8] when the clinic requires the pattern, Start visit stays disabled with the reason beside it', async () => {
    const { db } = await startVisitScreen();
    await writeSetting(db, 'clinic.chartRule', { pattern: 'CH-#####', require: true });
    const ref = screen.getByTestId('visit-chart-ref');
    await waitFor(() => expect(ref.getAttribute('placeholder')).toBe('e.g. CH-#####'));
    fireEvent.change(ref, { target: { value: '10482' } });
    const button = screen.getByTestId('start-visit') as HTMLButtonElement;
    expect(screen.getByTestId('chart-ref-error').textContent).toContain('does not look like');
    expect(button.disabled).toBe(true);
    expect(button.getAttribute('aria-describedby')).toBe('start-visit-reason');
    expect(screen.getByTestId('start-visit-reason').textContent).toContain('CH-#####');
    fireEvent.change(ref, { target: { value: 'ch-10482' } });
    expect(button.disabled).toBe(false);
    fireEvent.click(button);
    await waitFor(async () => expect(await db.visits.count().exec()).toBe(1));
    await db.close();
  });
});

describe('Start visit locations', () => {
  it('[S20] offers only the locations this tablet is enrolled for', async () => {
    const { db } = await startVisitScreen();
    const location = screen.getByTestId('visit-location') as HTMLSelectElement;
    await waitFor(() => expect(location.options.length).toBe(demo.locations.length));
    const main = demo.locations[0]!;
    await putSetting(
      db,
      ENROLLMENT_KEY,
      JSON.stringify({
        baseUrl: 'http://x',
        token: 't',
        serverDeviceId: 's',
        orgId: main.orgId,
        locationIds: [main.id],
        deviceName: 'Room 1',
      }),
    );
    await waitFor(() => expect(location.options.length).toBe(1));
    expect(location.value).toBe(main.id);
    await db.close();
  });
});
