import { containerWord, formatAmount } from '../../domain/catalog/container-word';
import type { Product } from '../../domain/model';
import { formatMoney, formatUnitCost } from '../../domain/money';
import type { ConfirmResult } from '../../domain/receiving/confirm';
import { useBringIntoView } from '../../ui/useBringIntoView';

type Built = Extract<ConfirmResult, { ok: true }>;

/** "2 syringes", "1 vial". */
export function countWords(containers: number, product: Product): string {
  const word = containerWord(product);
  return `${containers} ${containers === 1 ? word.one : word.many}`;
}

/**
 * What the receipt holds, shown before it is stored (docs/ui.md: close something important only
 * after showing it). Costs only for roles that may see them ([ST3]).
 */
export function ReceiptReview(props: {
  built: Built;
  products: ReadonlyMap<string, Product>;
  seeCosts: boolean;
  busy: boolean;
  onConfirm: () => void;
  onBack: () => void;
}) {
  const { built, products, seeCosts } = props;
  const ref = useBringIntoView<HTMLElement>();
  return (
    <section
      className="card step"
      ref={ref}
      tabIndex={-1}
      data-testid="receipt-review"
      aria-labelledby="receipt-review-title"
    >
      <h3 id="receipt-review-title">
        {built.lines.length === 1 ? 'Receive this lot?' : `Receive these ${built.lines.length} lots?`}
      </h3>
      <ul className="receipt-review__lines">
        {built.lines.map(({ line, cost }) => {
          const product = products.get(line.productId);
          return (
            <li key={line.key} data-testid="receipt-review-line">
              <strong>{product?.name}</strong> lot {line.lotNumber}:{' '}
              {product ? countWords(line.containers, product) : ''}
              {line.freeContainers > 0 ? `, ${line.freeContainers} free` : ''}
              {product && product.baseUnit !== 'each'
                ? ` (${formatAmount(cost.quantityMilli, product)})`
                : ''}
              {seeCosts ? (
                <>
                  {' '}
                  at {formatUnitCost(cost.unitCostMicros)} / {product?.baseUnit}
                  {cost.roundingCents !== 0 ? ` · rounding ${formatMoney(cost.roundingCents)}` : ''}
                  {line.existingLotId ? ' · the lot keeps its recorded cost' : ''}
                </>
              ) : null}
            </li>
          );
        })}
      </ul>
      {seeCosts ? (
        <p data-testid="receipt-review-total">
          Stock value received: <strong>{formatMoney(built.totalCents)}</strong>
        </p>
      ) : null}
      <div className="row">
        <button type="button" className="button button--ghost" onClick={props.onBack} disabled={props.busy}>
          Back
        </button>
        <button
          type="button"
          className="button"
          data-testid="receipt-store"
          data-autofocus
          onClick={props.onConfirm}
          disabled={props.busy}
        >
          Receive now
        </button>
      </div>
    </section>
  );
}
