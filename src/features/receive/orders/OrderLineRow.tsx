import { useState } from 'react';
import { containerWord, formatAmount } from '../../../domain/catalog/container-word';
import type { Product, PurchaseOrderLine } from '../../../domain/model';
import { formatMoney, formatUnitCost, lineCostCents, parseUnitCost } from '../../../domain/money';
import { lineTotalCents, packQuantityMilli, setLinePacks, setLineQuantity } from '../../../domain/purchasing';
import { formatQuantity, parseQuantity } from '../../../domain/quantity';

/**
 * One line of a draft order ([PO1]): packs and base units kept in step ([RC1]), the agreed cost per
 * base unit (with what a pack costs at it), the expected date and the line's total.
 */
export function OrderLineRow(props: {
  line: PurchaseOrderLine;
  product: Product | undefined;
  onChange: (line: PurchaseOrderLine) => void;
  onRemove: () => void;
}) {
  const { line, product } = props;
  const [cost, setCost] = useState(line.unitCostMicros === 0 ? '' : String(line.unitCostMicros / 1_000_000));
  const [unitsError, setUnitsError] = useState<string | null>(null);
  if (!product)
    return (
      <li className="card po-line" data-testid="po-line">
        <p>A product no longer in the catalog.</p>
        <button type="button" className="button button--ghost button--small" onClick={props.onRemove}>
          Remove
        </button>
      </li>
    );
  const word = containerWord(product);
  const packWord = product.containersPerPack === 1 ? word.one : `pack of ${product.containersPerPack}`;
  const parsedCost = cost.trim() === '' ? null : parseUnitCost(cost);
  const costError = parsedCost && !parsedCost.ok ? parsedCost.error.message : null;
  const unitsText = formatQuantity(line.quantityMilli, product.baseUnit).replace(/\s.*$/, '');
  return (
    <li className="card po-line" data-testid="po-line" data-product={product.name}>
      <div className="row row--tight receipt-line__head">
        <div>
          <h3 className="receipt-line__title">{product.name}</h3>
          <p className="muted">
            {formatAmount(packQuantityMilli(product), product)} per {packWord}
          </p>
        </div>
        <button
          type="button"
          className="button button--ghost button--small"
          data-testid="po-line-remove"
          onClick={props.onRemove}
        >
          Remove
        </button>
      </div>
      <div className="receipt-line__grid">
        <label className="field">
          <span>Packs</span>
          <input
            data-testid="po-line-packs"
            type="number"
            inputMode="numeric"
            min={0}
            step={1}
            value={line.packs}
            onChange={(e) => {
              const packs = Number(e.target.value);
              if (Number.isSafeInteger(packs) && packs >= 0)
                props.onChange(setLinePacks(line, product, packs));
            }}
          />
        </label>
        <label className="field">
          <span>Base units ({product.baseUnit})</span>
          <input
            key={line.packs}
            data-testid="po-line-units"
            inputMode="decimal"
            defaultValue={unitsText}
            aria-invalid={unitsError ? true : undefined}
            onBlur={(e) => {
              const r = parseQuantity(e.target.value, product.baseUnit);
              if (!r.ok || r.value < 1) {
                setUnitsError(r.ok ? 'Order at least one unit.' : r.error.message);
                return;
              }
              setUnitsError(null);
              props.onChange(setLineQuantity(line, product, r.value));
            }}
          />
        </label>
        <label className="field">
          <span>Cost per {product.baseUnit} ($)</span>
          <input
            data-testid="po-line-cost"
            inputMode="decimal"
            value={cost}
            placeholder="e.g. 6.50"
            aria-invalid={costError ? true : undefined}
            onChange={(e) => {
              setCost(e.target.value);
              const r = e.target.value.trim() === '' ? null : parseUnitCost(e.target.value);
              props.onChange({ ...line, unitCostMicros: r?.ok && r.value >= 0 ? r.value : 0 });
            }}
          />
        </label>
        <label className="field">
          <span>Expected on</span>
          <input
            data-testid="po-line-expected"
            type="date"
            value={line.expectedOn ?? ''}
            onChange={(e) =>
              props.onChange({ ...line, expectedOn: e.target.value === '' ? null : e.target.value })
            }
          />
        </label>
      </div>
      {unitsError || costError ? (
        <p className="error" role="status">
          {unitsError ?? costError}
        </p>
      ) : null}
      <p className="muted" data-testid="po-line-total">
        {formatAmount(line.quantityMilli, product)} · {formatUnitCost(line.unitCostMicros)}/{product.baseUnit}{' '}
        = {formatMoney(lineCostCents(packQuantityMilli(product), line.unitCostMicros))} per {packWord} · line{' '}
        <strong>{formatMoney(lineTotalCents(line))}</strong>
      </p>
    </li>
  );
}
