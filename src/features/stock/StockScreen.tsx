import { useState } from 'react';
import { Link } from 'wouter';
import { now } from '../../platform/clock';
import { useData } from '../../platform/DataContext';
import { activeStaff, useSession, type SessionStaff } from '../../platform/session';
import { useObservable } from '../../platform/useObservable';
import { can } from '../../domain/roles';
import { ALL_LOCATIONS, shortLocationNames } from '../../domain/stock/scope';
import type { StockListView } from '../../domain/stock/view';
import { EmptyState } from '../../ui/EmptyState';
import { SignInPanel } from '../signin/SignInPanel';
import { Discrepancies } from './Discrepancies';
import { ProductStockCard } from './ProductStockCard';
import { StockToolbar } from './StockToolbar';
import { useStockChoice, useStockView } from './useStock';
import './stock.css';

/**
 * Stock at a location ([ST1]–[ST5]): the signed-in person's own by default, only the locations they
 * work at, money only for roles that may see costs, lots in stock first and used-up ones in History.
 */
export function StockScreen() {
  const data = useData();
  const productCount = useObservable<number | null>(() => data.products.watchCount(), null, [data]);
  const staff = activeStaff(useSession(), now());
  if (productCount === null) return <div data-testid="screen-stock" aria-busy="true" />;
  if (productCount === 0) return <NothingStored />;
  if (!staff)
    return (
      <div data-testid="screen-stock">
        <SignInPanel />
      </div>
    );
  // Keyed by person: after a switch the next person starts at their own location.
  return <StockFor key={staff.id} staff={staff} />;
}

function NothingStored() {
  return (
    <div data-testid="screen-stock">
      <EmptyState
        title="Stock"
        action={
          <Link href="/settings" className="button">
            Open Settings
          </Link>
        }
      >
        <p>
          Every product and lot on hand at each location, with expiry, status and value. Nothing is stored on
          this tablet yet: sync brings your clinic&apos;s stock, or load the demo clinic from Settings to try
          Chairside.
        </p>
      </EmptyState>
    </div>
  );
}

function StockFor({ staff }: { staff: SessionStaff }) {
  const choice = useStockChoice(staff);
  const [view, setView] = useState<StockListView>('in_stock');
  const chosen = choice !== null && choice !== 'no-record' ? choice.locations : [];
  const stock = useStockView(
    chosen.map((l) => l.id),
    view,
  );
  if (choice === null) return <div data-testid="screen-stock" aria-busy="true" />;
  if (choice === 'no-record' || choice.scope.locations.length === 0) {
    return (
      <div data-testid="screen-stock">
        <EmptyState title="Stock">
          <p data-testid="stock-no-location">
            {staff.name} is not set up at any location of this clinic, so there is no stock to show. Ask an
            admin to add your location.
          </p>
        </EmptyState>
      </div>
    );
  }
  const showCosts = can(staff.role, 'see_costs');
  const all = choice.choice === ALL_LOCATIONS;
  const shortNames = shortLocationNames(choice.scope.locations);
  const placeName = all ? 'all locations' : (shortNames.get(chosen[0]?.id ?? '') ?? '');
  return (
    <div data-testid="screen-stock" className="stock" aria-busy={stock === null}>
      <StockToolbar
        scope={choice.scope}
        choice={choice.choice}
        onChoose={choice.setChoice}
        placeName={placeName}
        view={view}
        onView={setView}
        counts={stock?.counts ?? null}
        totalValueCents={showCosts && view === 'in_stock' && stock ? stock.valueCents : null}
      />
      <Discrepancies locationIds={chosen.map((l) => l.id)} />
      {stock !== null && stock.products.length === 0 ? (
        <p className="muted" data-testid="stock-none">
          {view === 'in_stock' ? `Nothing in stock at ${placeName}.` : `No used-up lots at ${placeName}.`}
        </p>
      ) : null}
      {(stock?.products ?? []).map((group) => (
        <ProductStockCard
          // A new view or place starts each product at its first page.
          key={`${group.product.id}|${view}|${choice.choice ?? ''}`}
          group={group}
          view={view}
          splitLocations={all ? chosen : []}
          shortNames={shortNames}
          showCosts={showCosts}
        />
      ))}
    </div>
  );
}
