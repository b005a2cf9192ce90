/**
 * Picking a treatment template at the chair ([TT2]): the visit gets the template's area (once, a
 * replicated edit of the visit), and the template's lines become the queue of draws the injector
 * confirms one by one. Nothing is drawn here: each queued draw is recorded by `recordDraw` only
 * when the injector taps Record.
 */
import type { ChairsideData } from '../../platform/data';
import type { Product, TreatmentTemplate, Visit } from '../../domain/model';
import { queuedDraws, withTreatmentArea } from '../../domain/templates';
import type { QueuedLine } from './treat-store';

export interface TemplateCommandContext {
  data: { visits: Pick<ChairsideData['visits'], 'save'> };
  actorId: string;
  deviceId: string;
  now: () => number;
  newId: () => string;
}

export async function applyTemplate(
  ctx: TemplateCommandContext,
  visit: Visit,
  template: TreatmentTemplate,
  products: readonly Product[],
): Promise<QueuedLine[]> {
  const updated = withTreatmentArea(visit, template.treatmentArea);
  if (updated !== visit)
    await ctx.data.visits.save(updated, { deviceId: ctx.deviceId, actorId: ctx.actorId, nowMs: ctx.now() });
  return queuedDraws(template, products).map((q) => ({
    id: ctx.newId(),
    templateName: template.name,
    productId: q.product.id,
    chartedMilli: q.chartedMilli,
  }));
}
