import { useState } from 'react';
import type { Location } from '../../domain/model';
import { formatMoney } from '../../domain/money';
import { formatQuantity } from '../../domain/quantity';
import { unitCostCents, type ProductStockGroup, type StockListView } from '../../domain/stock/view';

/**
 * Lots shown per product before "Show more": a product's lots in stock rarely pass it, while years of
 * used-up lots (History) would otherwise be thousands of rows (decisions/2026-12-02_stock-paging.md).
 */
export const LOTS_PER_PAGE = 10;

/** One product: its lots at the chosen location(s), FEFO first, with totals ([ST3]–[ST5]). */
export function ProductStockCard({
  group,
  view,
  splitLocations,
  shortNames,
  showCosts,
}: {
  group: ProductStockGroup;
  view: StockListView;
  /** With "All locations": one column per location before the total ([ST2]); else empty. */
  splitLocations: Location[];
  shortNames: Map<string, string>;
  showCosts: boolean;
}) {
  const [shown, setShown] = useState(LOTS_PER_PAGE);
  const { product, lots } = group;
  const unit = product.baseUnit;
  const visible = lots.slice(0, shown);
  const hidden = lots.length - visible.length;
  // History lists lots with nothing left: quantities and values there would all be zero.
  const history = view === 'history';
  const split = splitLocations.length > 0 && !history;
  return (
    <section
      className={`card stock__product${split ? ' stock__product--split' : ''}`}
      data-testid={`stock-product-${product.id}`}
    >
      <div className="stock__product-head">
        <h3>{product.name}</h3>
        <p className="stock__product-total" data-testid="product-total">
          {history ? (
            `${lots.length} used-up ${lots.length === 1 ? 'lot' : 'lots'}`
          ) : (
            <>
              {formatQuantity(group.onHandMilli, unit)} on hand
              {showCosts ? <strong> · {formatMoney(group.valueCents)}</strong> : null}
            </>
          )}
        </p>
      </div>
      <table className="table">
        <thead>
          <tr>
            <th scope="col">Lot</th>
            <th scope="col" className="col-date">
              Expiry
            </th>
            {split
              ? splitLocations.map((l) => (
                  <th scope="col" key={l.id} className="num">
                    {shortNames.get(l.id) ?? l.name}
                  </th>
                ))
              : null}
            {history ? null : (
              <th scope="col" className="num col-qty">
                {split ? 'Total' : 'On hand'}
              </th>
            )}
            {showCosts ? (
              <>
                <th scope="col" className="num col-cost">
                  Unit cost
                </th>
                {history ? null : (
                  <th scope="col" className="num col-value">
                    Value
                  </th>
                )}
              </>
            ) : null}
            <th scope="col" className="col-status">
              Status
            </th>
          </tr>
        </thead>
        <tbody>
          {visible.map((row) => (
            <tr key={row.lot.id} data-testid={`stock-lot-${row.lot.lotNumber}`}>
              <td>{row.lot.lotNumber}</td>
              <td className="col-date">{row.lot.expiry}</td>
              {split
                ? row.byLocation.map((q) => (
                    <td key={q.locationId} className="num" data-testid={`at-${q.locationId}`}>
                      {formatQuantity(q.onHandMilli, unit)}
                    </td>
                  ))
                : null}
              {history ? null : <td className="num">{formatQuantity(row.onHandMilli, unit)}</td>}
              {showCosts ? (
                <>
                  <td className="num">
                    {formatMoney(unitCostCents(row.lot.unitCostMicros))} / {unit}
                  </td>
                  {history ? null : <td className="num">{formatMoney(row.valueCents)}</td>}
                </>
              ) : null}
              <td>
                <span className={`pill pill--${row.state.tone}`}>{row.state.label}</span>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {hidden > 0 ? (
        <button
          type="button"
          className="button button--ghost stock__more"
          data-testid={`stock-more-${product.id}`}
          onClick={() => setShown((n) => n + LOTS_PER_PAGE)}
        >
          Show {Math.min(LOTS_PER_PAGE, hidden)} more ({hidden} not shown)
        </button>
      ) : null}
    </section>
  );
}
