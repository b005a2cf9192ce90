/**
 * Treatment templates on the server ([TT1]): managers and admins write them, everyone else is
 * refused with the reason, like the catalog; a template with no line or a zero amount is refused
 * naming the field.
 */
import { describe, expect, it } from 'vitest';
import type { RecordData } from '../../src/domain/replica';
import type { StoreBackend } from './backends';
import { BOTOX, clock, created, harnessPerTest, newId, pulledOne, pushRecords } from './records-fixtures';
import { ORG, STAFF } from './sync-harness';

const templateData = (o: RecordData = {}): RecordData => ({
  orgId: ORG,
  name: 'Glabellar lines — toxin, 20 U',
  treatmentArea: 'Glabella',
  lines: [{ productId: BOTOX, quantityMilli: 20_000 }],
  archived: false,
  ...o,
});

export function defineTemplateRecordsContract(backend: StoreBackend): void {
  describe(`treatment template records (${backend.kind})`, () => {
    const harness = harnessPerTest(backend);

    it('[TT1] a manager’s or admin’s template is stored and pulled back', async () => {
      const h = await harness();
      const device = await h.enroll();
      const byManager = created('treatment_templates', newId(), templateData(), clock(1), STAFF.manager);
      const byAdmin = created(
        'treatment_templates',
        newId(),
        templateData({ name: 'Lip' }),
        clock(1),
        STAFF.admin,
      );
      const res = await pushRecords(h, device, [byManager, byAdmin]);
      expect(res.statusCode).toBe(200);
      expect((await pulledOne(h, device, 'treatment_templates', byManager.id)).data).toEqual(byManager.data);
    });

    it('[TT1] an injector or front desk may not create a template (403 with the reason)', async () => {
      const h = await harness();
      const device = await h.enroll();
      for (const actor of [STAFF.injector, STAFF.frontDesk]) {
        const template = created('treatment_templates', newId(), templateData(), clock(1), actor);
        const res = await pushRecords(h, device, [template]);
        expect(res.statusCode, actor).toBe(403);
        expect(JSON.stringify(res.json())).toContain('may not create a treatment template');
      }
    });

    it('[TT1] a template line of zero units is refused naming the field', async () => {
      const h = await harness();
      const device = await h.enroll();
      const zero = templateData({ lines: [{ productId: BOTOX, quantityMilli: 0 }] });
      const res = await pushRecords(h, device, [
        created('treatment_templates', newId(), zero, clock(1), STAFF.manager),
      ]);
      expect(res.statusCode).toBe(400);
      expect(res.json()).toMatchObject({ field: 'lines' });
    });
  });
}
