/**
 * Purchase orders on the Receive screen ([PO1]-[PO3]): the orders with their status as it follows
 * from the receipts against them, the products to order, and saving an order as the signed-in
 * person. The rules are the domain's (src/domain/purchasing); this hook holds no order state.
 */
import { useMemo } from 'react';
import type { Product, PurchaseOrder } from '../../../domain/model';
import { orderProgress, type OrderProgress, type ReceivedAgainstOrder } from '../../../domain/purchasing';
import { now } from '../../../platform/clock';
import { useData } from '../../../platform/DataContext';
import type { SessionStaff } from '../../../platform/session';
import { useObservable } from '../../../platform/useObservable';

export interface OrderView {
  order: PurchaseOrder;
  progress: OrderProgress;
}

const NO_RECEIPTS = new Map<string, ReceivedAgainstOrder[]>();

export function useOrders(staff: SessionStaff) {
  const data = useData();
  const orders = useObservable<PurchaseOrder[] | null>(() => data.orders.watch(), null, [data]);
  const receipts = useObservable(() => data.orders.watchReceipts(), NO_RECEIPTS, [data]);
  const products = useObservable<Product[]>(() => data.products.watch(), [], [data]);
  const byId = useMemo(() => new Map(products.map((p) => [p.id, p])), [products]);
  const views = useMemo<OrderView[] | null>(
    () =>
      orders?.map((order) => ({
        order,
        progress: orderProgress(order.status, order.lines, receipts.get(order.id) ?? []),
      })) ?? null,
    [orders, receipts],
  );
  const save = (order: PurchaseOrder) =>
    data.orders.save(order, { deviceId: data.deviceId, actorId: staff.id, nowMs: now() });
  return { views, receipts, products: byId, productList: products, save };
}

export type OrdersState = ReturnType<typeof useOrders>;
