import { useState } from 'react';
import { useData } from '../../platform/DataContext';
import { readTheme, saveTheme, type ThemeChoice } from '../../platform/theme';
import { useObservable } from '../../platform/useObservable';
import { ChartPatternCard } from './ChartPatternCard';
import { DemoCard } from './DemoCard';
import { EnrollCodeCard } from './EnrollCodeCard';
import { StarterCatalogCard } from './StarterCatalogCard';
import { StorageCard } from './StorageCard';
import { SyncCard } from './SyncCard';
import { useTabletSetup } from './useTabletSetup';

/**
 * Settings. Setting the tablet up (connect, disconnect, load the demo) is offered only to managers
 * and admins, or to anyone on a first run ([R4]); the clinic's chart pattern to managers and admins.
 */
export function SettingsScreen() {
  const data = useData();
  const { deviceId } = data;
  const setup = useTabletSetup();
  const productCount = useObservable(() => data.products.watchCount(), 0, [data]);
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
      {setup.allowed ? <DemoCard onLoaded={() => setRefreshKey((k) => k + 1)} /> : null}
      <EnrollCodeCard />
      <ChartPatternCard />
      <StarterCatalogCard />
      <StorageCard refreshKey={refreshKey} />
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
          Products on this tablet: <strong data-testid="local-product-count">{productCount}</strong>
        </p>
        <p>
          Device id: <code data-testid="device-id">{deviceId}</code>
        </p>
        <p>Chairside {__APP_VERSION__}</p>
      </section>
    </div>
  );
}
