import { useState } from 'react';
import type { Location, PurchaseOrder } from '../../../domain/model';
import { cancelOrder, type OrderProgress } from '../../../domain/purchasing';
import { DraftEditor } from './DraftEditor';
import { OrderSheet } from './OrderSheet';
import type { OrdersState } from './useOrders';

export interface OrderDetailProps {
  initial: PurchaseOrder;
  progress: OrderProgress | null;
  orders: OrdersState;
  locations: readonly Location[];
  mayOrder: boolean;
  seeCosts: boolean;
  onClose: () => void;
  onReceive: (order: PurchaseOrder) => void;
}

/** One order: a draft is edited (by those who order), anything else shown as its printable sheet. */
export function OrderDetail(props: OrderDetailProps) {
  const [error, setError] = useState<string | null>(null);
  const run = async (work: () => Promise<void>) => {
    setError(null);
    try {
      await work();
    } catch (e) {
      setError(`Nothing was stored: ${e instanceof Error ? e.message : String(e)}. Try again.`);
    }
  };
  const cancel = (order: PurchaseOrder) =>
    run(async () => {
      const r = cancelOrder(order);
      if (r.ok) await props.orders.save(r.order);
    });
  const alert = error ? (
    <p role="alert" className="error">
      {error}
    </p>
  ) : null;
  if (props.initial.status === 'draft' && props.mayOrder)
    return (
      <>
        <DraftEditor {...props} run={run} onCancelOrder={cancel} />
        {alert}
      </>
    );
  return (
    <>
      <OrderSheet {...props} onCancelOrder={cancel} />
      {alert}
    </>
  );
}
