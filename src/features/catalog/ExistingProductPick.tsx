import { useState } from 'react';
import { pickable } from '../../domain/catalog/catalog-list';
import type { Product } from '../../domain/model';
import { now } from '../../platform/clock';
import { useData } from '../../platform/DataContext';
import { useObservable } from '../../platform/useObservable';
import type { SessionStaff } from '../../platform/session';

/**
 * "Is it one of these?": a scanned GTIN added to a product the catalog already has (a starter
 * product has no GTINs yet), instead of a second product for the same thing.
 */
export function ExistingProductPick({
  gtin,
  staff,
  onChosen,
}: {
  gtin: string;
  staff: SessionStaff;
  onChosen: (product: Product) => void;
}) {
  const data = useData();
  const products = useObservable<Product[]>(() => data.products.watch(), [], [data]);
  const [productId, setProductId] = useState('');
  const [failure, setFailure] = useState<string | null>(null);
  const choices = pickable(products).sort((a, b) => a.name.localeCompare(b.name));
  if (choices.length === 0) return null;
  async function add() {
    setFailure(null);
    try {
      const ctx = { deviceId: data.deviceId, actorId: staff.id, nowMs: now(), role: staff.role };
      onChosen(await data.products.addGtin(productId, gtin, ctx));
    } catch (e) {
      setFailure(`The GTIN was not added: ${e instanceof Error ? e.message : String(e)}`);
    }
  }
  return (
    <div className="existing-product">
      <label className="field">
        <span>Already in the catalog? Choose it</span>
        <select
          data-testid="existing-product"
          value={productId}
          onChange={(e) => setProductId(e.target.value)}
        >
          <option value="">Choose a product…</option>
          {choices.map((p) => (
            <option key={p.id} value={p.id}>
              {p.name}
              {p.gtins.length === 0 ? ' (no GTIN yet)' : ''}
            </option>
          ))}
        </select>
      </label>
      <button
        type="button"
        className="button button--ghost"
        data-testid="existing-product-add"
        disabled={productId === ''}
        onClick={() => void add()}
      >
        Add this GTIN to it
      </button>
      {failure ? (
        <p role="alert" className="error">
          {failure}
        </p>
      ) : null}
    </div>
  );
}
