/**
 * A received lot's cost per base unit ([RC2]): the invoiced amount spread over every unit that
 * arrived, the free goods included, so COGS of a free vial's draw is the true average cost.
 *
 * Rule: unitCostMicros = invoiceCents × 10^4 µ$/¢ × 1000 / (paid + free quantityMilli), rounded
 * half-even to the micro-dollar (`unitCostMicrosFromPack`). The receipt then values the stock at
 * `lineCostCents(total, unitCostMicros)`; the difference from the invoice (`roundingCents`, at
 * most half a micro-dollar per base unit, so under a cent for any receipt below 20,000 units) is
 * reported with the receipt rather than hidden.
 *
 * Worked example: 10 Botox vials of 100 U invoiced at $5,400.00 with 1 vial free → 540_000 ¢ over
 * 1_100 U = $4.909090909/U → 4_909_091 µ$; 1_100 U × 4_909_091 µ$ = $5,400.0001 → 540_000 ¢;
 * rounding 0 ¢.
 */
import { lineCostCents, unitCostMicrosFromPack } from '../money';
import { assertSafeInteger } from '../fixed';

export interface ReceiptCostInput {
  /** What the supplier charges for this lot's units (the invoice line), in cents. */
  invoiceCents: number;
  /** Units paid for, in base-unit thousandths. */
  paidQuantityMilli: number;
  /** Units that came free (e.g. 1 vial with 10), in base-unit thousandths; 0 if none. */
  freeQuantityMilli: number;
}

export interface ReceiptCost {
  unitCostMicros: number;
  /** Every unit received, paid and free. */
  quantityMilli: number;
  /** The stock as valued at `unitCostMicros`. */
  valuedCents: number;
  /** invoiceCents − valuedCents: what the rounding to the micro-dollar moved. */
  roundingCents: number;
}

export function receiptCost(input: ReceiptCostInput): ReceiptCost {
  const paid = assertSafeInteger(input.paidQuantityMilli, 'paidQuantityMilli');
  const free = assertSafeInteger(input.freeQuantityMilli, 'freeQuantityMilli');
  if (paid <= 0) throw new RangeError(`paid quantity must be positive: ${paid}`);
  if (free < 0) throw new RangeError(`free quantity must not be negative: ${free}`);
  if (input.invoiceCents < 0) throw new RangeError(`invoice must not be negative: ${input.invoiceCents}`);
  const quantityMilli = assertSafeInteger(paid + free, 'quantityMilli');
  const unitCostMicros = unitCostMicrosFromPack(input.invoiceCents, quantityMilli);
  const valuedCents = lineCostCents(quantityMilli, unitCostMicros);
  return { unitCostMicros, quantityMilli, valuedCents, roundingCents: input.invoiceCents - valuedCents };
}

/**
 * The invoice line of a receipt priced per base unit on the PO: paid units × agreed cost, to the
 * cent (half-even, `lineCostCents`). Example: 1_000 U at 5_400_000 µ$ → 540_000 ¢.
 */
export function invoiceFromUnitCost(paidQuantityMilli: number, unitCostMicros: number): number {
  return lineCostCents(paidQuantityMilli, unitCostMicros);
}
