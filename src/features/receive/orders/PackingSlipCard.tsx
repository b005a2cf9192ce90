import { formatAmount } from '../../../domain/catalog/container-word';
import type { Product } from '../../../domain/model';
import type { PackingSlip, SlipState } from '../../../domain/purchasing';
import { STATUS_LABEL } from './status';

const STATE_TEXT: Record<SlipState, string> = {
  complete: 'Complete',
  missing: 'Missing',
  short: 'Short',
  over: 'Over',
  extra: 'Not on the order',
};
const STATE_PILL: Record<SlipState, string> = {
  complete: 'pill pill--ok',
  missing: 'pill pill--bad',
  short: 'pill pill--warn',
  over: 'pill pill--warn',
  extra: 'pill pill--warn',
};

/**
 * The packing-slip check ([PO3]), live while scanning: per product, expected vs scanned (with what
 * earlier deliveries brought), what is missing, short, over or not on the order, short-dated lots,
 * and the order's status once this receipt is confirmed.
 */
export function PackingSlipCard({
  slip,
  products,
}: {
  slip: PackingSlip;
  products: ReadonlyMap<string, Product>;
}) {
  const amount = (productId: string, q: number) => {
    const p = products.get(productId);
    return p ? formatAmount(q, p) : String(q / 1000);
  };
  const name = (id: string) => products.get(id)?.name ?? 'Unknown product';
  const missing = slip.lines.filter((l) => l.missingMilli > 0);
  const dated = slip.lines.flatMap((l) => l.datedLots.map((lot) => `${name(l.productId)} lot ${lot}`));
  return (
    <section className="card po-slip" data-testid="po-slip" aria-live="polite">
      <h3>Packing-slip check</h3>
      <div className="table-scroll">
        <table className="table table--compact">
          <thead>
            <tr>
              <th scope="col">Product</th>
              <th scope="col">Expected</th>
              <th scope="col">Scanned</th>
              <th scope="col" />
            </tr>
          </thead>
          <tbody>
            {slip.lines.map((l) => (
              <tr key={l.productId} data-testid="po-slip-line" data-state={l.state}>
                <td>
                  {name(l.productId)}
                  {l.receivedBeforeMilli > 0 ? (
                    <span className="table__sub">
                      {amount(l.productId, l.receivedBeforeMilli)} came earlier
                    </span>
                  ) : null}
                </td>
                <td>{amount(l.productId, l.orderedMilli)}</td>
                <td>{amount(l.productId, l.scannedMilli)}</td>
                <td className="po-slip__state">
                  <span className={STATE_PILL[l.state]}>
                    {STATE_TEXT[l.state]}
                    {l.state === 'short' ? ` ${amount(l.productId, l.missingMilli)}` : ''}
                    {l.state === 'over' ? ` +${amount(l.productId, l.overMilli)}` : ''}
                  </span>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {missing.length > 0 ? (
        <p className="warning" data-testid="po-slip-missing">
          Still to come:{' '}
          {missing.map((l) => `${name(l.productId)} ${amount(l.productId, l.missingMilli)}`).join(', ')}
        </p>
      ) : null}
      {dated.length > 0 ? (
        <p className="warning" data-testid="po-slip-dated">
          Expired or short-dated: {dated.join(', ')}
        </p>
      ) : null}
      <p className="muted" data-testid="po-slip-after">
        Confirming leaves the order <strong>{STATUS_LABEL[slip.statusAfter].toLowerCase()}</strong>.
      </p>
    </section>
  );
}
