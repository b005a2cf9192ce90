import type { Discrepancy } from '../../platform/data';
import { useData } from '../../platform/DataContext';
import { useObservable } from '../../platform/useObservable';
import { formatQuantity } from '../../domain/quantity';

/**
 * Balances below zero ([AL1]) at the chosen locations: what was recorded drawn exceeds what was
 * recorded received — two tablets drew the same vial offline, or a receipt is missing. Staff count
 * and correct.
 */
export function Discrepancies({ locationIds }: { locationIds: readonly string[] }) {
  const data = useData();
  const all = useObservable<Discrepancy[]>(() => data.stock.watchDiscrepancies(), [], [data]);
  const found = all.filter((d) => locationIds.includes(d.locationId));
  if (found.length === 0) return null;
  return (
    <section className="card card--alert" role="alert" data-testid="stock-discrepancies">
      <h3>Stock discrepancies</h3>
      <ul>
        {found.map((d) => (
          <li key={`${d.lotId}|${d.locationId}`} data-testid={`discrepancy-${d.lotId}`}>
            Lot {d.lotNumber} ({d.productName}) at {d.locationName}:{' '}
            {formatQuantity(d.onHandMilli, d.baseUnit)} on record — more was drawn than received. Count it and
            record the correction.
          </li>
        ))}
      </ul>
    </section>
  );
}
