import { useState } from 'react';
import { errorFor, type FieldError } from '../../domain/catalog/errors';
import { CATALOG_FIELD_DEFAULTS } from '../../domain/catalog/product-defaults';
import { PRODUCT_CATEGORIES } from '../../domain/catalog/product-draft';
import {
  EMPTY_PRODUCT_TEXT,
  mergeEdit,
  productToText,
  textContext,
  validateProductText,
  type ProductColumn,
  type ProductText,
} from '../../domain/catalog/product-text';
import { familyNames } from '../../domain/catalog/catalog-list';
import type { Product } from '../../domain/model';
import { BASE_UNITS } from '../../domain/quantity';
import { newId } from '../../platform/clock';
import { useData } from '../../platform/DataContext';
import type { SessionStaff } from '../../platform/session';
import { DraftField } from './DraftField';
import { OwnPin } from './OwnPin';
import { PriceHistory } from './PriceHistory';
import type { CatalogData } from './useCatalog';

const FORM = 'product-edit';

const TEXT_FIELDS: ReadonlyArray<{ field: ProductColumn; label: string; numeric?: boolean }> = [
  { field: 'name', label: 'Name as on the label' },
  { field: 'manufacturer', label: 'Manufacturer' },
  { field: 'family', label: 'Family (variants, e.g. Botox Cosmetic)' },
  { field: 'containerSize', label: 'One vial or syringe holds (in the unit)', numeric: true },
  { field: 'containersPerPack', label: 'Vials or syringes per pack', numeric: true },
  { field: 'unitGtins', label: 'Unit-level GTINs (vial, syringe)' },
  { field: 'cartonGtins', label: 'Carton-level GTINs (indicator 1-8)' },
  { field: 'hibccCodes', label: 'HIBC codes (labeler + product code)' },
  { field: 'patientPrice', label: 'Price to patients per unit ($, empty = per treatment)', numeric: true },
  { field: 'minStock', label: 'Minimum stock (reorder point, in the unit)', numeric: true },
  { field: 'reorderQuantity', label: 'Reorder quantity (in the unit)', numeric: true },
  { field: 'beyondUseHours', label: 'Usable after opening for (hours, empty = no limit)', numeric: true },
  { field: 'drawStep', label: 'Smallest amount drawn (empty = the unit’s step)', numeric: true },
];

/**
 * One product's details ([CT2]-[CT5]): every field, editable by managers and admins, read-only for
 * everyone else. Archive (never delete) takes it out of pickers; its price history is below.
 */
