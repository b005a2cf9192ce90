/**
 * The Catalog screen's product list and every picker's choice of products ([CT3], [CT4]).
 *
 * - Pickers (Treat, Receive) offer only products that are not archived (`pickable`).
 * - The list searches name, maker, family and GTIN (accents and case aside), filters by category,
 *   hides archived products unless asked, and groups variants: products with the same non-empty
 *   family are one group named after it, sorted with the others by that name.
 *
 * Example: Botox Cosmetic 50 U and 100 U (family "Botox Cosmetic") and Dysport 300 U → groups
 * [{ family: 'Botox Cosmetic', products: [50 U, 100 U] }, { family: null, products: [Dysport] }].
 */
import type { Product, ProductCategory } from '../model';
import { matchKey } from './text-match';

export const pickable = <P extends Pick<Product, 'archived'>>(products: readonly P[]): P[] =>
  products.filter((p) => !p.archived);

export interface CatalogQuery {
  readonly search: string;
  /** null = every category. */
  readonly category: ProductCategory | null;
  readonly showArchived: boolean;
}

export interface ProductGroup {
  /** The family name, or null for a product of no family (a group of one). */
  readonly family: string | null;
  readonly products: readonly Product[];
}

function matches(p: Product, words: readonly string[]): boolean {
  const hay = matchKey([p.name, p.manufacturer, p.family, ...p.gtins].join(' '));
  return words.every((w) => hay.includes(w));
}

export function catalogGroups(products: readonly Product[], q: CatalogQuery): ProductGroup[] {
  const words = matchKey(q.search)
    .split(' ')
    .filter((w) => w !== '');
  const shown = products.filter(
    (p) =>
      (q.showArchived || !p.archived) &&
      (q.category === null || p.category === q.category) &&
      matches(p, words),
  );
  const families = new Map<string, Product[]>();
  const groups: { key: string; group: ProductGroup }[] = [];
  for (const p of shown) {
    const family = p.family.trim();
    if (family === '') {
      groups.push({ key: matchKey(p.name), group: { family: null, products: [p] } });
      continue;
    }
    const key = matchKey(family);
    let members = families.get(key);
    if (!members) {
      members = [];
      families.set(key, members);
      groups.push({ key, group: { family, products: members } });
    }
    members.push(p);
  }
  for (const members of families.values()) members.sort((a, b) => a.name.localeCompare(b.name));
  return groups.sort((a, b) => a.key.localeCompare(b.key)).map((g) => g.group);
}

/** The family names in use, for the form's suggestions. */
export function familyNames(products: readonly Product[]): string[] {
  const names = new Map<string, string>();
  for (const p of products) if (p.family.trim() !== '') names.set(matchKey(p.family), p.family.trim());
  return [...names.values()].sort((a, b) => a.localeCompare(b));
}
