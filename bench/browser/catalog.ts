/**
 * catalog.csv_import_5k_ms in the browser: a 5,000-row product CSV through exactly what the
 * Catalog's import does — parseCsv (papaparse), planProductImport (every row validated) and
 * saveProducts (one bulk write through saveRecords: clocks, replication bookkeeping) — into a
 * database holding the demo clinic. Baseline: a raw Dexie bulkPut of the same 5,000 products into a
 * plain table (primary key only), the floor of storing them at all.
 */
import Dexie from 'dexie';
import { openDatabase } from '../../src/db/database';
import { loadDemoClinic } from '../../src/db/demo';
import { saveProducts, toProduct } from '../../src/db/repositories/products';
import { parseCsv } from '../../src/domain/catalog/csv';
import { planProductImport } from '../../src/domain/catalog/product-import';
import { DEMO_IDS, buildDemoClinic } from '../../src/domain/demo/clinic';
import { NOW_MS, TODAY } from './shared';

export interface CatalogImportSamples {
  importMs: number[];
  parseMs: number[];
  planMs: number[];
  baselineMs: number[];
  /** Products stored after each import, and rows refused: must be rows + 6 and 0. */
  stored: number[];
  errors: number[];
}

function productCsv(rows: number): string {
  const lines = [
    'name,manufacturer,category,baseUnit,containerSize,containersPerPack,patientPrice,minStock,family',
  ];
  for (let i = 0; i < rows; i++)
    lines.push(
      `"Bench product ${i}, 1 mL",Maker ${i % 40},filler,mL,1,2,${(i % 900) + 100}.50,2,Family ${i % 250}`,
    );
  return lines.join('\r\n');
}

export async function catalogImportSamples(rows: number, samples: number): Promise<CatalogImportSamples> {
  const csv = productCsv(rows);
  const manager = buildDemoClinic(TODAY).staff.find((s) => s.role === 'manager');
  if (!manager) throw new Error('the demo clinic has no manager');
  const out: CatalogImportSamples = {
    importMs: [],
    parseMs: [],
    planMs: [],
    baselineMs: [],
    stored: [],
    errors: [],
  };
  for (let s = 0; s < samples; s++) {
    const db = await openDatabase({ name: `bench-catalog-${s}` });
    const raw = new Dexie(`bench-catalog-raw-${s}`);
    raw.version(1).stores({ products: 'id' });
    await raw.open();
    try {
      await loadDemoClinic(db, { today: TODAY, hashPin: async (pin) => `bench$${pin}` });
      const existing = (await db.products.find().exec()).map((d) => toProduct(d.toMutableJSON()));
      let n = 0;
      const newId = () => `0190a000-0000-7000-8000-${String(++n).padStart(12, '0')}`;
      const t0 = performance.now();
      const parsed = parseCsv(csv);
      if (!parsed.ok) throw new Error(parsed.error);
      const t1 = performance.now();
      const plan = planProductImport(parsed.table, {
        orgId: DEMO_IDS.organization,
        existing,
        suppliers: [],
        newId,
      });
      const t2 = performance.now();
      await saveProducts(db, plan.created, {
        deviceId: 'bench-tablet',
        actorId: manager.id,
        nowMs: NOW_MS,
        role: 'manager',
      });
      const t3 = performance.now();
      await raw.table('products').bulkPut(plan.created);
      const t4 = performance.now();
      out.importMs.push(t3 - t0);
      out.parseMs.push(t1 - t0);
      out.planMs.push(t2 - t1);
      out.baselineMs.push(t4 - t3);
      out.stored.push(await db.products.count().exec());
      out.errors.push(plan.errors.length);
    } finally {
      raw.close();
      await db.close();
    }
  }
  return out;
}
