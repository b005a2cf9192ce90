/**
 * The Catalog's two imports as previews ([CT5], [CT6]): the pure plans from src/domain/catalog,
 * and the one write each commits (products, or one supplier's prices).
 */
import { planPriceImport } from '../../domain/catalog/price-import';
import { planProductImport } from '../../domain/catalog/product-import';
import { productToText } from '../../domain/catalog/product-text';
import type { CsvTable } from '../../domain/catalog/csv';
import type { Supplier } from '../../domain/model';
import { formatUnitCost } from '../../domain/money';
import { deviceToday, newId } from '../../platform/clock';
import type { ChairsideData } from '../../platform/data';
import type { ImportPreview } from './CsvImport';
import type { CatalogData } from './useCatalog';

const SAMPLE = 5;

export function productImportPreview(
  table: CsvTable,
  data: ChairsideData,
  catalog: CatalogData,
): ImportPreview {
  const plan = planProductImport(table, {
    orgId: catalog.orgId,
    existing: catalog.products ?? [],
    suppliers: catalog.suppliers,
    newId,
  });
  const writes = [...plan.created, ...plan.updated];
  const byId = new Map((catalog.products ?? []).map((p) => [p.id, p]));
  const priceChanges = plan.updated.filter(
    (p) => byId.get(p.id)?.patientPricePerUnitCents !== p.patientPricePerUnitCents,
  ).length;
  return {
    count: writes.length,
    summary: `${plan.created.length} new, ${plan.updated.length} changed, ${plan.unchanged} unchanged`,
    header: ['name', 'category', 'baseUnit', 'containerSize', 'unitGtins'],
    sample: writes.slice(0, SAMPLE).map((p) => {
      const t = productToText(p, catalog.suppliers);
      return [t.name, t.category, t.baseUnit, t.containerSize, t.unitGtins];
    }),
    errors: plan.errors,
    unknownColumns: plan.unknownColumns,
    needsApproval: priceChanges > 0 ? `${priceChanges} prices to patients change.` : null,
    commit: (approvalKey) => data.products.save(writes, catalog.ctx(approvalKey)),
  };
}

export function priceImportPreview(
  table: CsvTable,
  supplier: Supplier,
  data: ChairsideData,
  catalog: CatalogData,
): ImportPreview {
  const products = catalog.products ?? [];
  const plan = planPriceImport(table, { supplier, products, today: deviceToday() });
  const names = new Map(products.map((p) => [p.id, p.name]));
  return {
    count: plan.prices.length,
    summary: `${plan.prices.length} prices from ${supplier.name}`,
    header: ['product', 'unitCost', 'updatedOn'],
    sample: plan.prices
      .slice(0, SAMPLE)
      .map((p) => [names.get(p.productId) ?? p.productId, formatUnitCost(p.unitCostMicros), p.updatedOn]),
    errors: plan.errors,
    unknownColumns: plan.unknownColumns,
    needsApproval: null,
    commit: () => data.suppliers.savePrices(plan.prices, catalog.ctx()),
  };
}
