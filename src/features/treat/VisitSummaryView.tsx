import type { VisitSummary } from '../../domain/cogs/visit';
import { formatMoney } from '../../domain/money';
import type { Product } from '../../domain/model';
import { formatQuantity } from '../../domain/quantity';

/** Per-draw lot, quantity and COGS (quantity × that lot's unit cost), and the visit margin. */
export function VisitSummaryView({
  summary,
  products,
  onUndo,
}: {
  summary: VisitSummary;
  products: Product[];
  onUndo: (eventId: string) => void;
}) {
  const unitOf = (name: string) => products.find((p) => p.name === name)?.baseUnit ?? 'U';
  const corrected = new Set(summary.lines.map((l) => l.correctsId).filter((id): id is string => id !== null));
  return (
    <section className="card" data-testid="visit-summary">
      <h3>This visit</h3>
      {summary.lines.length === 0 ? <p className="muted">No draws recorded yet.</p> : null}
      <table className="table">
        <tbody>
          {summary.lines.map((line) => (
            <tr
              key={line.eventId}
              data-testid="summary-line"
              className={line.correction || corrected.has(line.eventId) ? 'line--void' : undefined}
            >
              <td>
                {line.correction ? 'Undo · ' : ''}
                {line.productName}
              </td>
              <td>lot {line.lotNumber}</td>
              <td>{formatQuantity(line.quantityMilli, unitOf(line.productName))}</td>
              <td>{formatMoney(line.costCents)}</td>
              <td>
                {!line.correction && !corrected.has(line.eventId) ? (
                  <button
                    type="button"
                    className="button button--ghost button--small"
                    data-testid={`undo-${line.eventId}`}
                    onClick={() => onUndo(line.eventId)}
                  >
                    Undo
                  </button>
                ) : null}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <p>
        Product cost (COGS): <strong data-testid="visit-cogs">{formatMoney(summary.cogsCents)}</strong>
        {summary.priceChargedCents !== null ? (
          <>
            {' '}
            · Charged {formatMoney(summary.priceChargedCents)} · Margin{' '}
            <strong data-testid="visit-margin">
              {summary.marginCents === null ? '—' : formatMoney(summary.marginCents)}
            </strong>
          </>
        ) : null}
      </p>
      {summary.unpricedEventIds.length > 0 ? (
        <p role="status">
          {summary.unpricedEventIds.length} draw(s) await their lot from sync and are not priced yet.
        </p>
      ) : null}
    </section>
  );
}
