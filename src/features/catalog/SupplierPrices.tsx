import type { Product, SupplierPrice } from '../../domain/model';
import { formatUnitCost } from '../../domain/money';

/**
 * One supplier's prices ([CT6]): every product it has priced, newest day first within each, so a
 * price change shows as two lines (the history per product and supplier).
 */
export function SupplierPrices({
  prices,
  products,
}: {
  prices: readonly SupplierPrice[];
  products: readonly Product[];
}) {
  const byId = new Map(products.map((p) => [p.id, p]));
  const rows = prices
    .flatMap((price) => {
      const product = byId.get(price.productId);
      return product ? [{ price, product }] : [];
    })
    .sort(
      (a, b) =>
        a.product.name.localeCompare(b.product.name) || b.price.updatedOn.localeCompare(a.price.updatedOn),
    );
  return (
    <div className="table-scroll" data-testid="supplier-prices">
      <p className="muted">
        <span data-testid="supplier-price-count">{prices.length}</span> prices on file.
      </p>
      {rows.length > 0 ? (
        <table className="table table--compact">
          <thead>
            <tr>
              <th>Product</th>
              <th>Since</th>
              <th>SKU</th>
              <th className="num">Cost per unit</th>
            </tr>
          </thead>
          <tbody>
            {rows.slice(0, 200).map(({ price, product }) => (
              <tr key={price.id}>
                <td>{product.name}</td>
                <td>{price.updatedOn}</td>
                <td>{price.supplierSku || '—'}</td>
                <td className="num">
                  {formatUnitCost(price.unitCostMicros)} / {product.baseUnit}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
      {rows.length > 200 ? <p className="muted">The first 200 of {rows.length}; export for all.</p> : null}
    </div>
  );
}
