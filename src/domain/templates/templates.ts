/**
 * Treatment templates ([TT1]-[TT3]): "Glabellar lines — toxin, 20 U" names a treatment area and
 * the amount usually charted for it per product. At the chair a template only pre-fills: it adds
 * its area to the visit and queues one draw per line, each recorded only when the injector
 * confirms it (or an amount they changed) through the ordinary draw path ([TT2]).
 *
 * Example: "Lip — 1 syringe filler" = area "Lips", lines [{ Juvéderm, 1_000 }] →
 *   visit.treatmentAreas ['Forehead'] becomes ['Forehead', 'Lips'];
 *   the queue holds { product Juvéderm, chartedMilli 1_000 }, typed into the pad as "1".
 */
import type { Product, TreatmentTemplate, Visit } from '../model';
import { MAX_TEMPLATE_LINES } from '../schemas/records';
import { formatQuantity } from '../quantity';
import { drawStepOf } from '../treatment/amount';

/** One pre-filled draw waiting for the injector: the product and what the template charts. */
export interface QueuedDraw {
  templateId: string;
  product: Product;
  chartedMilli: number;
}

/** Templates a picker offers: not archived, with at least one line, by name ([TT1]). */
export function pickableTemplates(templates: readonly TreatmentTemplate[]): TreatmentTemplate[] {
  return templates
    .filter((t) => !t.archived && t.lines.length > 0)
    .sort((a, b) => a.name.localeCompare(b.name));
}

/**
 * The draws a template queues, in its line order: lines whose product this tablet does not know
 * or has archived are left out (archived products leave every picker, [CT3]).
 */
export function queuedDraws(template: TreatmentTemplate, products: readonly Product[]): QueuedDraw[] {
  return template.lines.flatMap((line) => {
    const product = products.find((p) => p.id === line.productId);
    return product && !product.archived
      ? [{ templateId: template.id, product, chartedMilli: line.quantityMilli }]
      : [];
  });
}

/** The visit with the template's area added once; the same visit when it already has it. */
export function withTreatmentArea(visit: Visit, area: string): Visit {
  const has = visit.treatmentAreas.some((a) => a.toLowerCase() === area.toLowerCase());
  return has ? visit : { ...visit, treatmentAreas: [...visit.treatmentAreas, area] };
}

/** The charted amount as the pad's keys type it: 20_000 U → "20", 550 mL → "0.55". */
export function typedAmount(quantityMilli: number, product: Pick<Product, 'baseUnit'>): string {
  return formatQuantity(quantityMilli, product.baseUnit).split(' ')[0] ?? '';
}

export interface TemplateProblem {
  field: 'name' | 'treatmentArea' | 'lines';
  message: string;
}

/**
 * What a manager's template must be before it is saved ([TT3]): a name, an area, one to ten
 * lines of distinct active products, each amount above zero and in the product's draw step.
 */
export function checkTemplate(
  template: Pick<TreatmentTemplate, 'name' | 'treatmentArea' | 'lines'>,
  products: readonly Product[],
): TemplateProblem | null {
  if (template.name.trim() === '') return { field: 'name', message: 'Give the template a name.' };
  if (template.treatmentArea.trim() === '')
    return { field: 'treatmentArea', message: 'Say which treatment area it is for.' };
  if (template.lines.length === 0) return { field: 'lines', message: 'Add at least one product.' };
  if (template.lines.length > MAX_TEMPLATE_LINES)
    return { field: 'lines', message: `A template holds at most ${MAX_TEMPLATE_LINES} products.` };
  const seen = new Set<string>();
  for (const line of template.lines) {
    const product = products.find((p) => p.id === line.productId);
    if (!product || product.archived)
      return { field: 'lines', message: 'Every line needs an active product of the catalog.' };
    if (seen.has(product.id))
      return { field: 'lines', message: `${product.name} is on two lines: give it one amount.` };
    seen.add(product.id);
    const step = drawStepOf(product);
    if (line.quantityMilli <= 0 || line.quantityMilli % step !== 0)
      return {
        field: 'lines',
        message: `${product.name} is charted in steps of ${formatQuantity(step, product.baseUnit)}, above zero.`,
      };
  }
  return null;
}
