import { describe, expect, it } from 'vitest';
import { buildDemoClinic } from '../../domain/demo/clinic';
import { keepOrder, orderProducts } from './product-order';

const products = buildDemoClinic('2026-11-30').products;
const named = (prefix: string) => products.find((p) => p.name.startsWith(prefix))!;

describe('product tile order', () => {
  it('puts favourites first, then recent, then injectables by name', () => {
    const sculptra = named('Sculptra');
    const juvederm = named('Juv');
    const botox = named('Botox');
    const ordered = orderProducts(products, {
      favourites: [sculptra.id],
      recent: [juvederm.id, botox.id],
      query: '',
    }).map((p) => p.name);
    expect(ordered.slice(0, 3)).toEqual([sculptra.name, juvederm.name, botox.name]);
    const rest = orderProducts(products, { favourites: [], recent: [], query: '' });
    expect(rest[0]!.category).toBe('neurotoxin');
    expect(rest.at(-1)!.category).not.toBe('neurotoxin');
  });

  it('filters by name or manufacturer, case-insensitively', () => {
    const byMaker = orderProducts(products, { favourites: [], recent: [], query: 'ALLERGAN' });
    expect(byMaker.length).toBeGreaterThan(0);
    expect(byMaker.every((p) => p.manufacturer.includes('Allergan') || p.name.includes('Allergan'))).toBe(
      true,
    );
    expect(orderProducts(products, { favourites: [], recent: [], query: 'no such thing' })).toEqual([]);
  });

  it('[T6] keeps the order the visit started with; products added since go last', () => {
    const [first, second, third, ...rest] = orderProducts(products, {
      favourites: [],
      recent: [],
      query: '',
    });
    const frozen = [first!.id, second!.id, third!.id];
    const today = orderProducts(products, { favourites: [], recent: [third!.id], query: '' });
    expect(today[0]!.id).toBe(third!.id);
    const kept = keepOrder(today, frozen).map((p) => p.id);
    expect(kept.slice(0, 3)).toEqual(frozen);
    expect(kept.slice(3)).toEqual(rest.map((p) => p.id));
  });
});
