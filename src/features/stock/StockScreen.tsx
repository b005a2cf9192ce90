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
import { TransfersPanel } from '../transfers/TransfersPanel';
import { useStock } from './useStock';
import './stock.css';

/**
 * Stock at a location ([ST1]–[ST5]): the signed-in person's own by default, only the locations they
 * work at, money only for roles that may see costs, lots in stock first and used-up ones in History.
 */
export function StockScreen() {
  const staff = activeStaff(useSession(), now());
  // Keyed by person: after a switch the next person starts at their own location.
  return staff ? <StockFor key={staff.id} staff={staff} /> : <SignedOut />;
}

/** Nobody signed in: the sign-in pad, or what Stock is for when the tablet holds nothing yet. */
function SignedOut() {
  const productCount = useProductCount();
  if (productCount === null) return <div data-testid="screen-stock" aria-busy="true" />;
  if (productCount === 0) return <NothingStored />;
  return (
    <div data-testid="screen-stock">
      <SignInPanel />
    </div>
  );
}

function useProductCount(): number | null {
  const data = useData();
  return useObservable<number | null>(() => data.products.watchCount(), null, [data]);
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
  const productCount = useProductCount();
  const [picked, setPicked] = useState<string | null>(null);
  const [view, setView] = useState<StockListView>('in_stock');
  const state = useStock(staff, picked, view);
  if (productCount === 0) return <NothingStored />;
  if (state === null) return <div data-testid="screen-stock" aria-busy="true" />;
  if (state.kind === 'no-location') {
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
  const { choice } = state;
  const stock = state.kind === 'ready' ? state.view : null;
  const showCosts = can(staff.role, 'see_costs');
  const all = choice.choice === ALL_LOCATIONS;
  const shortNames = shortLocationNames(choice.scope.locations);
  const placeName = all ? 'all locations' : (shortNames.get(choice.locations[0]?.id ?? '') ?? '');
  return (
    <div data-testid="screen-stock" className="stock" aria-busy={stock === null}>
      <StockToolbar
        scope={choice.scope}
        choice={picked ?? choice.choice}
        onChoose={setPicked}
        placeName={placeName}
        view={view}
        onView={setView}
        counts={stock?.counts ?? null}
        totalValueCents={showCosts && view === 'in_stock' && stock ? stock.valueCents : null}
      />
      <Discrepancies locationIds={choice.locations.map((l) => l.id)} />
      <TransfersPanel
        staff={staff}
        shown={choice.locations}
        inStock={!all && view === 'in_stock' && stock ? stock.products : null}
      />
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
          splitLocations={all ? choice.locations : []}
          shortNames={shortNames}
          showCosts={showCosts}
        />
      ))}
    </div>
  );
}
