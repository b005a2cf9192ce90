/** Device-local settings: the device id and small preferences that never leave this tablet. */
import type { ChairsideDatabase } from '../collections';

const DEVICE_ID_KEY = 'deviceId';

export type SettingValue = string | number | boolean | null;

export async function getSetting(db: ChairsideDatabase, key: string): Promise<SettingValue> {
  const doc = await db.settings.findOne(key).exec();
  return doc ? (JSON.parse(doc.value) as SettingValue) : null;
}

export async function putSetting(db: ChairsideDatabase, key: string, value: SettingValue): Promise<void> {
  await db.settings.upsert({ key, value: JSON.stringify(value) });
}

/**
 * The id this tablet stamps on every event it records. Created once, on first open; `newId`
 * is injected so tests are deterministic. Concurrent first calls (two tabs) converge on the
 * first stored value because insert conflicts are resolved by reading back.
 */
export async function ensureDeviceId(db: ChairsideDatabase, newId: () => string): Promise<string> {
  const existing = await getSetting(db, DEVICE_ID_KEY);
  if (typeof existing === 'string') return existing;
  try {
    await db.settings.insert({ key: DEVICE_ID_KEY, value: JSON.stringify(newId()) });
  } catch (error) {
    // Another tab inserted first (conflict): read the winner. Anything else is a real failure.
    if (!isConflict(error)) throw error;
  }
  const stored = await getSetting(db, DEVICE_ID_KEY);
  if (typeof stored !== 'string') throw new Error('device id could not be stored');
  return stored;
}

function isConflict(error: unknown): boolean {
  return typeof error === 'object' && error !== null && 'code' in error && error.code === 'CONFLICT';
}
