import { useState } from 'react';
import type { PurchaseOrder } from '../../../domain/model';
import { formatMoney } from '../../../domain/money';
import { orderLine, orderTotalCents, sendOrder, sendProblems } from '../../../domain/purchasing';
import { now } from '../../../platform/clock';
import type { OrderDetailProps } from './OrderDetail';
import { OrderLineRow } from './OrderLineRow';

/**
 * A draft purchase order ([PO1], managers and admins): supplier, PO number, where it is delivered,
 * the lines and the total; saved as a draft, sent (which stamps the time), or cancelled.
 */
export function DraftEditor(
  props: OrderDetailProps & {
    run: (work: () => Promise<void>) => Promise<void>;
    onCancelOrder: (order: PurchaseOrder) => Promise<void>;
  },
) {
  const { orders } = props;
  const [order, setOrder] = useState<PurchaseOrder>(props.initial);
  const [tried, setTried] = useState(false);
  const [saved, setSaved] = useState<string | null>(null);
  const edit = (change: Partial<PurchaseOrder>) => {
    setSaved(null);
    setOrder((o) => ({ ...o, ...change }));
  };
  const onOrder = new Set(order.lines.map((l) => l.productId));
  // Archived products leave pickers ([CT3]); they stay on orders already made.
  const addable = orders.productList.filter((p) => !p.archived && !onOrder.has(p.id));
  const suppliers = [...new Set(orders.productList.map((p) => p.supplier).filter((s) => s !== ''))].sort();
  const problems = sendProblems(order);
  const stored = orders.views?.some((v) => v.order.id === order.id) ?? false;
  const save = () =>
    props.run(async () => {
      await orders.save(order);
      setSaved('Draft saved.');
    });
  const send = () =>
    props.run(async () => {
      setTried(true);
      const r = sendOrder(order, new Date(now()).toISOString());
      if (!r.ok) return;
      await orders.save(r.order);
      props.onClose();
    });
  return (
    <section className="card po-editor" data-testid="po-editor">
      <div className="row po-list__head">
        <h2>Draft order {order.reference}</h2>
        <button type="button" className="button button--ghost" data-testid="po-back" onClick={props.onClose}>
          Back to orders
        </button>
      </div>
      <div className="receive__fields">
        <label className="field">
          <span>Supplier</span>
          <input
            data-testid="po-supplier"
            list="po-suppliers"
            autoComplete="off"
            value={order.supplier}
            onChange={(e) => edit({ supplier: e.target.value })}
          />
          <datalist id="po-suppliers">
            {suppliers.map((s) => (
              <option key={s} value={s} />
            ))}
          </datalist>
        </label>
        <label className="field">
          <span>PO number</span>
          <input
            data-testid="po-reference"
            autoComplete="off"
            value={order.reference}
            onChange={(e) => edit({ reference: e.target.value })}
          />
        </label>
        <label className="field">
          <span>Deliver to</span>
          <select
            data-testid="po-location"
            value={order.locationId}
            onChange={(e) => edit({ locationId: e.target.value })}
          >
            {props.locations.map((l) => (
              <option key={l.id} value={l.id}>
                {l.name}
              </option>
            ))}
          </select>
        </label>
      </div>
      <ul className="receipt-lines po-lines" aria-label="Products on this order">
        {order.lines.map((line, i) => (
          <OrderLineRow
            key={line.productId}
            line={line}
            product={orders.products.get(line.productId)}
            onChange={(next) => edit({ lines: order.lines.map((l, j) => (j === i ? next : l)) })}
            onRemove={() => edit({ lines: order.lines.filter((_, j) => j !== i) })}
          />
        ))}
      </ul>
      <label className="field">
        <span>Add a product</span>
        <select
          data-testid="po-add-product"
          value=""
          onChange={(e) => {
            const product = orders.products.get(e.target.value);
            if (product) edit({ lines: [...order.lines, orderLine(product.id, product, 1, 0)] });
          }}
        >
          <option value="">Choose a product…</option>
          {addable.map((p) => (
            <option key={p.id} value={p.id}>
              {p.name}
            </option>
          ))}
        </select>
      </label>
      <label className="field">
        <span>Note for the supplier</span>
        <input data-testid="po-note" value={order.note} onChange={(e) => edit({ note: e.target.value })} />
      </label>
      <p className="po-total">
        Total <strong data-testid="po-total">{formatMoney(orderTotalCents(order))}</strong>
      </p>
      <div className="row">
        <button type="button" className="button" data-testid="po-send" onClick={() => void send()}>
          Send to supplier
        </button>
        <button
          type="button"
          className="button button--ghost"
          data-testid="po-save"
          onClick={() => void save()}
        >
          Save draft
        </button>
        {stored ? (
          <button
            type="button"
            className="button button--ghost"
            data-testid="po-cancel"
            onClick={() => void props.onCancelOrder(order).then(props.onClose)}
          >
            Cancel order
          </button>
        ) : (
          // Never saved: nothing to cancel on other tablets, so nothing is stored.
          <button
            type="button"
            className="button button--ghost"
            data-testid="po-discard"
            onClick={props.onClose}
          >
            Discard draft
          </button>
        )}
      </div>
      {saved ? (
        <p role="status" className="muted" data-testid="po-saved">
          {saved}
        </p>
      ) : null}
      {tried && problems.length > 0 ? (
        <ul className="error" data-testid="po-problems">
          {problems.map((p) => (
            <li key={p.message}>{p.message}</li>
          ))}
        </ul>
      ) : null}
    </section>
  );
}
