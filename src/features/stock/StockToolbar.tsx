import { formatMoney } from '../../domain/money';
import { ALL_LOCATIONS, type StockScope } from '../../domain/stock/scope';
import type { StockListView } from '../../domain/stock/view';

const VIEW_LABEL: Record<StockListView, string> = { in_stock: 'In stock', history: 'History' };

/** Where (one location, or All for managers), which lots (in stock / used up), and the total value. */
export function StockToolbar({
  scope,
  choice,
  onChoose,
  placeName,
  view,
  onView,
  counts,
  totalValueCents,
}: {
  scope: StockScope;
  choice: string | null;
  onChoose: (choice: string) => void;
  /** What the choice is called in the total ("Main St", "all locations"). */
  placeName: string;
  view: StockListView;
  onView: (view: StockListView) => void;
  counts: Record<StockListView, number> | null;
  /** Null for roles that may not see costs ([ST3]): no money on screen at all. */
  totalValueCents: number | null;
}) {
  const single = scope.locations.length === 1 && !scope.allowAll ? scope.locations[0] : undefined;
  return (
    <div className="stock__toolbar">
      <h2>Stock</h2>
      {single ? (
        <p className="stock__place" data-testid="stock-location-only">
          <span className="field__label">Location</span>
          <strong>{single.name}</strong>
        </p>
      ) : (
        <label className="field stock__place">
          <span>Location</span>
          <select
            data-testid="stock-location"
            value={choice ?? ''}
            onChange={(e) => onChoose(e.currentTarget.value)}
          >
            {scope.locations.map((l) => (
              <option key={l.id} value={l.id}>
                {l.name}
              </option>
            ))}
            {scope.allowAll ? <option value={ALL_LOCATIONS}>All locations</option> : null}
          </select>
        </label>
      )}
      <div className="segmented" role="radiogroup" aria-label="Lots to show">
        {(['in_stock', 'history'] as const).map((v) => (
          <button
            key={v}
            type="button"
            role="radio"
            aria-checked={view === v}
            className="button button--ghost"
            data-testid={`stock-view-${v}`}
            onClick={() => onView(v)}
          >
            {VIEW_LABEL[v]}
            {counts ? ` (${counts[v]})` : ''}
          </button>
        ))}
      </div>
      {totalValueCents !== null ? (
        <p className="stock__total" data-testid="stock-total-value">
          <span className="field__label">Stock value, {placeName}</span>
          <strong>{formatMoney(totalValueCents)}</strong>
        </p>
      ) : null}
    </div>
  );
}
