import { describe, expect, it } from 'vitest';
import { openTestDatabase } from '../testing';
import { favouriteProductIds, markProductUsed, recentProductIds, toggleFavourite } from './recent';

describe('recent products', () => {
  it('keeps the six most recently used, most recent first, without repeats', async () => {
    const { db } = await openTestDatabase();
    expect(await recentProductIds(db)).toEqual([]);
    for (const id of ['a', 'b', 'c', 'a', 'd', 'e', 'f', 'g']) await markProductUsed(db, id);
    expect(await recentProductIds(db)).toEqual(['g', 'f', 'e', 'd', 'a', 'c']);
    await db.close();
  });
});

describe('favourite products', () => {
  it('stars and unstars, keeping the order they were starred in', async () => {
    const { db } = await openTestDatabase();
    expect(await toggleFavourite(db, 'x')).toBe(true);
    expect(await toggleFavourite(db, 'y')).toBe(true);
    expect(await favouriteProductIds(db)).toEqual(['x', 'y']);
    expect(await toggleFavourite(db, 'x')).toBe(false);
    expect(await favouriteProductIds(db)).toEqual(['y']);
    await db.close();
  });
});
