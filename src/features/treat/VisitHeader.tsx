import { useState } from 'react';
import { usedByProduct, type VisitSummary } from '../../domain/cogs/visit';
import type { Product, Visit } from '../../domain/model';
import { formatMoney } from '../../domain/money';
import { formatQuantity } from '../../domain/quantity';
import { useBringIntoView } from '../../ui/useBringIntoView';

/**
 * The visit's header: whose visit, where, what is being treated; the scanner toggle; and "Done with
 * this visit", which first shows what the visit recorded so nothing is closed by accident ([T7]).
 */
export function VisitHeader({
  visit,
  providerName,
  locationName,
  summary,
  products,
  scanOpen,
  onScan,
  onDone,
}: {
  visit: Visit;
  providerName: string;
  locationName: string;
  summary: VisitSummary | null;
  products: Product[];
  scanOpen: boolean;
  onScan: () => void;
  onDone: () => void;
}) {
  const [confirming, setConfirming] = useState(false);
  return (
    <header className="visit__header">
      <div className="visit__who">
        <h2 data-testid="visit-header">Visit · {visit.patientChartRef}</h2>
        <p className="muted" data-testid="visit-owner">
          Provider {providerName} · {locationName} · {visit.treatmentAreas.join(', ') || 'No areas noted'}
        </p>
      </div>
      <div className="visit__actions">
        {/* One way to close the scanner: its own Close button (issue #10 §5). */}
        {scanOpen ? null : (
          <button type="button" className="button" data-testid="open-scanner" onClick={onScan}>
            Scan
          </button>
        )}
        <button
          type="button"
          className="button button--ghost"
          data-testid="finish-visit"
          aria-expanded={confirming}
          onClick={() => setConfirming(true)}
        >
          Done with this visit
        </button>
      </div>
      {confirming ? (
        <FinishConfirm
          chartRef={visit.patientChartRef}
          summary={summary}
          products={products}
          onKeepOpen={() => setConfirming(false)}
          onDone={onDone}
        />
      ) : null}
    </header>
  );
}

function FinishConfirm({
  chartRef,
  summary,
  products,
  onKeepOpen,
  onDone,
}: {
  chartRef: string;
  summary: VisitSummary | null;
  products: Product[];
  onKeepOpen: () => void;
  onDone: () => void;
}) {
  const ref = useBringIntoView<HTMLDivElement>();
  const used = summary ? usedByProduct(summary) : [];
  const unitOf = (name: string) => products.find((p) => p.name === name)?.baseUnit ?? 'U';
  return (
    <div
      ref={ref}
      className="card card--warn step visit__finish"
      role="group"
      aria-labelledby="finish-title"
      data-testid="finish-confirm"
    >
      <h3 id="finish-title">Finish visit {chartRef}?</h3>
      {used.length === 0 ? (
        <p data-testid="finish-totals">No draws recorded.</p>
      ) : (
        <ul className="list" data-testid="finish-totals">
          {used.map((u) => (
            <li key={u.productName}>
              {u.productName}: {formatQuantity(u.quantityMilli, unitOf(u.productName))} in {u.draws}{' '}
              {u.draws === 1 ? 'draw' : 'draws'}
            </li>
          ))}
        </ul>
      )}
      {summary ? (
        <p>
          Product cost {formatMoney(summary.cogsCents)}
          {summary.priceChargedCents !== null ? ` · Charged ${formatMoney(summary.priceChargedCents)}` : ''}
          {summary.marginCents !== null ? ` · Margin ${formatMoney(summary.marginCents)}` : ''}
        </p>
      ) : null}
      <p className="muted">It stays in the visit list: it can be reopened to add or undo a draw.</p>
      <div className="row">
        <button type="button" className="button button--ghost" onClick={onKeepOpen}>
          Keep it open
        </button>
        <button
          type="button"
          className="button"
          data-testid="finish-visit-confirm"
          data-autofocus
          onClick={onDone}
        >
          Finish visit
        </button>
      </div>
    </div>
  );
}
