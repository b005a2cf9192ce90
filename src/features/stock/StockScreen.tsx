import { Link } from 'wouter';
import { deviceToday } from '../../platform/clock';
import type { Discrepancy, ProductStock } from '../../platform/data';
import { useData } from '../../platform/DataContext';
import { useObservable } from '../../platform/useObservable';
import { compareIsoDates } from '../../domain/dates';
import type { Lot } from '../../domain/model';
import { formatUnitCost } from '../../domain/money';
import { formatQuantity } from '../../domain/quantity';
import { EmptyState } from '../../ui/EmptyState';

function lotState(lot: Lot, today: string): { label: string; tone: 'ok' | 'warn' | 'bad' } {
  if (lot.status === 'recalled') return { label: 'Recalled', tone: 'bad' };
  if (lot.status !== 'available')
    return { label: lot.status === 'hold' ? 'On hold' : 'Quarantined', tone: 'warn' };
  if (compareIsoDates(lot.expiry, today) < 0) return { label: 'Expired', tone: 'bad' };
  return { label: 'Available', tone: 'ok' };
}

export function StockScreen() {
  const data = useData();
  const stock = useObservable<ProductStock[] | null>(() => data.stock.watch(), null, [data]);
  const today = deviceToday();
  if (stock === null) return <div data-testid="screen-stock" aria-busy="true" />;
  if (stock.length === 0) {
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
            Every product and lot on hand at each location, with expiry, status and value. Nothing is stored
            on this tablet yet: sync brings your clinic&apos;s stock, or load the demo clinic from Settings to
            try Chairside.
          </p>
        </EmptyState>
      </div>
    );
  }
  return (
    <div data-testid="screen-stock" className="stock">
      <h2>Stock</h2>
      <Discrepancies />
      {stock.map(({ product, lots }) => (
        <section key={product.id} className="card">
          <h3>{product.name}</h3>
          <table className="table">
            <thead>
              <tr>
                <th>Lot</th>
                <th>Expiry</th>
                <th>On hand</th>
                <th>Unit cost</th>
                <th>Status</th>
              </tr>
            </thead>
            <tbody>
              {lots.map(({ lot, onHandMilli }) => {
                const state = lotState(lot, today);
                return (
                  <tr key={lot.id}>
                    <td>{lot.lotNumber}</td>
                    <td>{lot.expiry}</td>
                    <td>{formatQuantity(onHandMilli, product.baseUnit)}</td>
                    <td>
                      {formatUnitCost(lot.unitCostMicros)} / {product.baseUnit}
                    </td>
                    <td>
                      <span className={`pill pill--${state.tone}`}>{state.label}</span>
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </section>
      ))}
    </div>
  );
}

/**
 * Balances below zero ([AL1]): what was recorded drawn exceeds what was recorded received — two
 * tablets drew the same vial offline, or a receipt is missing. Staff count and correct.
 */
function Discrepancies() {
  const data = useData();
  const found = useObservable<Discrepancy[]>(() => data.stock.watchDiscrepancies(), [], [data]);
  if (found.length === 0) return null;
  return (
    <section className="card card--alert" role="alert" data-testid="stock-discrepancies">
      <h3>Stock discrepancies</h3>
      <ul>
        {found.map((d) => (
          <li key={`${d.lotId}|${d.locationName}`} data-testid={`discrepancy-${d.lotId}`}>
            Lot {d.lotNumber} ({d.productName}) at {d.locationName}:{' '}
            {formatQuantity(d.onHandMilli, d.baseUnit)} on record — more was drawn than received. Count it and
            record the correction.
          </li>
        ))}
      </ul>
    </section>
  );
}
