// @vitest-environment jsdom
// jsdom has no service worker, so the registration hook is replaced by a controllable stand-in;
// the real service-worker update path is covered by tests/e2e/update.test.ts in Chromium.
import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { useSyncStatus } from './sync-status';
import { UpdateBanner } from './UpdateBanner';

const updateServiceWorker = vi.fn(async () => undefined);
let needRefresh = true;
vi.mock('virtual:pwa-register/react', () => ({
  useRegisterSW: () => ({
    needRefresh: [needRefresh, () => undefined],
    offlineReady: [false, () => undefined],
    updateServiceWorker,
  }),
}));

beforeEach(() => {
  needRefresh = true;
  useSyncStatus.setState({ connection: 'live' });
  updateServiceWorker.mockClear();
});
afterEach(cleanup);

describe('update banner', () => {
  it('[PWA3] refuses to reload while this tablet holds unsynced work', () => {
    useSyncStatus.setState({ unsynced: 2 });
    render(<UpdateBanner />);
    expect(screen.getByTestId('update-blocked').textContent).toContain(
      '2 changes on this tablet not yet synced',
    );
    const button = screen.getByRole('button', { name: 'Update now' }) as HTMLButtonElement;
    expect(button.disabled).toBe(true);
    fireEvent.click(button);
    expect(updateServiceWorker).not.toHaveBeenCalled();
  });

  it('[PWA3] applies the update when staff accept and nothing is unsynced', () => {
    useSyncStatus.setState({ unsynced: 0 });
    render(<UpdateBanner />);
    fireEvent.click(screen.getByRole('button', { name: 'Update now' }));
    expect(updateServiceWorker).toHaveBeenCalledWith(true);
  });

  it('[S3] offers the update despite unsynced work when the server refuses this version', () => {
    useSyncStatus.setState({ unsynced: 3, connection: 'update_required' });
    render(<UpdateBanner />);
    expect(screen.queryByTestId('update-blocked')).toBeNull();
    expect(screen.getByTestId('update-keeps-work').textContent).toContain(
      'Your 3 changes stay on this tablet',
    );
    fireEvent.click(screen.getByRole('button', { name: 'Update now' }));
    expect(updateServiceWorker).toHaveBeenCalledWith(true);
  });

  it('shows nothing when no new version is waiting', () => {
    needRefresh = false;
    render(<UpdateBanner />);
    expect(screen.queryByTestId('update-banner')).toBeNull();
  });
});
