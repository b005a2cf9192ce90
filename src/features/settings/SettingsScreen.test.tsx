// @vitest-environment jsdom
import { cleanup, screen, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { SettingsScreen } from './SettingsScreen';
import { closeDatabases, demoPerson, fakeServer, renderWithData } from '../../platform/testing';

afterEach(async () => {
  cleanup();
  vi.unstubAllGlobals();
  await closeDatabases();
});

/** Settings after the staff list has been read (the setup cards wait for it). */
async function settings(opts: Parameters<typeof renderWithData>[1] = {}) {
  fakeServer({});
  vi.stubGlobal('__APP_VERSION__', 'test');
  const rendered = await renderWithData(<SettingsScreen />, opts);
  await waitFor(() =>
    expect(screen.queryByTestId('demo-card') ?? screen.queryByTestId('setup-locked')).not.toBeNull(),
  );
  return rendered;
}

describe('Settings by role [R4]', () => {
  it('a first run (no staff, nobody signed in) offers connecting and the demo', async () => {
    await settings();
    expect(screen.getByTestId('enroll-code')).toBeTruthy();
    expect(screen.getByTestId('load-demo')).toBeTruthy();
    expect(screen.queryByTestId('setup-locked')).toBeNull();
  });

  it('with the demo loaded and nobody signed in, neither is offered: a manager or admin signs in', async () => {
    await settings({ withDemo: true });
    expect(screen.queryByTestId('load-demo')).toBeNull();
    expect(screen.queryByTestId('enroll-code')).toBeNull();
    expect(screen.getByTestId('setup-locked').textContent).toContain('managers and admins');
  });

  it('front desk sees no Load demo, no Connect and no chart pattern; what they can change stays', async () => {
    await settings({ withDemo: true, as: demoPerson('Sam') });
    expect(screen.queryByTestId('load-demo')).toBeNull();
    expect(screen.queryByTestId('enroll-submit')).toBeNull();
    expect(screen.queryByTestId('chart-pattern-card')).toBeNull();
    expect(screen.getByTestId('sync-not-enrolled')).toBeTruthy();
    expect(screen.getByRole('radiogroup', { name: 'Theme' })).toBeTruthy();
  });

  it('a manager may connect, load the demo and set the chart pattern; devices stay the admin’s', async () => {
    await settings({ withDemo: true, as: demoPerson('Casey') });
    expect(screen.getByTestId('load-demo')).toBeTruthy();
    expect(screen.getByTestId('enroll-code')).toBeTruthy();
    expect(screen.getByTestId('chart-pattern-card')).toBeTruthy();
    expect(screen.queryByTestId('enroll-code-card')).toBeNull();
  });
});
