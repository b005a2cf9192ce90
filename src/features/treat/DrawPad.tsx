import { useState } from 'react';
import type { Candidate } from '../../domain/fefo/rank';
import type { BaseUnit, Product } from '../../domain/model';
import { formatQuantity } from '../../domain/quantity';
import { checkDrawAmount } from '../../domain/treatment/amount';
import { applyKey, Keypad } from '../../ui/Keypad';

/** Common doses per unit, as quick chips (typed in base units). */
const DOSE_CHIPS: Record<BaseUnit, string[]> = {
  U: ['4', '10', '20', '40', '50'],
  mL: ['0.1', '0.2', '0.5', '1'],
  each: ['1'],
};

const capacityOf = (candidate: Candidate, product: Product) =>
  candidate.kind === 'container' ? candidate.availableMilli : product.containerSizeMilli;
const whereOf = (candidate: Candidate) => (candidate.kind === 'container' ? 'this vial' : 'the new vial');

function remainingText(candidate: Candidate, product: Product, drawMilli: number): string {
  const left = capacityOf(candidate, product) - drawMilli;
  return `${formatQuantity(Math.max(left, 0), product.baseUnit)} left in ${whereOf(candidate)} after this draw`;
}

/** Big keypad in the product's unit, chips for common doses, live remaining in the container. */
export function DrawPad({
  product,
  candidate,
  error,
  busy,
  onRecord,
  onCancel,
}: {
  product: Product;
  candidate: Candidate;
  error: string | null;
  busy: boolean;
  onRecord: (quantityMilli: number) => void;
  onCancel: () => void;
}) {
  const [typed, setTyped] = useState('');
  // Checked as typed ([T3]): Record stays disabled, with the reason beside it, until the amount fits.
  const check = checkDrawAmount(typed, {
    productName: product.name,
    unit: product.baseUnit,
    availableMilli: capacityOf(candidate, product),
    containerPhrase: whereOf(candidate),
  });
  const drawMilli = check.ok ? check.milli : 0;
  const inputError = !check.ok && typed !== '' ? check.reason : null;
  return (
    <section className="card drawpad">
      <h3>Draw from lot {candidate.lotNumber}</h3>
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
          Choose another vial
        </button>
        <button
          type="button"
          className="button"
          data-testid="record-draw"
          disabled={busy || !check.ok}
          aria-describedby={inputError ? 'draw-amount-reason' : undefined}
          onClick={() => onRecord(drawMilli)}
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
