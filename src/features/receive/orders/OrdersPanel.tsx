import { useState } from 'react';
import type { Location, PurchaseOrder } from '../../../domain/model';
import { formatMoney } from '../../../domain/money';
import { orderTotalCents, type OrderStatus } from '../../../domain/purchasing';
import { can } from '../../../domain/roles';
import { deviceToday, newId } from '../../../platform/clock';
import type { SessionStaff } from '../../../platform/session';
import { OrderDetail } from './OrderDetail';
import { SuggestOrder } from './SuggestOrder';
import { STATUS_LABEL, STATUS_ORDER, STATUS_PILL } from './status';
import { useOrders } from './useOrders';
import './orders.css';

type Filter = OrderStatus | 'all';

/** A new draft for this location, numbered from the day and the id so two tablets never clash. */
function newDraft(orgId: string, locationId: string): PurchaseOrder {
  const id = newId();
  const today = deviceToday();
  return {
    id,
    orgId,
    locationId,
    supplier: '',
    reference: `PO-${today.replaceAll('-', '')}-${id.slice(-4).toUpperCase()}`,
    status: 'draft',
    orderedOn: today,
    sentAt: null,
    lines: [],
    note: '',
  };
}

/**
 * Purchase orders ([PO1]-[PO3]): the list with a status filter; managers and admins start, edit,
 * send and cancel orders, everyone who receives sees them and what has arrived against each.
 */
export function OrdersPanel(props: {
  staff: SessionStaff;
  orgId: string;
  locations: readonly Location[];
  onReceive: (order: PurchaseOrder) => void;
}) {
  const orders = useOrders(props.staff);
  const [filter, setFilter] = useState<Filter>('all');
  const [open, setOpen] = useState<PurchaseOrder | null>(null);
  const mayOrder = can(props.staff.role, 'order');
  const seeCosts = can(props.staff.role, 'see_costs');
  if (open) {
    const view = orders.views?.find((v) => v.order.id === open.id);
    return (
      <OrderDetail
        key={open.id}
        initial={view?.order ?? open}
        progress={view?.progress ?? null}
        orders={orders}
        locations={props.locations}
        mayOrder={mayOrder}
        seeCosts={seeCosts}
        onClose={() => setOpen(null)}
        onReceive={props.onReceive}
      />
    );
  }
  const shown = (orders.views ?? []).filter((v) => filter === 'all' || v.progress.status === filter);
  const firstLocation = props.locations[0]?.id ?? '';
  return (
    <section className="card po-list" data-testid="po-list" aria-busy={orders.views === null}>
      <div className="row po-list__head">
        <h2>Purchase orders</h2>
        {mayOrder ? (
          <button
            type="button"
            className="button"
            data-testid="po-new"
            onClick={() => setOpen(newDraft(props.orgId, firstLocation))}
          >
            New order
          </button>
        ) : null}
      </div>
      {mayOrder ? (
        <SuggestOrder
          orders={orders}
          locations={props.locations}
          newDraft={(locationId) => newDraft(props.orgId, locationId)}
        />
      ) : null}
      <div className="segmented" role="radiogroup" aria-label="Orders to show">
        {(['all', ...STATUS_ORDER] as const).map((f) => (
          <button
            key={f}
            type="button"
            role="radio"
            aria-checked={filter === f}
            className="button button--ghost button--small"
            data-testid={`po-filter-${f}`}
            onClick={() => setFilter(f)}
          >
            {f === 'all' ? 'All' : STATUS_LABEL[f]}
          </button>
        ))}
      </div>
      {shown.length === 0 ? (
        <p className="muted" data-testid="po-empty">
          {orders.views?.length === 0
            ? mayOrder
              ? 'No purchase orders yet: start one with New order.'
              : 'No purchase orders yet: a manager starts them.'
            : 'No orders with this status.'}
        </p>
      ) : (
        <ul className="list po-list__items">
          {shown.map(({ order, progress }) => (
            <li key={order.id} className="list__item">
              <button
                type="button"
                className="po-row"
                data-testid="po-row"
                data-status={progress.status}
                onClick={() => setOpen(order)}
              >
                <span>
                  <strong>{order.reference}</strong> · {order.supplier || 'no supplier yet'}
                  <span className="table__sub">
                    {order.lines.length} product{order.lines.length === 1 ? '' : 's'} · started{' '}
                    {order.orderedOn}
                    {seeCosts ? ` · ${formatMoney(orderTotalCents(order))}` : ''}
                  </span>
                </span>
                <span className={STATUS_PILL[progress.status]}>{STATUS_LABEL[progress.status]}</span>
              </button>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
