import { combineLatest } from 'rxjs';
import { formatUnitCost } from '../../domain/money';
import type { Product, PurchaseOrder, Supplier } from '../../domain/model';
import { supplierPerformance, type Delivery } from '../../domain/purchasing';
import { matchKey } from '../../domain/catalog/text-match';
import { useData } from '../../platform/DataContext';
import { useObservable } from '../../platform/useObservable';

const days = (n: number | null) => (n === null ? 'not known' : `${n} day${n === 1 ? '' : 's'}`);

/**
 * How a supplier actually performed ([PO7]): from the orders sent to it and what arrived against
 * them — on time or late, lead time promised vs actual, short deliveries, price changes.
 */
export function SupplierPerformanceCard({
  supplier,
  suppliers,
  products,
  seeCosts,
}: {
  supplier: Supplier;
  suppliers: readonly Supplier[];
  products: readonly Product[];
  seeCosts: boolean;
}) {
  const data = useData();
  const [orders, deliveries] = useObservable<[PurchaseOrder[], Map<string, Delivery[]>]>(
    () => combineLatest([data.orders.watch(), data.orders.watchDeliveries()]),
    [[], new Map()],
    [data],
  );
  const mine = orders.filter((o) => matchKey(o.supplier) === matchKey(supplier.name));
  const [figures] = supplierPerformance(mine, deliveries, suppliers);
  const productName = (id: string) => products.find((p) => p.id === id)?.name ?? 'a product';
  return (
    <section
      className="card supplier-performance"
      data-testid="supplier-performance"
      aria-label="Performance"
    >
      <h4>Performance</h4>
      {!figures ? (
        <p className="muted">No orders sent to {supplier.name} yet.</p>
      ) : (
        <dl className="supplier-performance__figures">
          <dt>Orders sent</dt>
          <dd data-testid="perf-sent">{figures.sent}</dd>
          <dt>Delivered</dt>
          <dd data-testid="perf-delivered">{figures.delivered}</dd>
          <dt>On time / late</dt>
          <dd data-testid="perf-on-time">
            {figures.onTime} on time · {figures.late} late
          </dd>
          <dt>Lead time</dt>
          <dd data-testid="perf-lead">
            promised {days(figures.promisedLeadDays)} · actual {days(figures.actualLeadDays)}
          </dd>
          <dt>Short deliveries</dt>
          <dd data-testid="perf-short">{figures.short}</dd>
          {seeCosts ? (
            <>
              <dt>Price changes</dt>
              <dd data-testid="perf-prices">
                {figures.priceChanges.length === 0
                  ? 'none'
                  : figures.priceChanges
                      .map(
                        (c) =>
                          `${productName(c.productId)} ${formatUnitCost(c.fromMicros)} → ${formatUnitCost(c.toMicros)} (${c.on})`,
                      )
                      .join('; ')}
              </dd>
            </>
          ) : null}
        </dl>
      )}
    </section>
  );
}
