import { useState } from 'react';
import { map, switchMap } from 'rxjs';
import { useLocal } from '../../app/DatabaseContext';
import { useObservable } from '../../app/useObservable';
import { recentProductIds, watchRecentProductIds } from '../../db/repositories/recent';
import type { Product, ProductCategory } from '../../domain/model';

const CATEGORY_ORDER: ProductCategory[] = ['neurotoxin', 'filler', 'biostimulator', 'skincare', 'supply'];

/** Pick what is being injected; injectables first, then by name, with search. */
export function ProductPicker({
  selectedId,
  onPick,
}: {
  selectedId: string | null;
  onPick: (p: Product) => void;
}) {
  const { db } = useLocal();
  const [query, setQuery] = useState('');
  const products = useObservable<Product[]>(
    () => db.products.find().$.pipe(map((docs) => docs.map((d) => d.toMutableJSON()))),
    [],
    [db],
  );
  const recent = useObservable<string[]>(
    () => watchRecentProductIds(db).pipe(switchMap(() => recentProductIds(db))),
    [],
    [db],
  );
  const rank = (p: Product) => (recent.includes(p.id) ? recent.indexOf(p.id) : recent.length);
  const needle = query.trim().toLowerCase();
  const shown = products
    .filter(
      (p) =>
        !needle || p.name.toLowerCase().includes(needle) || p.manufacturer.toLowerCase().includes(needle),
    )
    .sort(
      (a, b) =>
        rank(a) - rank(b) ||
        CATEGORY_ORDER.indexOf(a.category) - CATEGORY_ORDER.indexOf(b.category) ||
        a.name.localeCompare(b.name),
    );
  return (
    <section className="card">
      <h3>Product</h3>
      <input
        className="search"
        data-testid="product-search"
        placeholder="Search products"
        value={query}
        onChange={(e) => setQuery(e.target.value)}
      />
      <div className="tiles">
        {shown.map((p) => (
          <button
            key={p.id}
            type="button"
            className="tile"
            aria-pressed={p.id === selectedId}
            data-testid={`product-${p.id}`}
            onClick={() => onPick(p)}
          >
            <strong>{p.name}</strong>
            <span>{p.manufacturer}</span>
          </button>
        ))}
      </div>
      {products.length === 0 ? <p>No products on this tablet yet.</p> : null}
    </section>
  );
}
