import { describe, expect, it } from 'vitest';
import { buildDemoClinic } from '../demo/clinic';
import { buildDemoTemplates } from '../demo/templates';
import type { TreatmentTemplate, Visit } from '../model';
import { checkRecordData } from '../replica';
import { checkTemplate, pickableTemplates, queuedDraws, typedAmount, withTreatmentArea } from './templates';

const clinic = buildDemoClinic('2026-11-23');
const [botox, , , juvederm] = clinic.products;
if (!botox || !juvederm) throw new Error('demo products missing');

/** A template with defaults: one line of 20 U Botox for the glabella. */
function makeTemplate(overrides: Partial<TreatmentTemplate> = {}): TreatmentTemplate {
  return {
    id: '0190a000-0000-7000-8000-00000000e001',
    orgId: clinic.organization.id,
    name: 'Glabellar lines — toxin, 20 U',
    treatmentArea: 'Glabella',
    lines: [{ productId: botox!.id, quantityMilli: 20_000 }],
    archived: false,
    ...overrides,
  };
}

const visit: Visit = {
  id: '0190a000-0000-7000-8000-00000000e101',
  orgId: clinic.organization.id,
  locationId: clinic.locations[0]!.id,
  patientChartRef: 'CH-1',
  providerId: clinic.staff[0]!.id,
  treatmentAreas: ['Forehead'],
  priceChargedCents: null,
  startedAt: '2026-11-23T15:00:00.000Z',
  deviceId: 'tablet-1',
};

describe('treatment templates ([TT1]-[TT3])', () => {
  it('[TT1] the demo templates are valid records on demo products, each passing the editor’s check', () => {
    const templates = buildDemoTemplates();
    expect(templates.map((t) => t.name)).toContain('Glabellar lines — toxin, 20 U');
    for (const { id: _id, ...data } of templates)
      expect(checkRecordData('treatment_templates', data)).toBeNull();
    for (const t of templates) expect(checkTemplate(t, clinic.products)).toBeNull();
  });

  it('[TT1] the picker offers active templates with lines, by name', () => {
    const picked = pickableTemplates([
      makeTemplate({ id: 'b', name: 'Lip' }),
      makeTemplate({ id: 'a', name: 'Crow’s feet' }),
      makeTemplate({ id: 'c', name: 'Old', archived: true }),
      makeTemplate({ id: 'd', name: 'Empty', lines: [] }),
    ]);
    expect(picked.map((t) => t.id)).toEqual(['a', 'b']);
  });

  it('[TT2] picking queues one draw per line of an active product, with the charted amount', () => {
    const template = makeTemplate({
      lines: [
        { productId: botox.id, quantityMilli: 20_000 },
        { productId: juvederm.id, quantityMilli: 1_000 },
        { productId: '0190a000-0000-7000-8000-00000000ffff', quantityMilli: 1_000 },
      ],
    });
    const archived = clinic.products.map((p) => (p.id === juvederm.id ? { ...p, archived: true } : p));
    expect(queuedDraws(template, clinic.products).map((q) => [q.product.id, q.chartedMilli])).toEqual([
      [botox.id, 20_000],
      [juvederm.id, 1_000],
    ]);
    expect(queuedDraws(template, archived).map((q) => q.product.id)).toEqual([botox.id]);
  });

  it('[TT2] the template’s area is added to the visit once', () => {
    const once = withTreatmentArea(visit, 'Glabella');
    expect(once.treatmentAreas).toEqual(['Forehead', 'Glabella']);
    expect(withTreatmentArea(once, 'glabella')).toBe(once);
  });

  it('[TT2] the charted amount is typed into the pad as its keys would', () => {
    expect(typedAmount(20_000, botox)).toBe('20');
    expect(typedAmount(550, juvederm)).toBe('0.55');
  });

  it('[TT3] a template needs a name, an area and distinct active products in their draw step', () => {
    const check = (t: Partial<TreatmentTemplate>) => checkTemplate(makeTemplate(t), clinic.products)?.field;
    expect(check({})).toBeUndefined();
    expect(check({ name: ' ' })).toBe('name');
    expect(check({ treatmentArea: '' })).toBe('treatmentArea');
    expect(check({ lines: [] })).toBe('lines');
    expect(check({ lines: [{ productId: botox.id, quantityMilli: 20_250 }] })).toBe('lines');
    const twice = { productId: botox.id, quantityMilli: 4_000 };
    expect(check({ lines: [twice, twice] })).toBe('lines');
    const archived = clinic.products.map((p) => ({ ...p, archived: true }));
    expect(checkTemplate(makeTemplate(), archived)?.message).toMatch(/active product/);
  });
});
