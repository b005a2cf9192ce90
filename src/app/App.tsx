import { useEffect } from 'react';
import { Link, Redirect, Route, Switch, useLocation } from 'wouter';
import { CatalogScreen } from '../features/catalog/CatalogScreen';
import { CountScreen } from '../features/count/CountScreen';
import { ReceiveScreen } from '../features/receive/ReceiveScreen';
import { ReportsScreen } from '../features/reports/ReportsScreen';
import { SettingsScreen } from '../features/settings/SettingsScreen';
import { StockScreen } from '../features/stock/StockScreen';
import { RoleGate } from '../features/signin/RoleBlocked';
import { TreatScreen } from '../features/treat/TreatScreen';
import { now } from '../platform/clock';
import { activeStaff, useSession } from '../platform/session';
import { Icon } from '../ui/icons';
import { Header } from './Header';
import { screensFor } from './screens';
import { useTrackSyncStatus } from './sync-status';
import { UpdateBanner } from './UpdateBanner';
import { useSync } from './useSync';

/** Only the screens the signed-in role may use (all of them while nobody is signed in, SPEC [R2]). */
function NavBar() {
  const [location] = useLocation();
  const session = useSession();
  const role = activeStaff(session, now())?.role ?? null;
  return (
    <nav className="nav" aria-label="Screens">
      {screensFor(role).map((s) => (
        <Link
          key={s.id}
          href={s.path}
          className="nav__link"
          data-testid={`nav-${s.id}`}
          aria-current={location === s.path ? 'page' : undefined}
        >
          <Icon name={s.id} />
          <span>{s.label}</span>
        </Link>
      ))}
    </nav>
  );
}

/** Marks the moment the shell is usable (database open, screen rendered) for tests and benchmarks. */
function useReadyMark() {
  useEffect(() => {
    document.documentElement.dataset.ready = 'true';
    performance.mark('chairside:ready');
  }, []);
}

export function App() {
  useTrackSyncStatus();
  useSync();
  useReadyMark();
  return (
    <div className="shell">
      <Header />
      <UpdateBanner />
      <main className="main">
        <Switch>
          <Route path="/treat" component={TreatScreen} />
          <Route path="/receive">
            <RoleGate action="receive" screen="Receive">
              <ReceiveScreen />
            </RoleGate>
          </Route>
          <Route path="/count">
            <RoleGate action="count" screen="Count">
              <CountScreen />
            </RoleGate>
          </Route>
          <Route path="/stock" component={StockScreen} />
          <Route path="/catalog" component={CatalogScreen} />
          <Route path="/reports">
            <RoleGate action="view_reports" screen="Reports">
              <ReportsScreen />
            </RoleGate>
          </Route>
          <Route path="/settings" component={SettingsScreen} />
          <Route>
            <Redirect to="/treat" replace />
          </Route>
        </Switch>
      </main>
      <NavBar />
    </div>
  );
}
