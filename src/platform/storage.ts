/** Browser storage: ask to keep our data (not evictable under pressure) and report usage. */

export interface StorageReport {
  persisted: boolean | null;
  usageBytes: number | null;
  quotaBytes: number | null;
}

/** Asks once at startup; browsers may grant silently (installed PWA) or refuse. Never throws. */
export async function requestPersistentStorage(): Promise<boolean | null> {
  if (!navigator.storage?.persist) return null;
  try {
    if (await navigator.storage.persisted()) return true;
    return await navigator.storage.persist();
  } catch {
    return null;
  }
}

export async function storageReport(): Promise<StorageReport> {
  if (!navigator.storage?.estimate) return { persisted: null, usageBytes: null, quotaBytes: null };
  const [estimate, persisted] = await Promise.all([
    navigator.storage.estimate().catch(() => ({ usage: undefined, quota: undefined })),
    navigator.storage.persisted().catch(() => null),
  ]);
  return { persisted, usageBytes: estimate.usage ?? null, quotaBytes: estimate.quota ?? null };
}

/** 1536 → "1.5 kB"; decimal units, as the OS storage settings show them. */
export function formatBytes(bytes: number): string {
  if (bytes < 1000) return `${bytes} B`;
  const units = ['kB', 'MB', 'GB', 'TB'];
  let value = bytes;
  let unit = 'B';
  for (const next of units) {
    if (value < 1000) break;
    value /= 1000;
    unit = next;
  }
  return `${value.toFixed(value < 10 ? 1 : 0)} ${unit}`;
}
