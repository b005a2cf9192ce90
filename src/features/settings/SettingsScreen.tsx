import { useState } from 'react';
import { useData } from '../../platform/DataContext';
import { readTheme, saveTheme, type ThemeChoice } from '../../platform/theme';
import { DemoCard } from './DemoCard';
import { EnrollCodeCard } from './EnrollCodeCard';
import { StorageCard } from './StorageCard';
import { SyncCard } from './SyncCard';

export function SettingsScreen() {
  const { deviceId } = useData();
  const [theme, setTheme] = useState<ThemeChoice>(readTheme);
  const [refreshKey, setRefreshKey] = useState(0);
  const choose = (choice: ThemeChoice) => {
    saveTheme(choice);
    setTheme(choice);
  };
  return (
    <div data-testid="screen-settings" className="settings">
      <h2>Settings</h2>
      <SyncCard />
      <EnrollCodeCard />
      <StorageCard refreshKey={refreshKey} />
      <DemoCard onLoaded={() => setRefreshKey((k) => k + 1)} />
      <section className="card">
        <h3>Display</h3>
        <div className="segmented" role="radiogroup" aria-label="Theme">
          {(['dark', 'light', 'system'] as const).map((choice) => (
            <button
              key={choice}
              type="button"
              role="radio"
              aria-checked={theme === choice}
              className="button button--ghost"
              onClick={() => choose(choice)}
            >
              {choice === 'system' ? 'Match device' : choice === 'dark' ? 'Dark' : 'Light'}
            </button>
          ))}
        </div>
      </section>
      <section className="card">
        <h3>This tablet</h3>
        <p>
          Device id: <code data-testid="device-id">{deviceId}</code>
        </p>
        <p>Chairside {__APP_VERSION__}</p>
      </section>
    </div>
  );
}
