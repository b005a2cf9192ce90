import { useState } from 'react';
import { newId, now } from '../../platform/clock';
import { useData } from '../../platform/DataContext';
import type { SessionStaff } from '../../platform/session';
import { errorFor, type FieldError } from '../../domain/catalog/errors';
import {
  PRODUCT_CATEGORIES,
  productDraftFromScan,
  validateProductDraft,
  type ProductDraft,
  type ProductField,
} from '../../domain/catalog/product-draft';
import type { Product } from '../../domain/model';
import { BASE_UNITS, formatQuantity } from '../../domain/quantity';
import { DRAW_STEP_MILLI } from '../../domain/treatment/amount';
import { packagingLevel } from '../../scan/match';
import { DraftActions, DraftField } from './DraftField';
import { ExistingProductPick } from './ExistingProductPick';

const FORM = 'new-product';

/** What an empty draw step means for the chosen unit: "0.5 U" (the unit's step). */
function unitStepHint(draft: ProductDraft): string | undefined {
  const unit = BASE_UNITS.find((u) => u === draft.baseUnit);
  return unit ? `empty = ${formatQuantity(DRAW_STEP_MILLI[unit], unit)}` : undefined;
}

/** The free-text inputs, in label order; category and unit are choices (below). */
const TEXT_FIELDS: ReadonlyArray<{
  field: ProductField;
  label: string;
  decimal?: boolean;
  placeholder?: (draft: ProductDraft) => string | undefined;
}> = [
  { field: 'name', label: 'Name as on the label' },
  { field: 'manufacturer', label: 'Manufacturer' },
  { field: 'supplier', label: 'Supplier' },
  { field: 'containerSize', label: 'One vial or syringe holds (in the unit)', decimal: true },
  { field: 'containersPerPack', label: 'Vials or syringes per pack', decimal: true },
  { field: 'patientPrice', label: 'Patient price per unit ($, optional)', decimal: true },
  { field: 'beyondUseHours', label: 'Usable after opening for (hours, empty = no limit)', decimal: true },
  { field: 'minStock', label: 'Reorder point (in the unit)', decimal: true },
  {
    field: 'drawStep',
    label: 'Smallest amount drawn (in the unit; empty = the unit’s step)',
    decimal: true,
    placeholder: unitStepHint,
  },
];

/**
 * A GTIN the catalog does not know (SPEC [SC8]), offered only to roles that manage the catalog:
 * pre-filled with the GTIN, the rest read off the label — and the clinic's draw step for it ([T3]). Saving adds the product (it replicates)
 * and the scan continues with it.
 */
export function NewProductCard({
  gtin,
  orgId,
  staff,
  onCreated,
}: {
  gtin: string;
  orgId: string;
  staff: SessionStaff;
  onCreated: (product: Product) => void;
}) {
  const data = useData();
  const [draft, setDraft] = useState<ProductDraft>(() => productDraftFromScan({ gtin }));
  const [errors, setErrors] = useState<readonly FieldError<ProductField>[]>([]);
  const [failure, setFailure] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const set = (field: ProductField, value: string) => setDraft({ ...draft, [field]: value });

  async function save() {
    setBusy(true);
    setFailure(null);
    try {
      const result = validateProductDraft(draft, await data.products.list());
      setErrors(result.ok ? [] : result.errors);
      if (!result.ok) return;
      const ctx = { deviceId: data.deviceId, actorId: staff.id, nowMs: now(), role: staff.role };
      onCreated(await data.products.create(result.value, { id: newId(), orgId }, ctx));
    } catch (e) {
      setFailure(`The product was not added: ${e instanceof Error ? e.message : String(e)}`);
    } finally {
      setBusy(false);
    }
  }

  const select = (field: 'category' | 'baseUnit', label: string, options: readonly string[]) => (
    <DraftField form={FORM} field={field} label={label} error={errorFor(errors, field)}>
      <select
        data-testid={`${FORM}-${field}`}
        value={draft[field]}
        onChange={(e) => set(field, e.target.value)}
      >
        <option value="">Choose…</option>
        {options.map((o) => (
          <option key={o} value={o}>
            {o}
          </option>
        ))}
      </select>
    </DraftField>
  );

  return (
    <div className="card card--warn" data-testid={FORM}>
      <strong>New product</strong>
      <p className="muted">
        This GTIN is not in the catalog ({packagingLevel(gtin) === 'carton' ? 'a carton' : 'a unit'}-level
        code). If it is a product the catalog already has, choose it; otherwise fill in the rest from the
        label.
      </p>
      <ExistingProductPick gtin={gtin} staff={staff} onChosen={onCreated} />
      <DraftField form={FORM} field="gtin" label="GTIN (from the code)" error={errorFor(errors, 'gtin')}>
        <input data-testid={`${FORM}-gtin`} value={draft.gtin} readOnly />
      </DraftField>
      {select('category', 'Category', PRODUCT_CATEGORIES)}
      {select('baseUnit', 'Counted in', BASE_UNITS)}
      {TEXT_FIELDS.map(({ field, label, decimal, placeholder }) => (
        <DraftField key={field} form={FORM} field={field} label={label} error={errorFor(errors, field)}>
          <input
            data-testid={`${FORM}-${field}`}
            autoComplete="off"
            inputMode={decimal ? 'decimal' : 'text'}
            value={draft[field]}
            placeholder={placeholder?.(draft)}
            onChange={(e) => set(field, e.target.value)}
          />
        </DraftField>
      ))}
      <DraftActions form={FORM} failure={failure} busy={busy} onConfirm={() => void save()}>
        Add product
      </DraftActions>
    </div>
  );
}
export default NewProductCard;
