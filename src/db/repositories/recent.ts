/**
 * Products offered first in the picker: this tablet's favourites (starred by staff), then the ones
 * it drew most recently. Both are device-local preferences (settings), never replicated ([MD1]).
 */
import type { Observable } from 'rxjs';
import type { ChairsideDatabase } from '../collections';
import { readSetting, watchSetting, writeSetting } from './settings';

const KEEP_RECENT = 6;

export function recentProductIds(db: ChairsideDatabase): Promise<string[]> {
  return readSetting(db, 'recentProductIds');
}

/** Moves `productId` to the front of the list (most recent first, at most six). */
export async function markProductUsed(db: ChairsideDatabase, productId: string): Promise<void> {
  const current = await recentProductIds(db);
  const next = [productId, ...current.filter((id) => id !== productId)].slice(0, KEEP_RECENT);
  await writeSetting(db, 'recentProductIds', next);
}

export function watchRecentProductIds(db: ChairsideDatabase): Observable<string[]> {
  return watchSetting(db, 'recentProductIds');
}

export function favouriteProductIds(db: ChairsideDatabase): Promise<string[]> {
  return readSetting(db, 'favouriteProductIds');
}

/** Stars or unstars a product; starred ones keep the order they were starred in. */
export async function toggleFavourite(db: ChairsideDatabase, productId: string): Promise<boolean> {
  const current = await favouriteProductIds(db);
  const starred = !current.includes(productId);
  const next = starred ? [...current, productId] : current.filter((id) => id !== productId);
  await writeSetting(db, 'favouriteProductIds', next);
  return starred;
}

export function watchFavouriteProductIds(db: ChairsideDatabase): Observable<string[]> {
  return watchSetting(db, 'favouriteProductIds');
}
