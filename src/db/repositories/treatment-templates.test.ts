import { firstValueFrom } from 'rxjs';
import { describe, expect, it } from 'vitest';
import { buildDemoClinic } from '../../domain/demo/clinic';
import { buildDemoTemplates } from '../../domain/demo/templates';
import { checkRecordData } from '../../domain/replica';
import { loadDemoClinic } from '../demo';
import { openTestDatabase } from '../testing';
import { CatalogError } from './products';
import { editedOn } from './records';
import { saveTemplate, watchTemplates } from './treatment-templates';

const TODAY = '2026-11-23';
const demo = buildDemoClinic(TODAY);
const ctxOf = (role: 'manager' | 'injector' | 'front_desk') => ({
  deviceId: 'tablet-1',
  actorId: demo.staff.find((s) => s.role === role)?.id ?? '',
  nowMs: Date.parse('2026-11-23T12:00:00Z'),
  role,
});

async function demoDb() {
  const { db } = await openTestDatabase();
  await loadDemoClinic(db, { today: TODAY, hashPin: async (pin) => `test$${pin}` });
  return db;
}

describe('treatment templates on the tablet ([TT1], [TT3])', () => {
  it('[TT1] the demo clinic loads its templates once, valid records of the kind, by name', async () => {
    const db = await demoDb();
    await loadDemoClinic(db, { today: TODAY, hashPin: async (pin) => `test$${pin}` });
    const stored = await firstValueFrom(watchTemplates(db));
    const names = buildDemoTemplates()
      .map((t) => t.name)
      .sort((a, b) => (a < b ? -1 : 1));
    expect(stored.map((t) => t.name)).toEqual(names);
    for (const { id: _id, ...data } of stored)
      expect(checkRecordData('treatment_templates', data)).toBeNull();
    await db.close();
  });

  it('[TT3] a manager’s edit is stored with this tablet’s clock; an injector or front desk is refused', async () => {
    const db = await demoDb();
    const [first] = buildDemoTemplates();
    if (!first) throw new Error('no demo template');
    for (const role of ['injector', 'front_desk'] as const)
      await expect(saveTemplate(db, { ...first, archived: true }, ctxOf(role))).rejects.toThrow(CatalogError);
    expect((await firstValueFrom(watchTemplates(db))).some((t) => t.archived)).toBe(false);
    await saveTemplate(db, { ...first, name: 'Glabella — 25 U' }, ctxOf('manager'));
    const doc = await db.records.findOne(`treatment_templates:${first.id}`).exec();
    expect(doc?.toMutableJSON().data.name).toBe('Glabella — 25 U');
    expect(doc && editedOn(doc.toMutableJSON(), 'tablet-1')).toBe(true);
    await db.close();
  });
});
