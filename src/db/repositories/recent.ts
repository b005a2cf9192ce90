/** Products this tablet drew most recently, so the picker offers them first. */
import type { ChairsideDatabase } from '../collections';
import { getSetting, putSetting } from './settings';

const KEY = 'recentProductIds';
const KEEP = 6;

export async function recentProductIds(db: ChairsideDatabase): Promise<string[]> {
  const raw = await getSetting(db, KEY);
  if (typeof raw !== 'string') return [];
  try {
    const parsed: unknown = JSON.parse(raw);
    return Array.isArray(parsed) ? parsed.filter((x): x is string => typeof x === 'string') : [];
  } catch {
    return [];
  }
}

/** Moves `productId` to the front of the list (most recent first, at most six). */
export async function markProductUsed(db: ChairsideDatabase, productId: string): Promise<void> {
  const current = await recentProductIds(db);
  const next = [productId, ...current.filter((id) => id !== productId)].slice(0, KEEP);
  await putSetting(db, KEY, JSON.stringify(next));
}

export function watchRecentProductIds(db: ChairsideDatabase) {
  return db.settings.findOne(KEY).$;
}
