import { useMemo, useState } from 'react';
import { catalogGroups, type CatalogQuery } from '../../domain/catalog/catalog-list';
import { PRODUCT_CATEGORIES } from '../../domain/catalog/product-draft';
import type { Product, ProductCategory } from '../../domain/model';
import { formatQuantity } from '../../domain/quantity';

/** The catalog's products: search, category, archived shown on request, variants by family ([CT3], [CT4]). */
export function ProductList({
  products,
  selectedId,
  onOpen,
}: {
  products: readonly Product[];
  selectedId: string | null;
  onOpen: (id: string) => void;
}) {
  const [query, setQuery] = useState<CatalogQuery>({ search: '', category: null, showArchived: false });
  const groups = useMemo(() => catalogGroups(products, query), [products, query]);
  const archivedCount = products.filter((p) => p.archived).length;
  const shownCount = groups.reduce((n, g) => n + g.products.length, 0);
  return (
    <section className="catalog__list" aria-label="Products">
      <div className="catalog__toolbar">
        <input
          className="search"
          type="search"
          data-testid="catalog-search"
          aria-label="Search products by name, maker, family or GTIN"
          placeholder="Search products"
          value={query.search}
          onChange={(e) => setQuery({ ...query, search: e.target.value })}
        />
        <label className="catalog__category">
          <span className="visually-hidden">Category</span>
          <select
            data-testid="catalog-category"
            value={query.category ?? ''}
            onChange={(e) =>
              setQuery({ ...query, category: (e.target.value || null) as ProductCategory | null })
            }
          >
            <option value="">All categories</option>
            {PRODUCT_CATEGORIES.map((c) => (
              <option key={c} value={c}>
                {c}
              </option>
            ))}
          </select>
        </label>
        <label className="catalog__check">
          <input
            type="checkbox"
            data-testid="catalog-show-archived"
            checked={query.showArchived}
            onChange={(e) => setQuery({ ...query, showArchived: e.target.checked })}
          />
          <span>Show archived ({archivedCount})</span>
        </label>
      </div>
      <p className="muted" data-testid="catalog-count">
        {shownCount} of {products.length} products
      </p>
      {groups.map((g) => (
        <div key={g.family ?? g.products[0]?.id} className="catalog__group" data-testid="catalog-group">
          {g.family ? <h4 className="catalog__family">{g.family}</h4> : null}
          <ul className="catalog__items">
            {g.products.map((p) => (
              <li key={p.id}>
                <button
                  type="button"
                  className="catalog__item"
                  aria-pressed={p.id === selectedId}
                  data-testid={`catalog-product-${p.id}`}
                  onClick={() => onOpen(p.id)}
                >
                  <strong>{p.name}</strong>
                  <span className="muted">
                    {p.manufacturer || 'No maker'} · {p.category} ·{' '}
                    {formatQuantity(p.containerSizeMilli, p.baseUnit)} × {p.containersPerPack}
                  </span>
                  {p.archived ? <span className="pill pill--warn">Archived</span> : null}
                </button>
              </li>
            ))}
          </ul>
        </div>
      ))}
    </section>
  );
}
