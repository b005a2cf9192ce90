import { BLOCKER_LABELS, FEFO_DEVIATION_LABELS } from '../../domain/fefo/deviation';
import { useEffect, useState } from 'react';
import { FEFO_DEVIATION_REASONS, isFefoDeviation } from '../../domain/fefo/deviation';
import type { Candidate, FefoRanking } from '../../domain/fefo/rank';
import type { Product } from '../../domain/model';
import { formatQuantity } from '../../domain/quantity';
import { ManagerOverride } from './ManagerOverride';

export interface Pick {
  candidate: Candidate;
  deviationReason: string | null;
  override: { managerId: string; blockers: string[] } | null;
}

const REASON_LABEL: Record<string, string> = FEFO_DEVIATION_LABELS;
const BLOCKER_LABEL: Record<string, string> = BLOCKER_LABELS;

export function candidateTestId(c: Candidate): string {
  return `candidate-${c.lotNumber}${c.kind === 'container' ? '-open' : ''}`;
}

function describe(c: Candidate, product: Product): string {
  const what = c.kind === 'container' ? 'Opened vial' : 'New container';
  return `${what} · lot ${c.lotNumber} · exp ${c.expiry} · ${formatQuantity(c.availableMilli, product.baseUnit)} available`;
}

/**
 * The FEFO suggestion with one tap to accept, and the ranked list to pick another: picking against
 * FEFO asks why; a blocked lot needs a manager's PIN; beyond-use and empty cannot be drawn at all.
 */
export function LotChooser({
  product,
  ranking,
  onPick,
  onWasteLeftover,
  preselectLotId = null,
  onPreselected,
}: {
  product: Product;
  ranking: FefoRanking;
  onPick: (pick: Pick) => void;
  /** A scanned lot to choose as if tapped, once it is in this ranking (SPEC [SC5]). */
  preselectLotId?: string | null;
  onPreselected?: () => void;
  /** Records what is left in a vial past its beyond-use time as waste (F4). */
  onWasteLeftover: (container: Candidate) => void;
}) {
  const [pending, setPending] = useState<Candidate | null>(null);
  const [reason, setReason] = useState('');
  const { suggestion } = ranking;
  // An unopened lot whose whole stock sits in its opened vial is shown as that vial only.
  const candidates = ranking.candidates.filter((c) => !(c.kind === 'lot' && c.blockers.includes('empty')));

  function choose(c: Candidate) {
    if (c.blockers.length === 0 && !isFefoDeviation(suggestion, c))
      return onPick({ candidate: c, deviationReason: null, override: null });
    setPending(c);
    setReason('');
  }

  // A scanned lot goes through the same rules as a tap: its first usable or overridable
  // candidate (ranked order: an opened vial of that lot before a new one). The ranking may still
  // be the previous product's, so nothing happens until the lot is in it.
  useEffect(() => {
    if (!preselectLotId) return;
    const c = candidates.find(
      (x) => x.lotId === preselectLotId && (x.blockers.length === 0 || x.overridable),
    );
    if (!c) return;
    onPreselected?.();
    choose(c);
    // Runs when a scan names a lot or the ranking changes; choose/candidates derive from those.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [preselectLotId, ranking]);

  return (
    <section className="card">
      <h3>Which vial?</h3>
      {suggestion ? (
        <div className="suggestion" data-testid="fefo-suggestion">
          <p className="suggestion__label">Use first (FEFO)</p>
          <p>
            <strong>{describe(suggestion, product)}</strong>
          </p>
          <button
            type="button"
            className="button"
            data-testid="accept-fefo"
            onClick={() => onPick({ candidate: suggestion, deviationReason: null, override: null })}
          >
            Use this
          </button>
        </div>
      ) : (
        <p role="alert" data-testid="fefo-none">
          No usable stock of {product.name} here. Blocked lots below need a manager.
        </p>
      )}
      <ul className="list">
        {candidates.map((c) => (
          <li key={`${c.lotId}-${c.containerId ?? 'lot'}`}>
            <button
              type="button"
              className="list__item"
              data-testid={candidateTestId(c)}
              disabled={c.blockers.length > 0 && !c.overridable}
              onClick={() => choose(c)}
            >
              <span>{describe(c, product)}</span>
              {c.blockers.map((b) => (
                <span key={b} className="pill pill--bad">
                  {BLOCKER_LABEL[b] ?? b}
                </span>
              ))}
            </button>
            {c.kind === 'container' && c.blockers.includes('beyond_use') && c.availableMilli > 0 ? (
              <button
                type="button"
                className="button button--ghost button--small"
                data-testid={`waste-${c.containerId}`}
                onClick={() => onWasteLeftover(c)}
              >
                Record {formatQuantity(c.availableMilli, product.baseUnit)} left as waste
              </button>
            ) : null}
          </li>
        ))}
      </ul>
      {pending && pending.blockers.length > 0 ? (
        <div data-testid="override-required">
          <ManagerOverride
            blockers={pending.blockers.map((b) => BLOCKER_LABEL[b] ?? b)}
            onCancel={() => setPending(null)}
            onApproved={(managerId) =>
              onPick({
                candidate: pending,
                deviationReason: null,
                override: { managerId, blockers: pending.blockers },
              })
            }
          />
        </div>
      ) : null}
      {pending && pending.blockers.length === 0 ? (
        <div className="card card--warn">
          <label className="field">
            <span>Why not the suggested lot?</span>
            <select data-testid="deviation-reason" value={reason} onChange={(e) => setReason(e.target.value)}>
              <option value="">Choose a reason…</option>
              {FEFO_DEVIATION_REASONS.map((r) => (
                <option key={r} value={r}>
                  {REASON_LABEL[r] ?? r}
                </option>
              ))}
            </select>
          </label>
          <div className="row">
            <button type="button" className="button button--ghost" onClick={() => setPending(null)}>
              Cancel
            </button>
            <button
              type="button"
              className="button"
              data-testid="confirm-deviation"
              disabled={!reason}
              onClick={() => onPick({ candidate: pending, deviationReason: reason, override: null })}
            >
              Use lot {pending.lotNumber}
            </button>
          </div>
        </div>
      ) : null}
    </section>
  );
}
