import { useState } from 'react';
import { toCsv } from '../../domain/catalog/csv';
import { productCsvRows } from '../../domain/catalog/product-import';
import { PRODUCT_COLUMNS } from '../../domain/catalog/product-text';
import { now } from '../../platform/clock';
import { useData } from '../../platform/DataContext';
import { activeStaff, useSession, type SessionStaff } from '../../platform/session';
import { SignInPanel } from '../signin/SignInPanel';
import { CsvImport } from './CsvImport';
import { downloadText } from './download';
import { productImportPreview } from './import-previews';
import { ProductEditor } from './ProductEditor';
import { ProductList } from './ProductList';
import { SupplierPanel } from './SupplierPanel';
import { TemplatePanel } from './TemplatePanel';
import { useCatalog } from './useCatalog';
import './catalog.css';

type Tab = 'products' | 'suppliers' | 'templates';
const TAB_LABEL: Record<Tab, string> = {
  products: 'Products',
  suppliers: 'Suppliers',
  templates: 'Templates',
};

/**
 * The Catalog ([CT2]-[CT6], [TT3]): products (search, category, archived on request, variants by
 * family), suppliers with their price lists, and treatment templates. Everyone signed in reads it; managers and admins edit,
 * archive, import and export.
 */
export function CatalogScreen() {
  const staff = activeStaff(useSession(), now());
  return (
    <div data-testid="screen-catalog" className="catalog">
      {staff ? <CatalogFor key={staff.id} staff={staff} /> : <SignInPanel />}
    </div>
  );
}

function CatalogFor({ staff }: { staff: SessionStaff }) {
  const data = useData();
  const catalog = useCatalog(staff);
  const [tab, setTab] = useState<Tab>('products');
  const [open, setOpen] = useState<string | 'new' | null>(null);
  const [importing, setImporting] = useState(false);
  const products = catalog.products;
  if (products === null) return <div aria-busy="true" />;
  const product = products.find((p) => p.id === open) ?? null;

  const actions = catalog.canEdit ? (
    <div className="catalog__actions">
      <button type="button" className="button" data-testid="catalog-new" onClick={() => setOpen('new')}>
        New product
      </button>
      <button
        type="button"
        className="button button--ghost"
        data-testid="product-import-open"
        onClick={() => setImporting(true)}
      >
        Import CSV
      </button>
      <button
        type="button"
        className="button button--ghost"
        data-testid="product-export"
        onClick={() =>
          downloadText('catalog.csv', toCsv(PRODUCT_COLUMNS, productCsvRows(products, catalog.suppliers)))
        }
      >
        Export CSV
      </button>
    </div>
  ) : null;

  return (
    <>
      <div className="catalog__head">
        <h2>Catalog</h2>
        <div className="segmented" role="radiogroup" aria-label="Catalog part">
          {(['products', 'suppliers', 'templates'] as const).map((t) => (
            <button
              key={t}
              type="button"
              role="radio"
              aria-checked={tab === t}
              className="button button--ghost"
              data-testid={`catalog-tab-${t}`}
              onClick={() => setTab(t)}
            >
              {TAB_LABEL[t]}
            </button>
          ))}
        </div>
        {tab === 'products' ? actions : null}
      </div>
      {tab === 'templates' ? <TemplatePanel catalog={catalog} /> : null}
      {tab === 'suppliers' ? <SupplierPanel catalog={catalog} staff={staff} /> : null}
      {tab !== 'products' ? null : (
        <>
          {importing ? (
            <CsvImport
              testId="product-import"
              title="Import products"
              help={`Columns (any order; only the ones present change): ${PRODUCT_COLUMNS.join(', ')}. A row is the product one of its GTINs or its name names, else a new product.`}
              staff={staff}
              orgId={catalog.orgId}
              prepare={(table) => productImportPreview(table, data, catalog)}
              onDone={() => setImporting(false)}
            />
          ) : null}
          <div className={`catalog__layout${open !== null ? ' catalog__layout--open' : ''}`}>
            <ProductList products={products} selectedId={product?.id ?? null} onOpen={setOpen} />
            {open !== null ? (
              <ProductEditor
                key={open}
                product={product}
                catalog={catalog}
                staff={staff}
                onClose={() => setOpen(null)}
              />
            ) : null}
          </div>
        </>
      )}
    </>
  );
}
