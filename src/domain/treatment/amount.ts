/**
 * Checks a draw amount as it is typed (SPEC [T3]): the product's unit and step, and never more
 * than the container holds. The pad shows the reason beside a disabled Record button, so nothing
 * wrong is ever tapped through. The step is the product's own (`drawStepMilli`, a product setting)
 * or, when it has none, the unit's (U 0.5, mL 0.01, each 1).
 *
 * Example (Juvéderm, mL, step 0.01 mL, 1 mL left): "0.4" → ok 400 milli; "0.5999" → "Juvéderm is
 * drawn in steps of 0.01 mL"; "5" → "Only 1 mL is left in this syringe: draw 1 mL or less here,
 * and the rest from another."
 */
import type { BaseUnit, Product } from '../model';
import { formatQuantity, parseQuantity } from '../quantity';

/** The smallest amount a syringe or pipette measures, in thousandths of the unit. */
export const DRAW_STEP_MILLI: Record<BaseUnit, number> = { U: 500, mL: 10, each: 1000 };

/** The product's draw step, or its unit's when it sets none: Dysport with 1_000 → 1 U steps. */
export function drawStepOf(product: Pick<Product, 'baseUnit' | 'drawStepMilli'>): number {
  return product.drawStepMilli ?? DRAW_STEP_MILLI[product.baseUnit];
}

export type AmountCheck = { ok: true; milli: number } | { ok: false; reason: string };

export interface AmountContext {
  productName: string;
  unit: BaseUnit;
  /** What the container holds now (an opened one's remainder, or a new one's size). */
  availableMilli: number;
  /** "this vial", "the new syringe"… */
  containerPhrase: string;
  /** The product's draw step (`drawStepMilli`); absent or null = the unit's. */
  stepMilli?: number | null;
}

export function checkDrawAmount(typed: string, ctx: AmountContext): AmountCheck {
  const step = drawStepOf({ baseUnit: ctx.unit, drawStepMilli: ctx.stepMilli ?? null });
  const stepReason = `${ctx.productName} is drawn in steps of ${formatQuantity(step, ctx.unit)}.`;
  if (typed.trim() === '') return { ok: false, reason: 'Enter the amount drawn.' };
  const parsed = parseQuantity(typed, ctx.unit);
  // A plain number the parser refuses has more decimals than any step: say the step.
  if (!parsed.ok && /^\d*\.\d+$/.test(typed.trim())) return { ok: false, reason: stepReason };
  if (!parsed.ok) return { ok: false, reason: parsed.error.message };
  if (parsed.value <= 0) return { ok: false, reason: 'Enter an amount above zero.' };
  if (parsed.value % step !== 0) return { ok: false, reason: stepReason };
  if (parsed.value > ctx.availableMilli) {
    const left = formatQuantity(Math.max(ctx.availableMilli, 0), ctx.unit);
    return {
      ok: false,
      reason: `Only ${left} is left in ${ctx.containerPhrase}: draw ${left} or less here, and the rest from another.`,
    };
  }
  return { ok: true, milli: parsed.value };
}
