/**
 * Products offered first in the picker: this tablet's favourites (starred by staff), then the ones
 * it drew most recently. Both are device-local preferences (settings), never replicated ([MD1]).
 */
import type { ChairsideDatabase } from '../collections';
import { getSetting, putSetting } from './settings';

const RECENT_KEY = 'recentProductIds';
const FAVOURITES_KEY = 'favouriteProductIds';
const KEEP_RECENT = 6;

async function readIdList(db: ChairsideDatabase, key: string): Promise<string[]> {
  const raw = await getSetting(db, key);
  if (typeof raw !== 'string') return [];
  try {
    const parsed: unknown = JSON.parse(raw);
    return Array.isArray(parsed) ? parsed.filter((x): x is string => typeof x === 'string') : [];
  } catch {
    return [];
  }
}

export function recentProductIds(db: ChairsideDatabase): Promise<string[]> {
  return readIdList(db, RECENT_KEY);
}

/** Moves `productId` to the front of the list (most recent first, at most six). */
export async function markProductUsed(db: ChairsideDatabase, productId: string): Promise<void> {
  const current = await recentProductIds(db);
  const next = [productId, ...current.filter((id) => id !== productId)].slice(0, KEEP_RECENT);
  await putSetting(db, RECENT_KEY, JSON.stringify(next));
}

export function watchRecentProductIds(db: ChairsideDatabase) {
  return db.settings.findOne(RECENT_KEY).$;
}

export function favouriteProductIds(db: ChairsideDatabase): Promise<string[]> {
  return readIdList(db, FAVOURITES_KEY);
}

/** Stars or unstars a product; starred ones keep the order they were starred in. */
export async function toggleFavourite(db: ChairsideDatabase, productId: string): Promise<boolean> {
  const current = await favouriteProductIds(db);
  const starred = !current.includes(productId);
  const next = starred ? [...current, productId] : current.filter((id) => id !== productId);
  await putSetting(db, FAVOURITES_KEY, JSON.stringify(next));
  return starred;
}

export function watchFavouriteProductIds(db: ChairsideDatabase) {
  return db.settings.findOne(FAVOURITES_KEY).$;
}
