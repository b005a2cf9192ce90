import { useMemo } from 'react';
import { priceHistory } from '../../domain/catalog/price-history';
import type { LedgerEvent, Product, PurchaseOrder } from '../../domain/model';
import { formatUnitCost } from '../../domain/money';
import { useData } from '../../platform/DataContext';
import { useObservable } from '../../platform/useObservable';
import type { CatalogData } from './useCatalog';

/** What each supplier's lists said and each receipt cost per unit, newest first ([CT6]). */
export function PriceHistory({ product, catalog }: { product: Product; catalog: CatalogData }) {
  const data = useData();
  const receipts = useObservable<LedgerEvent[]>(
    () => data.products.watchReceipts(product.id),
    [],
    [data, product.id],
  );
  const orders = useObservable<PurchaseOrder[]>(() => data.orders.watch(), [], [data]);
  const entries = useMemo(
    () =>
      priceHistory({
        prices: catalog.prices.filter((p) => p.productId === product.id),
        receipts,
        suppliers: catalog.suppliers,
        orders,
        productId: product.id,
      }),
    [catalog.prices, catalog.suppliers, receipts, orders, product.id],
  );
  return (
    <div data-testid="price-history">
      <h4>Price history (per {product.baseUnit})</h4>
      {entries.length === 0 ? (
        <p className="muted">No price list, order or receipt names a price for this product yet.</p>
      ) : (
        <div className="table-scroll">
          <table className="table table--compact">
            <thead>
              <tr>
                <th>Day</th>
                <th>Supplier</th>
                <th>From</th>
                <th className="num">Cost per {product.baseUnit}</th>
              </tr>
            </thead>
            <tbody>
              {entries.map((e, i) => (
                <tr key={`${e.on}-${e.source}-${i}`}>
                  <td>{e.on}</td>
                  <td>{e.supplier || '—'}</td>
                  <td>
                    {e.source}
                    {e.reference ? <span className="table__sub">{e.reference}</span> : null}
                  </td>
                  <td className="num">{formatUnitCost(e.unitCostMicros)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </div>
  );
}
