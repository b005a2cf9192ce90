import { useState } from 'react';
import { toCsv } from '../../domain/catalog/csv';
import { errorFor, type FieldError } from '../../domain/catalog/errors';
import { PRICE_COLUMNS, priceListCsvRows } from '../../domain/catalog/price-import';
import {
  EMPTY_SUPPLIER_TEXT,
  supplierToText,
  validateSupplierText,
  type SupplierField,
  type SupplierText,
} from '../../domain/catalog/supplier-text';
import { packQuantityMilli } from '../../domain/purchasing/packs';
import type { Supplier } from '../../domain/model';
import { formatDecimal } from '../../domain/fixed';
import { lineCostCents } from '../../domain/money';
import { newId } from '../../platform/clock';
import { useData } from '../../platform/DataContext';
import type { SessionStaff } from '../../platform/session';
import { CsvImport } from './CsvImport';
import { DraftField } from './DraftField';
import { downloadText } from './download';
import { priceImportPreview } from './import-previews';
import { SupplierPerformanceCard } from './SupplierPerformanceCard';
import { SupplierPrices } from './SupplierPrices';
import type { CatalogData } from './useCatalog';

const FORM = 'supplier-edit';
const LABELS: Record<SupplierField, string> = {
  name: 'Name',
  contact: 'Contact (person, phone, e-mail)',
  accountNumber: 'Our account number',
  leadTimeDays: 'Lead time (days from order to delivery)',
  paymentTerms: 'Payment terms',
  notes: 'Contract notes',
};

/** The suppliers ([CT2]): a list, and the chosen one's details and price list ([CT6]). */
export function SupplierPanel({ catalog, staff }: { catalog: CatalogData; staff: SessionStaff }) {
  const [open, setOpen] = useState<string | 'new' | null>(null);
  const supplier = catalog.suppliers.find((s) => s.id === open) ?? null;
  return (
    <div className={`catalog__layout${open !== null ? ' catalog__layout--open' : ''}`}>
      <section className="catalog__list" aria-label="Suppliers">
        <div className="catalog__toolbar">
          <h3>Suppliers</h3>
          {catalog.canEdit ? (
            <button
              type="button"
              className="button"
              data-testid="supplier-new"
              onClick={() => setOpen('new')}
            >
              New supplier
            </button>
          ) : null}
        </div>
        {catalog.suppliers.length === 0 ? <p className="muted">No suppliers yet.</p> : null}
        <ul className="catalog__items">
          {catalog.suppliers.map((s) => (
            <li key={s.id}>
              <button
                type="button"
                className="catalog__item"
                aria-pressed={s.id === open}
                data-testid={`supplier-${s.id}`}
                onClick={() => setOpen(s.id)}
              >
                <strong>{s.name}</strong>
                <span className="muted">
                  {s.leadTimeDays === null ? 'Lead time not known' : `${s.leadTimeDays} days lead time`}
                  {s.paymentTerms ? ` · ${s.paymentTerms}` : ''}
                </span>
              </button>
            </li>
          ))}
        </ul>
      </section>
      {open !== null ? (
        <SupplierEditor
          key={open}
          supplier={supplier}
          catalog={catalog}
          staff={staff}
          onSaved={setOpen}
          onClose={() => setOpen(null)}
        />
      ) : null}
    </div>
  );
}

function SupplierEditor({
  supplier,
  catalog,
  staff,
  onSaved,
  onClose,
}: {
  supplier: Supplier | null;
  catalog: CatalogData;
  staff: SessionStaff;
  onSaved: (id: string) => void;
  onClose: () => void;
}) {
  const data = useData();
  const [text, setText] = useState<SupplierText>(() =>
    supplier ? supplierToText(supplier) : EMPTY_SUPPLIER_TEXT,
  );
  const [errors, setErrors] = useState<readonly FieldError<SupplierField>[]>([]);
  const [message, setMessage] = useState<string | null>(null);
  const [importing, setImporting] = useState(false);
  const readOnly = !catalog.canEdit;

  async function save() {
    const others = catalog.suppliers.filter((s) => s.id !== supplier?.id);
    const result = validateSupplierText(text, others);
    setErrors(result.ok ? [] : result.errors);
    if (!result.ok) return;
    const next: Supplier = {
      id: supplier?.id ?? newId(),
      orgId: supplier?.orgId ?? catalog.orgId,
      ...result.value,
    };
    try {
      await data.suppliers.save(next, catalog.ctx());
      setMessage(`Saved ${next.name}.`);
      onSaved(next.id);
    } catch (e) {
      setMessage(`Not saved: ${e instanceof Error ? e.message : String(e)}`);
    }
  }

  function exportPrices(s: Supplier) {
    const products = catalog.products ?? [];
    const rows = priceListCsvRows(
      catalog.prices.filter((p) => p.supplierId === s.id),
      products,
      (price, product) => formatDecimal(lineCostCents(packQuantityMilli(product), price.unitCostMicros), 2),
      (micros) => formatDecimal(micros, 6),
    );
    downloadText(`${s.name} price list.csv`, toCsv(PRICE_COLUMNS, rows));
  }

  return (
    <section
      className="card catalog__detail"
      data-testid={FORM}
      aria-label={supplier?.name ?? 'New supplier'}
    >
      <div className="row row--tight">
        <h3>{supplier?.name ?? 'New supplier'}</h3>
        <button type="button" className="button button--ghost button--small" onClick={onClose}>
          Close
        </button>
      </div>
      <div className="catalog__form">
        {(Object.keys(LABELS) as SupplierField[]).map((field) => (
          <DraftField
            key={field}
            form={FORM}
            field={field}
            label={LABELS[field]}
            error={errorFor(errors, field)}
          >
            <input
              data-testid={`${FORM}-${field}`}
              value={text[field]}
              readOnly={readOnly}
              inputMode={field === 'leadTimeDays' ? 'numeric' : undefined}
              onChange={(e) => setText({ ...text, [field]: e.target.value })}
            />
          </DraftField>
        ))}
      </div>
      {message ? <p role="status">{message}</p> : null}
      {readOnly ? null : (
        <div className="row">
          <button type="button" className="button" data-testid={`${FORM}-save`} onClick={() => void save()}>
            {supplier ? 'Save changes' : 'Add supplier'}
          </button>
          {supplier ? (
            <>
              <button
                type="button"
                className="button button--ghost"
                data-testid="price-import-open"
                onClick={() => setImporting(true)}
              >
                Import price list
              </button>
              <button
                type="button"
                className="button button--ghost"
                data-testid="price-export"
                onClick={() => exportPrices(supplier)}
              >
                Export price list
              </button>
            </>
          ) : null}
        </div>
      )}
      {supplier ? (
        <SupplierPerformanceCard
          supplier={supplier}
          suppliers={catalog.suppliers}
          products={catalog.products ?? []}
          seeCosts={catalog.seeCosts}
        />
      ) : null}
      {supplier && catalog.seeCosts ? (
        <SupplierPrices
          prices={catalog.prices.filter((p) => p.supplierId === supplier.id)}
          products={catalog.products ?? []}
        />
      ) : null}
      {supplier && importing ? (
        <CsvImport
          testId="price-import"
          title={`Price list from ${supplier.name}`}
          help="Columns: gtin or product, packPrice (per pack) or unitCost (per unit), and optionally supplierSku, minPacks, updatedOn (YYYY-MM-DD, empty = today)."
          staff={staff}
          orgId={catalog.orgId}
          prepare={(table) => priceImportPreview(table, supplier, data, catalog)}
          onDone={() => setImporting(false)}
        />
      ) : null}
    </section>
  );
}
