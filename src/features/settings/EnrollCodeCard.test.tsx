// @vitest-environment jsdom
import { cleanup, fireEvent, screen, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { EnrollCodeStatus } from '../../domain/sync/wire';
import { EnrollCodeCard } from './EnrollCodeCard';
import { closeDatabases, demoPerson, fakeServer, renderWithData } from '../../platform/testing';

afterEach(async () => {
  cleanup();
  vi.unstubAllGlobals();
  await closeDatabases();
});

const created = { id: 'code-1', code: '7KQ2M-XH4RT', expiresAt: '2026-12-03T10:00:00.000Z', locationIds: [] };
const base: EnrollCodeStatus = {
  id: 'code-1',
  state: 'unused',
  expiresAt: created.expiresAt,
  usedAt: null,
  device: null,
};

async function makeCode(statuses: EnrollCodeStatus[]) {
  let asked = 0;
  const server = fakeServer({
    'POST /api/v1/admin/enroll-codes': { status: 201, body: created },
    'GET /api/v1/admin/enroll-codes/code-1': () => ({
      status: 200,
      body: statuses[Math.min(asked++, statuses.length - 1)],
    }),
  });
  await renderWithData(<EnrollCodeCard pollMs={10} />, { withDemo: true, as: demoPerson('Morgan') });
  fireEvent.change(await screen.findByTestId('admin-token'), { target: { value: 'admin-token-0123456789' } });
  await waitFor(() =>
    expect((screen.getByTestId('make-enroll-code') as HTMLButtonElement).disabled).toBe(false),
  );
  fireEvent.click(screen.getByTestId('make-enroll-code'));
  await screen.findByTestId('new-enroll-code');
  return server;
}

describe('an enrollment code’s state [S22]', () => {
  it('shows the new code as unused, then as used by the tablet that took it', async () => {
    const used = {
      ...base,
      state: 'used' as const,
      usedAt: '2026-12-02T10:07:00.000Z',
      device: { id: 'd2', name: 'Room 2 tablet' },
    };
    const { calls } = await makeCode([base, used]);
    expect(screen.getByTestId('enroll-code-state').textContent).toContain('valid once, until');
    await waitFor(() => expect(screen.getByTestId('enroll-code-state').dataset.state).toBe('used'));
    const text = screen.getByTestId('enroll-code-state').textContent ?? '';
    expect(text).toContain('used by Room 2 tablet at 2026-12-02');
    expect(text).not.toContain('valid once');
    // The admin token (kept in memory only) goes with every question.
    const asks = calls.filter((c) => c.key.startsWith('GET'));
    for (const ask of asks)
      expect(new Headers(ask.init?.headers).get('authorization')).toBe('Bearer admin-token-0123456789');
  });

  it('shows a code that expired unused as expired', async () => {
    await makeCode([{ ...base, state: 'expired' }]);
    await waitFor(() => expect(screen.getByTestId('enroll-code-state').dataset.state).toBe('expired'));
    expect(screen.getByTestId('enroll-code-state').textContent).toContain('expired at');
  });

  it('says so when the server refuses the admin token', async () => {
    fakeServer({ 'POST /api/v1/admin/enroll-codes': { status: 401, body: { error: 'unauthorized' } } });
    await renderWithData(<EnrollCodeCard />, { withDemo: true, as: demoPerson('Morgan') });
    fireEvent.change(await screen.findByTestId('admin-token'), { target: { value: 'wrong' } });
    await waitFor(() =>
      expect((screen.getByTestId('make-enroll-code') as HTMLButtonElement).disabled).toBe(false),
    );
    fireEvent.click(screen.getByTestId('make-enroll-code'));
    expect((await screen.findByRole('alert')).textContent).toBe(
      'The server did not accept that admin token.',
    );
  });
});
