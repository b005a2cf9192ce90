import { useMemo, useState } from 'react';
import type { Location, PurchaseOrder } from '../../../domain/model';
import { suggestedOrder } from '../../../domain/purchasing';
import { useData } from '../../../platform/DataContext';
import { useObservable } from '../../../platform/useObservable';
import type { OrdersState } from './useOrders';

const NO_STOCK = new Map<string, number>();
const NO_SUPPLIERS = { names: new Map<string, string>(), prices: new Map<string, number>() };

/**
 * The suggested order ([PO6], managers and admins): for one location, a draft per supplier with
 * every product below its minimum stock (on hand plus still on order), at the reorder quantity.
 */
export function SuggestOrder(props: {
  orders: OrdersState;
  locations: readonly Location[];
  newDraft: (locationId: string) => PurchaseOrder;
}) {
  const data = useData();
  const [locationId, setLocationId] = useState(props.locations[0]?.id ?? '');
  const [note, setNote] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const onHand = useObservable(() => data.orders.watchOnHand(locationId), NO_STOCK, [data, locationId]);
  const suppliers = useObservable(() => data.orders.watchSuppliers(), NO_SUPPLIERS, [data]);
  const { views, productList } = props.orders;
  const drafts = useMemo(() => {
    const onOrder = new Map<string, number>();
    const lastCost = new Map<string, number>();
    for (const { order, progress } of views ?? []) {
      for (const l of order.lines)
        if (l.unitCostMicros > 0 && !lastCost.has(l.productId)) lastCost.set(l.productId, l.unitCostMicros);
      const open = progress.status === 'sent' || progress.status === 'partially_received';
      if (!open || order.locationId !== locationId) continue;
      for (const l of progress.lines)
        onOrder.set(l.productId, (onOrder.get(l.productId) ?? 0) + l.shortMilli);
    }
    return suggestedOrder({
      products: productList,
      onHandMilli: onHand,
      onOrderMilli: onOrder,
      supplierNames: suppliers.names,
      supplierPrices: suppliers.prices,
      lastOrderedCost: lastCost,
    });
  }, [views, productList, onHand, suppliers, locationId]);
  const create = async () => {
    // One tap, one set of drafts: the button waits for them to be stored.
    setBusy(true);
    try {
      for (const d of drafts)
        await props.orders.save({ ...props.newDraft(locationId), supplier: d.supplier, lines: d.lines });
    } finally {
      setBusy(false);
    }
    setNote(
      drafts.length === 0
        ? 'Nothing here is below its minimum stock.'
        : `Drafts started: ${drafts.map((d) => `${d.supplier} (${d.lines.length})`).join(', ')}. Check them, then send.`,
    );
  };
  return (
    <div className="po-suggest">
      {props.locations.length > 1 ? (
        <label className="field">
          <span>Suggest for</span>
          <select
            data-testid="po-suggest-location"
            value={locationId}
            onChange={(e) => setLocationId(e.target.value)}
          >
            {props.locations.map((l) => (
              <option key={l.id} value={l.id}>
                {l.name}
              </option>
            ))}
          </select>
        </label>
      ) : null}
      <button
        type="button"
        className="button button--ghost"
        data-testid="po-suggest"
        disabled={busy}
        onClick={() => void create()}
      >
        Suggested order ({drafts.reduce((n, d) => n + d.lines.length, 0)} below minimum)
      </button>
      {note ? (
        <p role="status" className="muted" data-testid="po-suggest-note">
          {note}
        </p>
      ) : null}
    </div>
  );
}
