import { useMemo, useRef, useState } from 'react';
import { pickable } from '../../domain/catalog/catalog-list';
import { useData } from '../../platform/DataContext';
import { useObservable } from '../../platform/useObservable';
import type { Product } from '../../domain/model';
import { keepOrder, orderProducts } from './product-order';

/**
 * Pick what is being injected: favourites, then recent, then injectables by name; with search.
 * The order is taken when the visit opens and kept while it is open ([T6]): starring or drawing
 * a product does not move the tiles under the finger.
 */
export function ProductPicker({
  selectedId,
  onPick,
}: {
  selectedId: string | null;
  onPick: (p: Product) => void;
}) {
  const data = useData();
  const [query, setQuery] = useState('');
  // Archived products stay in history, not in the picker ([CT3]).
  const all = useObservable<Product[]>(() => data.products.watch(), [], [data]);
  const products = useMemo(() => pickable(all), [all]);
  const recent = useObservable<string[] | null>(() => data.picker.watchRecent(), null, [data]);
  const favourites = useObservable<string[] | null>(() => data.picker.watchFavourites(), null, [data]);
  const frozen = useRef<string[] | null>(null);
  const today = orderProducts(products, { favourites: favourites ?? [], recent: recent ?? [], query });
  // The first order with the lists loaded is the visit's (products emit before or after them).
  if (frozen.current === null && recent !== null && favourites !== null && products.length > 0)
    frozen.current = orderProducts(products, { favourites, recent, query: '' }).map((p) => p.id);
  const shown = frozen.current ? keepOrder(today, frozen.current) : today;
  return (
    <section className="card">
      <h3>Product</h3>
      <input
        className="search"
        data-testid="product-search"
        aria-label="Search products by name or maker"
        placeholder="Search products"
        value={query}
        onChange={(e) => setQuery(e.target.value)}
      />
      <div className="tiles">
        {shown.map((p) => {
          const starred = (favourites ?? []).includes(p.id);
          return (
            <div key={p.id} className="tile-with-star">
              <button
                type="button"
                className="tile"
                aria-pressed={p.id === selectedId}
                data-testid={`product-${p.id}`}
                onClick={() => onPick(p)}
              >
                <strong>{p.name}</strong>
                <span>{p.manufacturer}</span>
              </button>
              <button
                type="button"
                className="star"
                aria-pressed={starred}
                aria-label={starred ? `Remove ${p.name} from favourites` : `Add ${p.name} to favourites`}
                data-testid={`favourite-${p.id}`}
                onClick={() => void data.picker.toggleFavourite(p.id)}
              >
                {starred ? '★' : '☆'}
              </button>
            </div>
          );
        })}
      </div>
      {products.length === 0 ? <p>No products on this tablet yet.</p> : null}
      {products.length > 0 && shown.length === 0 ? (
        <p role="status" data-testid="product-search-empty">
          No product matches “{query.trim()}”.
        </p>
      ) : null}
    </section>
  );
}
