// @vitest-environment jsdom
import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { SignInPanel } from '../signin/SignInPanel';
import { closeDatabases, demo, fakeServer, renderWithData } from '../../platform/testing';

afterEach(async () => {
  cleanup();
  vi.unstubAllGlobals();
  await closeDatabases();
});

describe('first run [PWA6][R4]', () => {
  it('a tablet with no staff offers both ways in: a code for the clinic’s server, or the demo with its PINs', async () => {
    fakeServer({});
    await renderWithData(<SignInPanel />);
    await screen.findByTestId('first-run');
    expect(screen.getByTestId('enroll-code')).toBeTruthy();
    expect(screen.getByTestId('enroll-submit')).toBeTruthy();
    const pins = screen.getByTestId('demo-pins');
    for (const person of demo.staff) {
      const row = within(pins).getByTestId(`demo-pin-${person.id}`);
      expect(row.textContent).toContain(person.name);
      expect(row.textContent).toContain(person.demoPin);
    }
    // A clinic's server has no demo routes: no demo code is offered.
    await waitFor(() => expect(screen.queryByTestId('demo-enroll-code')).toBeNull());
  });

  it('loading the demo replaces the first run with the sign-in tiles', async () => {
    fakeServer({});
    await renderWithData(<SignInPanel />);
    fireEvent.click(await screen.findByTestId('load-demo'));
    await screen.findByTestId('sign-in', undefined, { timeout: 10_000 });
    expect(screen.queryByTestId('first-run')).toBeNull();
  });

  it('[S23] on a demo server a browser on its machine fills in a demo code with one tap', async () => {
    const { calls } = fakeServer({
      'GET /api/v1/demo': { status: 200, body: { demo: true, sameHost: true } },
      'POST /api/v1/demo/enroll-code': {
        status: 201,
        body: { id: 'c1', code: '7KQ2M-XH4RT', expiresAt: '2026-12-02T10:10:00.000Z', locationIds: [] },
      },
    });
    await renderWithData(<SignInPanel />);
    fireEvent.click(await screen.findByTestId('demo-enroll-code'));
    await waitFor(() =>
      expect((screen.getByTestId('enroll-code') as HTMLInputElement).value).toBe('7KQ2M-XH4RT'),
    );
    expect(screen.getByTestId('demo-code-note').textContent).toContain('Tap Connect');
    expect(calls.map((c) => c.key)).toContain('POST /api/v1/demo/enroll-code');
  });

  it('[S23] a demo server seen from another machine offers no demo code', async () => {
    fakeServer({ 'GET /api/v1/demo': { status: 200, body: { demo: true, sameHost: false } } });
    await renderWithData(<SignInPanel />);
    await screen.findByTestId('first-run');
    await waitFor(() => expect(screen.queryByTestId('demo-enroll-code')).toBeNull());
  });
});
