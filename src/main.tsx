/**
 * Boot order matters: open the local database first (no network involved), then render. A tablet
 * with no Wi-Fi therefore starts exactly like one with Wi-Fi.
 */
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app/App';
import { DatabaseProvider } from './app/DatabaseContext';
import type { ChairsideDatabase } from './db/collections';
import { openDatabase } from './db/database';
import { auditBalances, liveBalances } from './db/repositories/balances';
import { ensureDeviceId } from './db/repositories/settings';
import { newId } from './platform/clock';
import { createData } from './platform/data';
import { DataProvider } from './platform/DataContext';
import { requestPersistentStorage } from './platform/storage';
import { applyTheme, readTheme } from './platform/theme';
import { BootFailure } from './ui/BootFailure';
import './ui/theme.css';

const AUDIT_DELAY_MS = 30_000;

applyTheme(readTheme());
const root = createRoot(document.getElementById('root') as HTMLElement);

async function boot(): Promise<void> {
  try {
    const db = await openDatabase();
    const deviceId = await ensureDeviceId(db, newId);
    // Balances load in the background: the snapshot plus the events stored after it ([L11]).
    // Boot never reads the ledger; the full check runs once the tablet is idle.
    liveBalances(db);
    scheduleAudit(db);
    void requestPersistentStorage();
    root.render(
      <StrictMode>
        <DatabaseProvider value={{ db, deviceId }}>
          <DataProvider value={createData(db, deviceId)}>
            <App />
          </DataProvider>
        </DatabaseProvider>
      </StrictMode>,
    );
  } catch (error) {
    root.render(<BootFailure error={error} />);
  }
}

/** Σ eventCount against the ledger's size, long after boot and when the tablet is idle ([L11]). */
function scheduleAudit(db: ChairsideDatabase): void {
  const run = () => void auditBalances(db).catch(() => undefined);
  setTimeout(() => {
    if ('requestIdleCallback' in window) window.requestIdleCallback(run, { timeout: 60_000 });
    else run();
  }, AUDIT_DELAY_MS);
}

void boot();
