import type { CogsLine, DrawNote, VisitSummary } from '../../domain/cogs/visit';
import { BLOCKER_LABELS, FEFO_DEVIATION_LABELS, type FefoDeviationReason } from '../../domain/fefo/deviation';
import { showTime } from '../../platform/clock';
import { formatMoney } from '../../domain/money';
import type { Product } from '../../domain/model';
import { formatAmount } from '../../domain/catalog/container-word';
import { formatQuantity } from '../../domain/quantity';

/**
 * "Expired lot — approved by Casey Kim", "Not FEFO: Suggested vial damaged" ([F4], [F5]), or who
 * undid a draw.
 */
export function lineNoteText(line: CogsLine, staffName: (id: string) => string): string {
  if (line.correction) return `Undone by ${staffName(line.actorId)}`;
  return line.note ? drawNoteText(line.note, staffName) : '';
}

/** A draw's override or non-FEFO reason in words, as the pad and the visit line show it. */
export function drawNoteText(note: DrawNote, staffName: (id: string) => string): string {
  if (note.kind === 'override') {
    const what = note.blockers.map((b) => (BLOCKER_LABELS[b] ?? b).toLowerCase()).join(', ') || 'blocked';
    const lot = `${what.charAt(0).toUpperCase()}${what.slice(1)} lot`;
    return `${lot} — approved by ${staffName(note.managerId)}`;
  }
  const reason = FEFO_DEVIATION_LABELS[note.reason as FefoDeviationReason] ?? note.reason;
  return `Not FEFO: ${reason}${note.note ? ` — ${note.note}` : ''}`;
}

/** Per-draw lot, quantity and COGS (quantity × that lot's unit cost), and the visit margin. */
export function VisitSummaryView({
  summary,
  products,
  staffName,
  canUndo,
  onUndo,
}: {
  summary: VisitSummary;
  products: Product[];
  staffName: (id: string) => string;
  /** Whether the signed-in person may undo this line (their own, or with `undo_others`). */
  canUndo: (line: CogsLine) => boolean;
  onUndo: (eventId: string) => void;
}) {
  const amountOf = (line: CogsLine) => {
    const product = products.find((p) => p.name === line.productName);
    return product ? formatAmount(line.quantityMilli, product) : formatQuantity(line.quantityMilli, 'U');
  };
  const corrected = new Set(summary.lines.map((l) => l.correctsId).filter((id): id is string => id !== null));
  return (
    <section className="card" data-testid="visit-summary">
      <h3>This visit</h3>
      {summary.lines.length === 0 ? <p className="muted">No draws recorded yet.</p> : null}
      <div className="table-scroll">
        <table className="table">
          {summary.lines.length > 0 ? (
            <thead>
              <tr>
                <th scope="col">Time</th>
                <th scope="col">Product · lot · note</th>
                <th scope="col">Amount</th>
                <th scope="col">Cost</th>
                <th scope="col">
                  <span className="visually-hidden">Actions</span>
                </th>
              </tr>
            </thead>
          ) : null}
          <tbody>
            {summary.lines.map((line) => (
              <tr
                key={line.eventId}
                data-testid="summary-line"
                className={line.correction || corrected.has(line.eventId) ? 'line--void' : undefined}
              >
                <td>{showTime(line.deviceTime)}</td>
                <td>
                  {line.correction ? 'Undo · ' : ''}
                  {line.productName}
                  <span className="table__sub">lot {line.lotNumber}</span>
                  {lineNoteText(line, staffName) ? (
                    <span className="table__sub table__note" data-testid="summary-note">
                      {lineNoteText(line, staffName)}
                    </span>
                  ) : null}
                </td>
                <td>{amountOf(line)}</td>
                <td>{formatMoney(line.costCents)}</td>
                <td>
                  {!line.correction && !corrected.has(line.eventId) && canUndo(line) ? (
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
      </div>
      <p>
        Product cost (COGS): <strong data-testid="visit-cogs">{formatMoney(summary.cogsCents)}</strong>
        {summary.priceChargedCents !== null ? (
          <>
            {' '}
            · Charged {formatMoney(summary.priceChargedCents)} · Margin{' '}
            <strong
              data-testid="visit-margin"
              className={
                summary.marginCents !== null && summary.marginCents < 0 ? 'money--negative' : undefined
              }
            >
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
