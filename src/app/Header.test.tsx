// @vitest-environment jsdom
import { cleanup, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { Header, unsyncedText } from './Header';
import { useSyncStatus } from './sync-status';

afterEach(cleanup);

describe('header sync status', () => {
  it('[PWA4] states connection and the records only on this tablet', () => {
    useSyncStatus.setState({ online: true, connection: 'live', unsynced: 2, message: null, clockSkewMs: 0 });
    render(<Header />);
    expect(screen.getByTestId('sync-status').textContent).toBe('Synced live · 2 records only on this tablet');
  });

  it('[PWA4] counts ledger entries and record edits alike, as records', () => {
    useSyncStatus.getState().setUnsynced({ events: 2, records: 1 });
    useSyncStatus.setState({ online: true, connection: 'live' });
    render(<Header />);
    expect(screen.getByTestId('sync-status').textContent).toBe('Synced live · 3 records only on this tablet');
    expect(unsyncedText(1)).toBe('1 record only on this tablet');
    expect(unsyncedText(null)).toBe('counting…');
  });

  it('[S9] warns when the tablet clock is more than 5 minutes off the server', () => {
    useSyncStatus.getState().notePull('2026-11-23T12:00:00.000Z', Date.parse('2026-11-23T12:07:00.000Z'));
    render(<Header />);
    expect(screen.getByTestId('clock-skew').textContent).toContain('7 min off');
  });

  it('[S9] says nothing about a skew within 5 minutes', () => {
    useSyncStatus.getState().notePull('2026-11-23T12:00:00.000Z', Date.parse('2026-11-23T12:04:00.000Z'));
    render(<Header />);
    expect(screen.queryByTestId('clock-skew')).toBeNull();
  });

  it('[S3] shows why sync stopped, in plain words', () => {
    useSyncStatus.setState({
      online: true,
      connection: 'error',
      message: 'A newer version of Chairside is required to sync.',
      clockSkewMs: null,
    });
    render(<Header />);
    expect(screen.getByTestId('sync-error').textContent).toContain('newer version');
  });
});
