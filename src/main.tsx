/**
 * Boot order matters: open the local database first (no network involved), then render. A tablet
 * with no Wi-Fi therefore starts exactly like one with Wi-Fi.
 */
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app/App';
import { DatabaseProvider } from './app/DatabaseContext';
import { newId } from './app/runtime';
import { requestPersistentStorage } from './app/storage';
import { applyTheme, readTheme } from './app/theme';
import { openDatabase } from './db/database';
import { repairBalancesIfStale } from './db/repositories/balances';
import { ensureDeviceId } from './db/repositories/settings';
import { BootFailure } from './ui/BootFailure';
import './ui/theme.css';

applyTheme(readTheme());
const root = createRoot(document.getElementById('root') as HTMLElement);

async function boot(): Promise<void> {
  try {
    const db = await openDatabase();
    const deviceId = await ensureDeviceId(db, newId);
    // A crash between storing an event and updating its balance is mended before anyone reads stock.
    await repairBalancesIfStale(db);
    void requestPersistentStorage();
    root.render(
      <StrictMode>
        <DatabaseProvider value={{ db, deviceId }}>
          <App />
        </DatabaseProvider>
      </StrictMode>,
    );
  } catch (error) {
    root.render(<BootFailure error={error} />);
  }
}

void boot();
