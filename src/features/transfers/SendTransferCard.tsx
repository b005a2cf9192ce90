import { useState } from 'react';
import { useData } from '../../platform/DataContext';
import type { SessionStaff } from '../../platform/session';
import { newId } from '../../platform/clock';
import { formatQuantity, parseQuantity } from '../../domain/quantity';
import type { Location } from '../../domain/model';
import type { ProductStockGroup } from '../../domain/stock/view';
import { useTransferStamp } from './useTransferStamp';

interface Props {
  staff: SessionStaff;
  from: Location;
  destinations: readonly Location[];
  /** What is in stock at `from` (the Stock screen's in-stock view of that location). */
  products: readonly ProductStockGroup[];
  onDone: (message: string) => void;
  onCancel: () => void;
}

/**
 * Send stock to another location ([TR1]): pick the destination, enter how much of each lot goes
 * (in the product's unit), send. The stock leaves this location now and is in transit until the
 * destination receives it.
 */
export function SendTransferCard({ staff, from, destinations, products, onDone, onCancel }: Props) {
  const data = useData();
  const stamp = useTransferStamp(staff, from.orgId);
  const [to, setTo] = useState(destinations[0]?.id ?? '');
  const [amounts, setAmounts] = useState<Record<string, string>>({});
  const [problem, setProblem] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const rows = products.flatMap((g) => g.lots.map((row) => ({ product: g.product, row })));

  const send = async () => {
    const lines: { lotId: string; quantityMilli: number }[] = [];
    for (const { product, row } of rows) {
      const text = amounts[row.lot.id]?.trim() ?? '';
      if (text === '') continue;
      const parsed = parseQuantity(text, product.baseUnit);
      if (!parsed.ok) return setProblem(`Lot ${row.lot.lotNumber}: ${parsed.error.message}`);
      lines.push({ lotId: row.lot.id, quantityMilli: parsed.value });
    }
    setBusy(true);
    try {
      const plan = await data.transfers.send(
        { transferId: newId(), fromLocationId: from.id, toLocationId: to, lines },
        stamp(),
      );
      if (!plan.ok) return setProblem(plan.problem);
      const name = destinations.find((d) => d.id === to)?.name ?? 'the other location';
      onDone(`Sent to ${name}: in transit until it is received there.`);
    } catch (e) {
      setProblem(`Nothing was sent: ${e instanceof Error ? e.message : String(e)}`);
    } finally {
      setBusy(false);
    }
  };

  return (
    <section className="card transfer-send" data-testid="transfer-send" aria-label="Send stock">
      <h3>Send stock from {from.name}</h3>
      <label className="field">
        <span>To</span>
        <select data-testid="transfer-to" value={to} onChange={(e) => setTo(e.target.value)}>
          {destinations.map((d) => (
            <option key={d.id} value={d.id}>
              {d.name}
            </option>
          ))}
        </select>
      </label>
      <table className="transfer-send__lots">
        <thead>
          <tr>
            <th scope="col">Product and lot</th>
            <th scope="col">On hand</th>
            <th scope="col">Send</th>
          </tr>
        </thead>
        <tbody>
          {rows.map(({ product, row }) => (
            <tr key={row.lot.id}>
              <th scope="row">
                {product.name} · lot {row.lot.lotNumber}
              </th>
              <td>{formatQuantity(row.onHandMilli, product.baseUnit)}</td>
              <td>
                <input
                  data-testid={`transfer-amount-${row.lot.lotNumber}`}
                  aria-label={`Send of lot ${row.lot.lotNumber} (${product.baseUnit})`}
                  inputMode="decimal"
                  placeholder={product.baseUnit}
                  value={amounts[row.lot.id] ?? ''}
                  onChange={(e) => setAmounts({ ...amounts, [row.lot.id]: e.target.value })}
                />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {problem ? (
        <p className="error" role="alert" data-testid="transfer-problem">
          {problem}
        </p>
      ) : null}
      <div className="transfer__actions">
        <button type="button" className="button button--ghost" onClick={onCancel} disabled={busy}>
          Back
        </button>
        <button
          type="button"
          className="button"
          data-testid="transfer-send-confirm"
          onClick={send}
          disabled={busy || !to}
        >
          Send
        </button>
      </div>
    </section>
  );
}
