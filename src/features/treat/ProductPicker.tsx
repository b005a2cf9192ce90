import { useState } from 'react';
import { useData } from '../../platform/DataContext';
import { useObservable } from '../../platform/useObservable';
import type { Product } from '../../domain/model';
import { orderProducts } from './product-order';

/** Pick what is being injected: favourites, then recent, then injectables by name; with search. */
export function ProductPicker({
  selectedId,
  onPick,
}: {
  selectedId: string | null;
  onPick: (p: Product) => void;
}) {
  const data = useData();
  const [query, setQuery] = useState('');
  const products = useObservable<Product[]>(() => data.products.watch(), [], [data]);
  const recent = useObservable<string[]>(() => data.picker.watchRecent(), [], [data]);
  const favourites = useObservable<string[]>(() => data.picker.watchFavourites(), [], [data]);
  const shown = orderProducts(products, { favourites, recent, query });
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
          const starred = favourites.includes(p.id);
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
