import { useEffect, useState } from 'react';
import { now } from '../../platform/clock';
import { useData } from '../../platform/DataContext';
import type { SessionStaff } from '../../platform/session';
import { errorFor, type FieldError } from '../../domain/catalog/errors';
import {
  lotDraftFromScan,
  validateLotDraft,
  type LotDraft,
  type LotField,
} from '../../domain/catalog/lot-draft';
import type { Lot, Product } from '../../domain/model';
import type { Identification } from '../../scan/combine';
import { DraftActions, DraftField } from './DraftField';

const FORM = 'new-lot';

/**
 * A lot the catalog does not have yet, read off a carton of a known product (SPEC [SC7]). Lot
 * number and expiry come from the code and are shown, not retyped (editable only when the code
 * lacked them); the unit cost starts at the product's most recent lot's and must be confirmed.
 */
export function NewLotCard({
  product,
  identification,
  staff,
  onCreated,
}: {
  product: Product;
  identification: Identification;
  staff: SessionStaff;
  onCreated: (lot: Lot) => void;
}) {
  const data = useData();
  const [draft, setDraft] = useState<LotDraft | null>(null);
  const [errors, setErrors] = useState<readonly FieldError<LotField>[]>([]);
  const [failure, setFailure] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    let live = true;
    void data.lots.ofProduct(product.id).then((lots) => {
      if (live) setDraft(lotDraftFromScan(identification, lots));
    });
    return () => {
      live = false;
    };
  }, [data, product.id, identification]);

  if (!draft) return <p aria-busy="true">Preparing the new lot…</p>;
  const set = (field: LotField) => (value: string) => setDraft({ ...draft, [field]: value });

  async function confirm() {
    if (!draft) return;
    const result = validateLotDraft(draft);
    if (!result.ok) return setErrors(result.errors);
    setErrors([]);
    setBusy(true);
    try {
      const { lot } = await data.lots.createFromScan(product, result.value, {
        deviceId: data.deviceId,
        actorId: staff.id,
        nowMs: now(),
      });
      onCreated(lot);
    } catch (e) {
      setFailure(`The lot was not added: ${e instanceof Error ? e.message : String(e)}`);
    } finally {
      setBusy(false);
    }
  }

  return (
    <div className="card card--warn" data-testid={FORM}>
      <strong>New lot of {product.name}</strong>
      <p className="muted">This lot is not on this tablet yet. Check the carton, then add it.</p>
      <DraftField form={FORM} field="lotNumber" label="Lot number" error={errorFor(errors, 'lotNumber')}>
        <input
          data-testid={`${FORM}-lotNumber`}
          value={draft.lotNumber}
          readOnly={identification.lot !== undefined}
          onChange={(e) => set('lotNumber')(e.target.value)}
        />
      </DraftField>
      <DraftField form={FORM} field="expiry" label="Expiry (as printed)" error={errorFor(errors, 'expiry')}>
        <input
          type="date"
          data-testid={`${FORM}-expiry`}
          value={draft.expiry}
          readOnly={identification.expiry !== undefined}
          onChange={(e) => set('expiry')(e.target.value)}
        />
      </DraftField>
      <DraftField
        form={FORM}
        field="unitCost"
        label={`Unit cost ($ per ${product.baseUnit})`}
        error={errorFor(errors, 'unitCost')}
      >
        <input
          data-testid={`${FORM}-unitCost`}
          inputMode="decimal"
          autoComplete="off"
          value={draft.unitCost}
          placeholder="6.50"
          onChange={(e) => set('unitCost')(e.target.value)}
        />
      </DraftField>
      <DraftActions form={FORM} failure={failure} busy={busy} onConfirm={() => void confirm()}>
        Add lot {draft.lotNumber}
      </DraftActions>
    </div>
  );
}
export default NewLotCard;
