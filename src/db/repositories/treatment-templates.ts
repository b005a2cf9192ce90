/**
 * Treatment templates on the tablet ([TT1], [TT3]): a small kind in the `records` collection
 * ([DB6]), written through `saveRecords` (clock-stamped, replicated). Everyone reads them (the
 * Treat screen's picker); only roles that manage the catalog write them, checked here as on the
 * Catalog screen and again by the server.
 */
import { map, type Observable } from 'rxjs';
import type { Role, TreatmentTemplate } from '../../domain/model';
import { can } from '../../domain/roles';
import type { ChairsideDatabase } from '../collections';
import { CatalogError } from './products';
import { asRecordDoc } from './record-docs';
import { saveRecords, type EditContext } from './records';

/** Every template on this tablet, archived ones included, by name. */
export function watchTemplates(db: ChairsideDatabase): Observable<TreatmentTemplate[]> {
  return db.records.find({ selector: { kind: 'treatment_templates' }, sort: [{ sortKey: 'asc' }] }).$.pipe(
    map((docs) =>
      docs.flatMap((d) => {
        const flat = asRecordDoc('treatment_templates', d.toMutableJSON());
        if (!flat) return [];
        const { clocks: _c, editor: _e, ...fields } = flat;
        return [fields];
      }),
    ),
  );
}

export async function saveTemplate(
  db: ChairsideDatabase,
  template: TreatmentTemplate,
  ctx: EditContext & { role: Role },
): Promise<void> {
  if (!can(ctx.role, 'manage_catalog'))
    throw new CatalogError('Only a manager or admin may change treatment templates.');
  await saveRecords(db, 'treatment_templates', [template], ctx);
}
