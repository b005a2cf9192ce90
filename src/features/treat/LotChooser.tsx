import { useEffect, useState } from 'react';
import { containerWord, formatAmount } from '../../domain/catalog/container-word';
import { BLOCKER_LABELS, isFefoDeviation } from '../../domain/fefo/deviation';
import type { Candidate, FefoRanking } from '../../domain/fefo/rank';
import type { Product } from '../../domain/model';
import { useBringIntoView } from '../../ui/useBringIntoView';
import { DeviationPrompt } from './DeviationPrompt';
import { ManagerOverride } from './ManagerOverride';

export interface Pick {
  candidate: Candidate;
  deviationReason: string | null;
  /** The words given with the reason "Other" ([F5]). */
  deviationNote: string | null;
  /** The approving manager, the blockers overridden, and the key their PIN derived ([A5]). */
  override: { managerId: string; blockers: string[]; approvalKey?: Uint8Array } | null;
}

const BLOCKER_LABEL: Record<string, string> = BLOCKER_LABELS;

export function candidateTestId(c: Candidate): string {
  return `candidate-${c.lotNumber}${c.kind === 'container' ? '-open' : ''}`;
}

const capitalized = (word: string) => `${word.charAt(0).toUpperCase()}${word.slice(1)}`;

function describe(c: Candidate, product: Product): string {
  const word = containerWord(product).one;
  const what = c.kind === 'container' ? `Opened ${word}` : `New ${word}`;
  return `${what} · lot ${c.lotNumber} · exp ${c.expiry} · ${formatAmount(c.availableMilli, product)} available`;
}

/** A pick with nothing to explain: the suggestion, or a usable candidate in FEFO order. */
export const plainPick = (candidate: Candidate): Pick => ({
  candidate,
  deviationReason: null,
  deviationNote: null,
  override: null,
});

/**
 * The FEFO suggestion with one tap to accept, and the other vials and lots to pick instead:
 * picking against FEFO asks why; a blocked lot needs a manager's PIN; beyond-use and empty cannot
 * be drawn at all. The suggestion is in view and focused when a product is chosen, as is each
 * question it asks ([T6]).
 */
export function LotChooser({
  orgId,
  product,
  ranking,
  onPick,
  onWasteLeftover,
  preselectLotId = null,
  onPreselected,
}: {
  /** The visit's organization: the approval key is salted with it. */
  orgId: string;
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
  const chooser = useBringIntoView<HTMLElement>(product.id);
  const { suggestion } = ranking;
  const word = containerWord(product);
  // An unopened lot whose whole stock sits in its opened vial is shown as that vial only.
  const candidates = ranking.candidates.filter((c) => !(c.kind === 'lot' && c.blockers.includes('empty')));
  // The suggestion is shown once, above; the list holds the alternatives.
  const others = candidates.filter(
    (c) => !suggestion || c.lotId !== suggestion.lotId || c.containerId !== suggestion.containerId,
  );

  function choose(c: Candidate) {
    if (c.blockers.length === 0 && !isFefoDeviation(suggestion, c)) return onPick(plainPick(c));
    setPending(c);
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
    <section className="card step" ref={chooser} tabIndex={-1} aria-labelledby="lot-chooser-title">
      <h3 id="lot-chooser-title">Which {word.one}?</h3>
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
            data-autofocus
            onClick={() => onPick(plainPick(suggestion))}
          >
            Use this
          </button>
        </div>
      ) : (
        <p role="alert" data-testid="fefo-none">
          No usable stock of {product.name} here. Blocked lots below need a manager.
        </p>
      )}
      {others.length > 0 ? (
        <h4 className="muted">{suggestion ? 'Or another' : capitalized(word.many)}</h4>
      ) : null}
      <ul className="list">
        {others.map((c) => (
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
                Record {formatAmount(c.availableMilli, product)} left as waste
              </button>
            ) : null}
          </li>
        ))}
      </ul>
      {pending && pending.blockers.length > 0 ? (
        <OverrideStep
          key={`${pending.lotId}|${pending.containerId ?? ''}`}
          orgId={orgId}
          blockers={pending.blockers}
          onCancel={() => setPending(null)}
          onApproved={(managerId, approvalKey) =>
            onPick({
              ...plainPick(pending),
              override: { managerId, blockers: pending.blockers, approvalKey },
            })
          }
        />
      ) : null}
      {pending && pending.blockers.length === 0 ? (
        <DeviationPrompt
          key={`${pending.lotId}|${pending.containerId ?? ''}`}
          lotNumber={pending.lotNumber}
          onCancel={() => setPending(null)}
          onConfirm={(reason, note) =>
            onPick({ ...plainPick(pending), deviationReason: reason, deviationNote: note })
          }
        />
      ) : null}
    </section>
  );
}

/** The manager's approval of a blocked lot, brought into view with its PIN pad ([T6]). */
function OverrideStep({
  orgId,
  blockers,
  onApproved,
  onCancel,
}: {
  orgId: string;
  blockers: string[];
  onApproved: (managerId: string, approvalKey: Uint8Array) => void;
  onCancel: () => void;
}) {
  const ref = useBringIntoView<HTMLDivElement>();
  return (
    <div ref={ref} tabIndex={-1} className="step" data-testid="override-required">
      <ManagerOverride
        orgId={orgId}
        blockers={blockers.map((b) => BLOCKER_LABEL[b] ?? b)}
        onCancel={onCancel}
        onApproved={onApproved}
      />
    </div>
  );
}
