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
