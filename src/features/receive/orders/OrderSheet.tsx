import { formatAmount } from '../../../domain/catalog/container-word';
import type { PurchaseOrder } from '../../../domain/model';
import { formatMoney, formatUnitCost } from '../../../domain/money';
import { lineTotalCents, orderProgress, orderTotalCents } from '../../../domain/purchasing';
import { showDateTime } from '../../../platform/clock';
import type { OrderDetailProps } from './OrderDetail';
import { orderCsv, orderCsvName } from './order-csv';
import { STATUS_LABEL, STATUS_PILL } from './status';

function download(order: PurchaseOrder, csv: string) {
  const url = URL.createObjectURL(new Blob([csv], { type: 'text/csv;charset=utf-8' }));
  const a = document.createElement('a');
  a.href = url;
  a.download = orderCsvName(order);
  a.click();
  // The click has handed the blob to the download; the URL is not needed after this task.
  setTimeout(() => URL.revokeObjectURL(url), 0);
}

/**
 * A sent (or cancelled) order as the supplier and accounting see it ([PO1], [PO3]): the lines with
 * what has arrived against each — over and short per line — printable (print CSS keeps only this
 * sheet) and exportable as CSV.
 */
export function OrderSheet(
  props: OrderDetailProps & { onCancelOrder: (order: PurchaseOrder) => Promise<void> },
) {
  const order = props.initial;
  const { products } = props.orders;
  const progress = props.progress ?? orderProgress(order.status, order.lines, []);
  const lineProgress = new Map(progress.lines.map((l) => [l.productId, l]));
  const extras = progress.lines.filter((l) => l.orderedMilli === 0);
  const location = props.locations.find((l) => l.id === order.locationId)?.name ?? '';
  const receivable = progress.status === 'sent' || progress.status === 'partially_received';
  const amount = (productId: string, q: number) => {
    const p = products.get(productId);
    return p ? formatAmount(q, p) : String(q / 1000);
  };
  return (
    <section className="card po-sheet" data-testid="po-sheet" data-status={progress.status}>
      <div className="row po-list__head">
        <h2>
          Purchase order {order.reference}{' '}
          <span className={STATUS_PILL[progress.status]} data-testid="po-status">
            {STATUS_LABEL[progress.status]}
          </span>
        </h2>
      </div>
      <dl className="po-sheet__meta">
        <dt>Supplier</dt>
        <dd>{order.supplier}</dd>
        <dt>Deliver to</dt>
        <dd>{location}</dd>
        <dt>Started</dt>
        <dd>{order.orderedOn}</dd>
        <dt>Sent</dt>
        <dd>{order.sentAt ? showDateTime(order.sentAt) : 'not sent'}</dd>
        {order.note ? (
          <>
            <dt>Note</dt>
            <dd>{order.note}</dd>
          </>
        ) : null}
      </dl>
      <div className="table-scroll">
        <table className="table table--compact po-sheet__lines">
          <thead>
            <tr>
              <th scope="col">Product</th>
              <th scope="col">Packs</th>
              <th scope="col">Ordered</th>
              {props.seeCosts ? <th scope="col">Cost per unit</th> : null}
              <th scope="col">Expected</th>
              {props.seeCosts ? <th scope="col">Line total</th> : null}
              <th scope="col" className="po-screen-only">
                Received
              </th>
            </tr>
          </thead>
          <tbody>
            {order.lines.map((line) => {
              const p = lineProgress.get(line.productId);
              return (
                <tr key={line.productId} data-testid="po-sheet-line">
                  <td>{products.get(line.productId)?.name ?? line.productId}</td>
                  <td>{line.packs}</td>
                  <td>{amount(line.productId, line.quantityMilli)}</td>
                  {props.seeCosts ? <td>{formatUnitCost(line.unitCostMicros)}</td> : null}
                  <td>{line.expectedOn ?? '—'}</td>
                  {props.seeCosts ? <td>{formatMoney(lineTotalCents(line))}</td> : null}
                  <td className="po-screen-only" data-testid="po-sheet-received">
                    {amount(line.productId, p?.receivedMilli ?? 0)}
                    {p && p.overMilli > 0 ? (
                      <span className="pill pill--warn"> over {amount(line.productId, p.overMilli)}</span>
                    ) : null}
                    {p && p.shortMilli > 0 && p.receivedMilli > 0 ? (
                      <span className="pill pill--warn"> short {amount(line.productId, p.shortMilli)}</span>
                    ) : null}
                  </td>
                </tr>
              );
            })}
          </tbody>
          {props.seeCosts ? (
            <tfoot>
              <tr>
                <th scope="row" colSpan={5}>
                  Total
                </th>
                <td data-testid="po-total">{formatMoney(orderTotalCents(order))}</td>
                <td className="po-screen-only" />
              </tr>
            </tfoot>
          ) : null}
        </table>
      </div>
      {extras.length > 0 ? (
        <p className="warning po-screen-only" data-testid="po-extras">
          Received but not ordered:{' '}
          {extras
            .map(
              (l) =>
                `${products.get(l.productId)?.name ?? l.productId} ${amount(l.productId, l.receivedMilli)}`,
            )
            .join(', ')}
        </p>
      ) : null}
      <div className="row po-screen-only">
        {receivable ? (
          <button
            type="button"
            className="button"
            data-testid="po-receive"
            onClick={() => props.onReceive(order)}
          >
            Receive against this order
          </button>
        ) : null}
        <button
          type="button"
          className="button button--ghost"
          data-testid="po-print"
          onClick={() => window.print()}
        >
          Print
        </button>
        <button
          type="button"
          className="button button--ghost"
          data-testid="po-csv"
          onClick={() => download(order, orderCsv(order, products))}
        >
          Export CSV
        </button>
        {props.mayOrder && receivable ? (
          <button
            type="button"
            className="button button--ghost"
            data-testid="po-cancel"
            onClick={() => void props.onCancelOrder(order)}
          >
            Cancel order
          </button>
        ) : null}
        <button type="button" className="button button--ghost" data-testid="po-back" onClick={props.onClose}>
          Back to orders
        </button>
      </div>
    </section>
  );
}
