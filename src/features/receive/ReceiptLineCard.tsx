import { useState } from 'react';
import { containerWord } from '../../domain/catalog/container-word';
import type { Location, Product } from '../../domain/model';
import { formatMoney, parseMoney } from '../../domain/money';
import type { Allocation } from '../../domain/receiving/confirm';
import type { ReceiptLine } from '../../domain/receiving/draft';

const WARNING_TEXT = { expired: 'Expired', 'short-dated': 'Short-dated' } as const;

export interface ReceiptLineCardProps {
  line: ReceiptLine;
  product: Product | undefined;
  locations: readonly Location[];
  split: readonly Allocation[] | null;
  defaultLocationId: string;
  problem: string | null;
  /** The purchase order's price per container of this product, when receiving against one ([PO3]). */
  orderPriceCents?: number | null;
  onEdit: (
    edit: Partial<Pick<ReceiptLine, 'containers' | 'freeContainers' | 'priceCentsPerContainer'>>,
  ) => void;
  onSplit: (split: readonly Allocation[] | null) => void;
  onRemove: () => void;
}

/** One lot on the receipt: how many arrived, how many free, the price per container, where it goes. */
export function ReceiptLineCard(props: ReceiptLineCardProps) {
  const { line, product, problem } = props;
  const word = product ? containerWord(product) : { one: 'container', many: 'containers' };
  const [price, setPrice] = useState(
    line.priceCentsPerContainer === null ? '' : (line.priceCentsPerContainer / 100).toFixed(2),
  );
  const parsed = price.trim() === '' ? null : parseMoney(price);
  const priceError = parsed && !parsed.ok ? parsed.error.message : null;
  const id = `receipt-line-${line.key.replace(/[^A-Za-z0-9]/g, '-')}`;
  return (
    <li className="card receipt-line" data-testid="receipt-line" data-lot={line.lotNumber}>
      <div className="row row--tight receipt-line__head">
        <div>
          <h3 className="receipt-line__title">{product?.name ?? 'Unknown product'}</h3>
          <p className="muted">
            Lot {line.lotNumber} · expires {line.expiry}
            {line.existingLotId ? ' · lot on file' : ' · new lot'}
            {line.warnings.map((w) => (
              <span
                key={w}
                className="pill pill--warn receipt-line__warning"
                data-testid="receipt-line-warning"
              >
                {WARNING_TEXT[w]}
              </span>
            ))}
          </p>
        </div>
        <button type="button" className="button button--ghost button--small" onClick={props.onRemove}>
          Remove
        </button>
      </div>
      <div className="receipt-line__grid">
        <Stepper
          label={`${word.many[0]?.toUpperCase()}${word.many.slice(1)} received`}
          testId="receipt-line-count"
          value={line.containers}
          min={1}
          onChange={(containers) => props.onEdit({ containers })}
        />
        <Stepper
          label="Of which free"
          testId="receipt-line-free"
          value={line.freeContainers}
          min={0}
          onChange={(freeContainers) => props.onEdit({ freeContainers })}
        />
        <label className="field">
          <span>Price per {word.one} ($)</span>
          <input
            data-testid="receipt-line-price"
            inputMode="decimal"
            value={price}
            placeholder="e.g. 540.00"
            aria-invalid={priceError ? true : undefined}
            aria-describedby={priceError ? `${id}-price` : undefined}
            onChange={(e) => {
              setPrice(e.target.value);
              const r = e.target.value.trim() === '' ? null : parseMoney(e.target.value);
              props.onEdit({ priceCentsPerContainer: r?.ok && r.value >= 0 ? r.value : null });
            }}
          />
        </label>
      </div>
      <OrderPriceNote
        price={line.priceCentsPerContainer}
        order={props.orderPriceCents ?? null}
        perWhat={word.one}
      />
      {priceError ? (
        <p className="error" id={`${id}-price`} role="status">
          {priceError}
        </p>
      ) : null}
      <p className="muted" data-testid="receipt-line-serials">
        {line.serials.length === 0
          ? 'No carton serials scanned'
          : `${line.serials.length} carton serial${line.serials.length === 1 ? '' : 's'}: ${line.serials.map((s) => s.serial).join(', ')}`}
        {line.priceCentsPerContainer !== null && line.freeContainers > 0
          ? ` · invoice ${formatMoney((line.containers - line.freeContainers) * line.priceCentsPerContainer)}`
          : ''}
      </p>
      {props.locations.length > 1 ? <SplitEditor {...props} /> : null}
      {problem && line.priceCentsPerContainer !== null ? (
        <p className="error" data-testid="receipt-line-problem">
          {problem}
        </p>
      ) : null}
    </li>
  );
}

function SplitEditor({ line, locations, split, defaultLocationId, onSplit }: ReceiptLineCardProps) {
  if (!split)
    return (
      <button
        type="button"
        className="button button--ghost button--small"
        data-testid="receipt-line-split"
        onClick={() =>
          onSplit(
            locations.map((l) => ({
              locationId: l.id,
              containers: l.id === defaultLocationId ? line.containers : 0,
            })),
          )
        }
      >
        Split across locations
      </button>
    );
  const total = split.reduce((sum, a) => sum + a.containers, 0);
  return (
    <fieldset className="receipt-line__split">
      <legend>
        Where they go ({total} of {line.containers})
      </legend>
      {split.map((a, i) => (
        <Stepper
          key={a.locationId}
          label={locations.find((l) => l.id === a.locationId)?.name ?? a.locationId}
          testId="receipt-split-count"
          value={a.containers}
          min={0}
          onChange={(containers) => onSplit(split.map((b, j) => (j === i ? { ...b, containers } : b)))}
        />
      ))}
      <button type="button" className="button button--ghost button--small" onClick={() => onSplit(null)}>
        All to one location
      </button>
    </fieldset>
  );
}

function Stepper(props: {
  label: string;
  testId: string;
  value: number;
  min: number;
  onChange: (n: number) => void;
}) {
  const { label, testId, value, min, onChange } = props;
  return (
    <div className="field stepper" role="group" aria-label={label}>
      <span>{label}</span>
      <div className="stepper__controls">
        <button
          type="button"
          className="button button--ghost"
          aria-label={`One fewer: ${label}`}
          disabled={value <= min}
          onClick={() => onChange(value - 1)}
        >
          −
        </button>
        <input
          data-testid={testId}
          inputMode="numeric"
          aria-label={label}
          value={String(value)}
          onChange={(e) => {
            const n = Number(e.target.value);
            if (Number.isSafeInteger(n) && n >= min) onChange(n);
          }}
        />
        <button
          type="button"
          className="button button--ghost"
          aria-label={`One more: ${label}`}
          onClick={() => onChange(value + 1)}
        >
          +
        </button>
      </div>
    </div>
  );
}

/** The order's price beside the invoice's, and the difference when they are not the same. */
function OrderPriceNote({
  price,
  order,
  perWhat,
}: {
  price: number | null;
  order: number | null;
  perWhat: string;
}) {
  if (order === null) return null;
  const diff = price === null ? 0 : price - order;
  return (
    <p className={diff === 0 ? 'muted' : 'warning'} data-testid="receipt-line-order-price">
      Order price {formatMoney(order)} per {perWhat}
      {diff === 0 ? '' : ` · invoice ${diff > 0 ? '+' : '−'}${formatMoney(Math.abs(diff))} per ${perWhat}`}
    </p>
  );
}
