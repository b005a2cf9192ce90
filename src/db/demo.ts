/**
 * "Load demo clinic": puts the shared demo data set (src/domain/demo) into this tablet's
 * database so staff can try Chairside before sync brings their real data. Idempotent: the demo
 * uses fixed ids, so loading twice — or later syncing the server's demo seed — converges.
 */
import { buildDemoClinic } from '../domain/demo/clinic';
import { receiptToEvent } from '../domain/demo/events';
import { buildDemoTemplates } from '../domain/demo/templates';
import type { ChairsideDatabase } from './collections';
import type { Plain } from './repositories/records';
import { upsertCatalog } from './repositories/catalog';
import { loadBaselineRecords } from './repositories/records';
import { recordEvents } from './repositories/balances';

export interface LoadDemoOptions {
  /** Today's date on the device (YYYY-MM-DD); demo expiries are relative to it. */
  today: string;
  hashPin: (pin: string) => Promise<string>;
}

export async function loadDemoClinic(db: ChairsideDatabase, options: LoadDemoOptions): Promise<void> {
  const clinic = buildDemoClinic(options.today);
  const staff: Plain<'staff'>[] = [];
  for (const { demoPin, ...person } of clinic.staff) {
    staff.push({ ...person, pinHash: await options.hashPin(demoPin) });
  }
  await upsertCatalog(db, {
    locations: clinic.locations,
    staff,
    products: clinic.products,
    lots: clinic.lots,
  });
  // The demo's treatment templates ([TT1]), under any edit already stored, like the catalog.
  await loadBaselineRecords(db, 'treatment_templates', buildDemoTemplates());
  await recordEvents(
    db,
    clinic.receipts.map((r) => receiptToEvent(r, clinic.organization.id)),
  );
}
