import { useState, type KeyboardEvent } from 'react';
import { containerWord, formatAmount } from '../../domain/catalog/container-word';
import type { Candidate } from '../../domain/fefo/rank';
import type { BaseUnit, Product } from '../../domain/model';
import { checkDrawAmount } from '../../domain/treatment/amount';
import { applyKey, Keypad } from '../../ui/Keypad';
import { useBringIntoView } from '../../ui/useBringIntoView';
import type { Pick } from './LotChooser';
import { drawNoteText } from './VisitSummaryView';

/** Common doses per unit, as quick chips (typed in base units). */
const DOSE_CHIPS: Record<BaseUnit, string[]> = {
  U: ['4', '10', '20', '40', '50'],
  mL: ['0.1', '0.2', '0.5', '1'],
  each: ['1'],
};

const capacityOf = (candidate: Candidate, product: Product) =>
  candidate.kind === 'container' ? candidate.availableMilli : product.containerSizeMilli;
const whereOf = (candidate: Candidate, product: Product) =>
  `${candidate.kind === 'container' ? 'this' : 'the new'} ${containerWord(product).one}`;

function remainingText(candidate: Candidate, product: Product, drawMilli: number): string {
  const left = capacityOf(candidate, product) - drawMilli;
  return `${formatAmount(Math.max(left, 0), product)} left in ${whereOf(candidate, product)} after this draw`;
}

/** A physical keyboard's key as the pad's key, or null for keys the pad does not take. */
function padKey(key: string): string | null {
  if (/^[0-9]$/.test(key)) return key;
  if (key === '.' || key === ',') return '.';
  if (key === 'Backspace') return '⌫';
  return null;
}

/**
 * Big keypad in the product's unit, chips for common doses, live remaining in the container; the
 * approval or non-FEFO reason the pick carries is said above the amount, as it will be recorded.
 * Brought into view and focused when it opens ([T6]); a physical keyboard types into it. A draw a
 * template pre-fills opens with the charted amount typed in and says so ([TT2]).
 */
export function DrawPad({
  product,
  candidate,
  pick,
  staffName,
  error,
  busy,
  onRecord,
  onCancel,
  charted = null,
}: {
  product: Product;
  candidate: Candidate;
  pick: Pick;
  staffName: (id: string) => string;
  error: string | null;
  busy: boolean;
  onRecord: (quantityMilli: number) => void;
  onCancel: () => void;
  /** A template's charted amount, typed in for the injector to confirm or change ([TT2]). */
  charted?: { templateName: string; typed: string } | null;
}) {
  const [typed, setTyped] = useState(charted?.typed ?? '');
  const pad = useBringIntoView<HTMLElement>(`${candidate.lotId}|${candidate.containerId ?? ''}`);
  // Checked as typed ([T3]): Record stays disabled, with the reason beside it, until the amount fits.
  const check = checkDrawAmount(typed, {
    productName: product.name,
    unit: product.baseUnit,
    availableMilli: capacityOf(candidate, product),
    containerPhrase: whereOf(candidate, product),
    // The product's own draw step, else its unit's ([T3]).
    stepMilli: product.drawStepMilli,
  });
  const drawMilli = check.ok ? check.milli : 0;
  const inputError = !check.ok && typed !== '' ? check.reason : null;
  const note = pick.override
    ? drawNoteText({ kind: 'override', ...pick.override }, staffName)
    : pick.deviationReason
      ? drawNoteText({ kind: 'deviation', reason: pick.deviationReason, note: pick.deviationNote }, staffName)
      : null;
  const record = () => {
    if (!busy && check.ok) onRecord(drawMilli);
  };
  function onKeyDown(event: KeyboardEvent<HTMLElement>) {
    if (event.target !== event.currentTarget) return;
    if (event.key === 'Enter') return record();
    const key = padKey(event.key);
    if (key) setTyped((t) => applyKey(t, key));
  }
  return (
    <section
      className="card drawpad step"
      ref={pad}
      tabIndex={-1}
      aria-labelledby="drawpad-title"
      onKeyDown={onKeyDown}
    >
      <h3 id="drawpad-title">Draw from lot {candidate.lotNumber}</h3>
      {note ? (
        <p className="pill pill--warn" data-testid="draw-note">
          {note}
        </p>
      ) : null}
      {charted ? (
        <p className="pill" data-testid="draw-charted">
          {charted.templateName} charts {charted.typed} {product.baseUnit}: record it, or change the amount
          first.
        </p>
      ) : null}
      <output className="drawpad__display" data-testid="dose-display">
        {typed || '0'} {product.baseUnit}
      </output>
      {inputError ? null : (
        <p className="muted" data-testid="remaining-after">
          {remainingText(candidate, product, drawMilli)}
        </p>
      )}
      <div className="chips">
        {DOSE_CHIPS[product.baseUnit].map((dose) => (
          <button
            key={dose}
            type="button"
            className="chip"
            data-testid={`dose-chip-${dose}`}
            onClick={() => setTyped(dose)}
          >
            {dose} {product.baseUnit}
          </button>
        ))}
      </div>
      <Keypad label="Amount" allowDecimal onKey={(key) => setTyped((t) => applyKey(t, key))} />
      {error ? (
        <p role="alert" className="error" data-testid="draw-error">
          {error}
        </p>
      ) : null}
      <div className="row">
        <button type="button" className="button button--ghost" onClick={onCancel}>
          Choose another {containerWord(product).one}
        </button>
        <button
          type="button"
          className="button"
          data-testid="record-draw"
          disabled={busy || !check.ok}
          aria-describedby={inputError ? 'draw-amount-reason' : undefined}
          onClick={record}
        >
          {busy ? 'Recording…' : `Record ${typed || '0'} ${product.baseUnit}`}
        </button>
      </div>
      {inputError ? (
        <p className="error" id="draw-amount-reason" data-testid="draw-amount-reason" aria-live="polite">
          {inputError}
        </p>
      ) : null}
    </section>
  );
}
