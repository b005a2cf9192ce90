import { describe, expect, it } from 'vitest';
import { openTestDatabase } from '../testing';
import { markProductUsed, recentProductIds } from './recent';

describe('recent products', () => {
  it('keeps the six most recently used, most recent first, without repeats', async () => {
    const { db } = await openTestDatabase();
    expect(await recentProductIds(db)).toEqual([]);
    for (const id of ['a', 'b', 'c', 'a', 'd', 'e', 'f', 'g']) await markProductUsed(db, id);
    expect(await recentProductIds(db)).toEqual(['g', 'f', 'e', 'd', 'a', 'c']);
    await db.close();
  });
});
