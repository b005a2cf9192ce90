/**
 * The demo clinic's treatment templates ([TT1]): what its injectors chart most often, on the demo
 * products. Fixed ids (kind 7) so every copy of the demo converges on the same records.
 */
import type { TreatmentTemplate } from '../model';
import { buildDemoClinic, DEMO_IDS, demoId } from './clinic';

const template = (
  n: number,
  name: string,
  treatmentArea: string,
  lines: TreatmentTemplate['lines'],
): TreatmentTemplate => ({
  id: demoId(7, n),
  orgId: DEMO_IDS.organization,
  name,
  treatmentArea,
  lines,
  archived: false,
});

export function buildDemoTemplates(): TreatmentTemplate[] {
  // Product ids do not depend on the day; any day gives them.
  const ids = buildDemoClinic('2026-01-01').products.map((p) => p.id);
  const [botox, dysport, , juvederm] = ids as [string, string, string, string];
  return [
    template(1, 'Glabellar lines — toxin, 20 U', 'Glabella', [{ productId: botox, quantityMilli: 20_000 }]),
    template(2, "Crow's feet — toxin, 24 U", "Crow's feet", [{ productId: botox, quantityMilli: 24_000 }]),
    template(3, 'Forehead — Dysport, 50 U', 'Forehead', [{ productId: dysport, quantityMilli: 50_000 }]),
    template(4, 'Lip — 1 syringe filler', 'Lips', [{ productId: juvederm, quantityMilli: 1_000 }]),
  ];
}
