import { useState } from 'react';
import type { Candidate } from '../../domain/fefo/rank';
import type { BaseUnit, Product } from '../../domain/model';
import { formatQuantity, parseQuantity } from '../../domain/quantity';
import { applyKey, Keypad } from '../../ui/Keypad';

/** Common doses per unit, as quick chips (typed in base units). */
const DOSE_CHIPS: Record<BaseUnit, string[]> = {
  U: ['4', '10', '20', '40', '50'],
  mL: ['0.1', '0.2', '0.5', '1'],
  each: ['1'],
};

function remainingText(candidate: Candidate, product: Product, drawMilli: number): string {
  const capacity = candidate.kind === 'container' ? candidate.availableMilli : product.containerSizeMilli;
  const left = capacity - drawMilli;
  const where = candidate.kind === 'container' ? 'this vial' : 'the new vial';
  return `${formatQuantity(Math.max(left, 0), product.baseUnit)} left in ${where} after this draw`;
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
  const parsed = typed ? parseQuantity(typed, product.baseUnit) : null;
  const drawMilli = parsed?.ok ? parsed.value : 0;
  const inputError = parsed && !parsed.ok ? parsed.error.message : null;
  return (
    <section className="card drawpad">
      <h3>Draw from lot {candidate.lotNumber}</h3>
      <output className="drawpad__display" data-testid="dose-display">
        {typed || '0'} {product.baseUnit}
      </output>
      <p className="muted" data-testid="remaining-after">
        {remainingText(candidate, product, drawMilli)}
      </p>
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
      {inputError || error ? (
        <p role="alert" className="error" data-testid="draw-error">
          {inputError ?? error}
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
          disabled={busy || drawMilli <= 0}
          onClick={() => onRecord(drawMilli)}
        >
          {busy ? 'Recording…' : `Record ${typed || '0'} ${product.baseUnit}`}
        </button>
      </div>
    </section>
  );
}
