/**
 * Checks a draw amount as it is typed (SPEC [T3]): the product's unit and step, and never more
 * than the container holds. The pad shows the reason beside a disabled Record button, so nothing
 * wrong is ever tapped through.
 *
 * Example (Juvéderm, mL, step 0.01 mL, 1 mL left): "0.4" → ok 400 milli; "0.5999" → "Juvéderm is
 * drawn in steps of 0.01 mL"; "5" → "Only 1 mL is left in this syringe: draw 1 mL or less here,
 * and the rest from another."
 */
import type { BaseUnit } from '../model';
import { formatQuantity, parseQuantity } from '../quantity';

/** The smallest amount a syringe or pipette measures, in thousandths of the unit. */
export const DRAW_STEP_MILLI: Record<BaseUnit, number> = { U: 500, mL: 10, each: 1000 };

export type AmountCheck = { ok: true; milli: number } | { ok: false; reason: string };

export interface AmountContext {
  productName: string;
  unit: BaseUnit;
  /** What the container holds now (an opened one's remainder, or a new one's size). */
  availableMilli: number;
  /** "this vial", "the new syringe"… */
  containerPhrase: string;
}

function stepText(unit: BaseUnit): string {
  return formatQuantity(DRAW_STEP_MILLI[unit], unit);
}

export function checkDrawAmount(typed: string, ctx: AmountContext): AmountCheck {
  if (typed.trim() === '') return { ok: false, reason: 'Enter the amount drawn.' };
  const parsed = parseQuantity(typed, ctx.unit);
  // A plain number the parser refuses has more decimals than any step: say the step.
  if (!parsed.ok && /^\d*\.\d+$/.test(typed.trim()))
    return { ok: false, reason: `${ctx.productName} is drawn in steps of ${stepText(ctx.unit)}.` };
  if (!parsed.ok) return { ok: false, reason: parsed.error.message };
  if (parsed.value <= 0) return { ok: false, reason: 'Enter an amount above zero.' };
  if (parsed.value % DRAW_STEP_MILLI[ctx.unit] !== 0)
    return { ok: false, reason: `${ctx.productName} is drawn in steps of ${stepText(ctx.unit)}.` };
  if (parsed.value > ctx.availableMilli) {
    const left = formatQuantity(Math.max(ctx.availableMilli, 0), ctx.unit);
    return {
      ok: false,
      reason: `Only ${left} is left in ${ctx.containerPhrase}: draw ${left} or less here, and the rest from another.`,
    };
  }
  return { ok: true, milli: parsed.value };
}