export function ProductEditor({
  product,
  catalog,
  staff,
  onClose,
}: {
  /** null: a new product. */
  product: Product | null;
  catalog: CatalogData;
  staff: SessionStaff;
  onClose: () => void;
}) {
  const data = useData();
  const products = catalog.products ?? [];
  const [text, setText] = useState<ProductText>(() =>
    product ? productToText(product, catalog.suppliers) : EMPTY_PRODUCT_TEXT,
  );
  const [errors, setErrors] = useState<readonly FieldError<ProductColumn>[]>([]);
  const [message, setMessage] = useState<string | null>(null);
  const [pending, setPending] = useState<Product | null>(null);
  const readOnly = !catalog.canEdit;
  const set = (field: ProductColumn, value: string) => setText({ ...text, [field]: value });

  async function store(next: Product, approvalKey?: Uint8Array) {
    setPending(null);
    try {
      await data.products.save([next], catalog.ctx(approvalKey));
      setMessage(`Saved ${next.name}.`);
    } catch (e) {
      setMessage(`Not saved: ${e instanceof Error ? e.message : String(e)}`);
    }
  }

  function save(archived?: boolean) {
    const typed = archived === undefined ? text : { ...text, archived: archived ? 'yes' : 'no' };
    const result = validateProductText(typed, textContext(products, product?.id ?? null, catalog.suppliers));
    setErrors(result.ok ? [] : result.errors);
    setMessage(null);
    if (!result.ok) return;
    setText(typed);
    const next: Product = product
      ? mergeEdit(product, result.value)
      : { id: newId(), orgId: catalog.orgId, ...CATALOG_FIELD_DEFAULTS, ...result.value };
    const priceChanged =
      product !== null && product.patientPricePerUnitCents !== next.patientPricePerUnitCents;
    if (priceChanged) setPending(next);
    else void store(next);
  }

  const choice = (field: ProductColumn, label: string, options: readonly (readonly [string, string])[]) => (
    <DraftField form={FORM} field={field} label={label} error={errorFor(errors, field)}>
      <select
        data-testid={`${FORM}-${field}`}
        value={text[field]}
        disabled={readOnly}
        onChange={(e) => set(field, e.target.value)}
      >
        {options.map(([value, name]) => (
          <option key={value} value={value}>
            {name}
          </option>
        ))}
      </select>
    </DraftField>
  );

  const archived = product?.archived ?? false;
  return (
    <section
      className="card catalog__detail"
      data-testid={FORM}
      aria-label={product ? product.name : 'New product'}
    >
      <div className="row row--tight">
        <h3>{product ? product.name : 'New product'}</h3>
        {archived ? <span className="pill pill--warn">Archived</span> : null}
        <button type="button" className="button button--ghost button--small" onClick={onClose}>
          Close
        </button>
      </div>
      {readOnly ? <p className="muted">Only managers and admins change the catalog.</p> : null}
      <div className="catalog__form">
        {choice('category', 'Category', [['', 'Choose…'], ...PRODUCT_CATEGORIES.map((c) => [c, c] as const)])}
        {choice('baseUnit', 'Counted in', [['', 'Choose…'], ...BASE_UNITS.map((u) => [u, u] as const)])}
        {TEXT_FIELDS.map(({ field, label, numeric }) => (
          <DraftField key={field} form={FORM} field={field} label={label} error={errorFor(errors, field)}>
            <input
              data-testid={`${FORM}-${field}`}
              value={text[field]}
              readOnly={readOnly}
              inputMode={numeric ? 'decimal' : undefined}
              list={field === 'family' ? 'catalog-families' : undefined}
              onChange={(e) => set(field, e.target.value)}
            />
          </DraftField>
        ))}
        {choice('preferredSupplier', 'Preferred supplier', [
          ['', 'None'],
          ...(text.preferredSupplier !== '' &&
          !catalog.suppliers.some((s) => s.name === text.preferredSupplier)
            ? [[text.preferredSupplier, `${text.preferredSupplier} (not in Suppliers)`] as const]
            : []),
          ...catalog.suppliers.map((s) => [s.name, s.name] as const),
        ])}
      </div>
      <datalist id="catalog-families">
        {familyNames(products).map((f) => (
          <option key={f} value={f} />
        ))}
      </datalist>
      {pending ? (
        <OwnPin
          staff={staff}
          orgId={catalog.orgId}
          what="The price to patients changes."
          onApproved={(key) => void store(pending, key)}
          onCancel={() => setPending(null)}
        />
      ) : null}
      {message ? (
        <p role="status" data-testid={`${FORM}-message`}>
          {message}
        </p>
      ) : null}
      {readOnly ? null : (
        <div className="row">
          <button type="button" className="button" data-testid={`${FORM}-save`} onClick={() => save()}>
            {product ? 'Save changes' : 'Add product'}
          </button>
          {product ? (
            <button
              type="button"
              className="button button--ghost"
              data-testid={`${FORM}-archive`}
              onClick={() => save(!archived)}
            >
              {archived ? 'Un-archive' : 'Archive'}
            </button>
          ) : null}
        </div>
      )}
      {product && catalog.seeCosts ? <PriceHistory product={product} catalog={catalog} /> : null}
    </section>
  );
}
