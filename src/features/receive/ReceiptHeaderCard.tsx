import { formatAmount } from '../../domain/catalog/container-word';
import type { Location } from '../../domain/model';
import { formatMoney } from '../../domain/money';
import { useData } from '../../platform/DataContext';
import { useObservable } from '../../platform/useObservable';
import type { ReceiptState, Received } from './useReceipt';

/** The delivery: against which purchase order (or none), from whom, into which location. */
export function HeaderCard({ receipt, locations }: { receipt: ReceiptState; locations: Location[] }) {
  const { header } = receipt;
  const data = useData();
  // The Catalog's suppliers ([CT2]) and the names products carry from before.
  const known = useObservable(() => data.suppliers.watch(), [], [data]);
  const suppliers = [
    ...new Set([
      ...known.map((s) => s.name),
      ...[...receipt.products.values()].map((p) => p.supplier).filter((s) => s !== ''),
    ]),
  ].sort();
  const against = header.order;
  return (
    <section className="card receive__header">
      <h2>Receive stock</h2>
      <div className="receive__fields">
        <label className="field receive__order">
          <span>Against purchase order</span>
          <select
            data-testid="receipt-order"
            value={against?.id ?? ''}
            onChange={(e) => header.chooseOrder(e.target.value === '' ? null : e.target.value)}
          >
            <option value="">No purchase order</option>
            {header.openOrders.map((o) => (
              <option key={o.id} value={o.id}>
                {o.reference} · {o.supplier}
              </option>
            ))}
          </select>
        </label>
        <label className="field">
          <span>Supplier</span>
          <input
            data-testid="receipt-supplier"
            list="receipt-suppliers"
            value={header.supplier}
            autoComplete="off"
            readOnly={against !== null}
            onChange={(e) => header.setSupplier(e.target.value)}
          />
          <datalist id="receipt-suppliers">
            {suppliers.map((s) => (
              <option key={s} value={s} />
            ))}
          </datalist>
        </label>
        <label className="field">
          <span>PO number{against ? '' : ' (optional)'}</span>
          <input
            data-testid="receipt-po"
            value={header.purchaseOrder}
            autoComplete="off"
            placeholder="optional"
            readOnly={against !== null}
            onChange={(e) => header.setPurchaseOrder(e.target.value)}
          />
        </label>
        <label className="field">
          <span>Into stock at</span>
          <select
            data-testid="receipt-location"
            value={header.locationId}
            onChange={(e) => header.setLocationId(e.target.value)}
          >
            {locations.map((l) => (
              <option key={l.id} value={l.id}>
                {l.name}
              </option>
            ))}
          </select>
        </label>
      </div>
    </section>
  );
}

export function ReceivedCard({
  received,
  receipt,
  seeCosts,
}: {
  received: Received;
  receipt: ReceiptState;
  seeCosts: boolean;
}) {
  const { result } = received;
  return (
    <div data-testid="screen-receive">
      <section className="card" data-testid="receipt-done" role="status">
        <h2>Received</h2>
        <ul>
          {result.lines.map(({ line, cost }) => {
            const product = receipt.products.get(line.productId);
            return (
              <li key={line.key}>
                {product?.name} lot {line.lotNumber}:{' '}
                {product ? formatAmount(cost.quantityMilli, product) : ''}
              </li>
            );
          })}
        </ul>
        <p className="muted">
          Into stock at {received.locationNames.join(' and ')}
          {seeCosts ? ` · value ${formatMoney(result.totalCents)}` : ''}.
        </p>
        <button type="button" className="button" data-testid="receipt-another" onClick={receipt.startAnother}>
          Receive another delivery
        </button>
      </section>
    </div>
  );
}
