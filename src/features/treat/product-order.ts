/**
 * The order of the Treat screen's product tiles: favourites first (in the order starred), then
 * recently drawn (most recent first), then injectables before retail and supplies, then by name.
 * A search keeps that order among the products whose name or manufacturer contains the text.
 *
 * Example: favourites [Sculptra], recent [Juvederm, Botox] → Sculptra, Juvederm, Botox, Dysport, …
 */
import type { Product, ProductCategory } from '../../domain/model';

const CATEGORY_ORDER: ProductCategory[] = ['neurotoxin', 'filler', 'biostimulator', 'skincare', 'supply'];

export function orderProducts(
  products: Product[],
  { favourites, recent, query }: { favourites: string[]; recent: string[]; query: string },
): Product[] {
  const needle = query.trim().toLowerCase();
  const position = (list: string[], id: string) => (list.includes(id) ? list.indexOf(id) : list.length);
  return products
    .filter(
      (p) =>
        !needle || p.name.toLowerCase().includes(needle) || p.manufacturer.toLowerCase().includes(needle),
    )
    .sort(
      (a, b) =>
        position(favourites, a.id) - position(favourites, b.id) ||
        position(recent, a.id) - position(recent, b.id) ||
        CATEGORY_ORDER.indexOf(a.category) - CATEGORY_ORDER.indexOf(b.category) ||
        a.name.localeCompare(b.name),
    );
}

/**
 * Tiles do not move under the finger during a visit ([T6]): `ordered` (today's order) rearranged
 * to the order the visit started with (`frozenIds`); products that arrived since go last, in
 * today's order.
 *
 * Example: frozen [Botox, Dysport, Xeomin]; after drawing Xeomin today's order is
 * [Xeomin, Botox, Dysport] → kept as [Botox, Dysport, Xeomin].
 */
export function keepOrder(ordered: Product[], frozenIds: readonly string[]): Product[] {
  const at = new Map(frozenIds.map((id, i) => [id, i]));
  const known = ordered.filter((p) => at.has(p.id)).sort((a, b) => (at.get(a.id) ?? 0) - (at.get(b.id) ?? 0));
  return [...known, ...ordered.filter((p) => !at.has(p.id))];
}
