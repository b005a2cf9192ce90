/**
 * Device-local settings: the device id and small preferences that never leave this tablet.
 *
 * Every key the app reads or writes has one codec in `SETTINGS` (its default, and how its value is
 * stored), so no caller decodes a stored value by hand. A value is stored as JSON of a primitive
 * (`SettingValue`); structured values (id lists, the enrollment) are a JSON string inside that, as
 * they always were on tablets in the field. Sync's per-kind cursors are the one exception: src/sync
 * keeps them through the raw `getSetting`/`putSetting` below.
 */
import { map, type Observable } from 'rxjs';
import type { ChartRule } from '../../domain/treatment/chart-ref';
import type { ChairsideDatabase } from '../collections';
import type { SettingDoc } from '../schemas/ledger';

export type SettingValue = string | number | boolean | null;

export interface SettingCodec<T> {
  readonly default: T;
  encode(value: T): SettingValue;
  /** The stored primitive back to the value; a value it cannot read gives the default. */
  decode(stored: SettingValue): T;
}

/** This tablet's enrollment with the clinic's sync server (src/sync/enrollment.ts writes it). */
export interface Enrollment {
  baseUrl: string;
  token: string;
  serverDeviceId: string;
  orgId: string;
  locationIds: string[];
  deviceName: string;
}

const optionalString: SettingCodec<string | null> = {
  default: null,
  encode: (value) => value,
  decode: (stored) => (typeof stored === 'string' ? stored : null),
};

const flag: SettingCodec<boolean> = {
  default: false,
  encode: (value) => value,
  decode: (stored) => stored === true,
};

/** A structured value kept as a JSON string; `read` narrows what was parsed (null = unreadable). */
function jsonString<T>(fallback: T, read: (parsed: unknown) => T | null): SettingCodec<T> {
  return {
    default: fallback,
    encode: (value) => (value === null ? null : JSON.stringify(value)),
    decode: (stored) => {
      if (typeof stored !== 'string') return fallback;
      try {
        return read(JSON.parse(stored)) ?? fallback;
      } catch {
        return fallback;
      }
    },
  };
}

const idList = jsonString<string[]>([], (parsed) =>
  Array.isArray(parsed) ? parsed.filter((x): x is string => typeof x === 'string') : null,
);

const enrollment = jsonString<Enrollment | null>(null, (parsed) =>
  typeof parsed === 'object' && parsed !== null ? (parsed as Enrollment) : null,
);

const chartRule = jsonString<ChartRule | null>(null, (parsed) => {
  if (typeof parsed !== 'object' || parsed === null) return null;
  const { pattern, require } = parsed as Partial<ChartRule>;
  return typeof pattern === 'string' && typeof require === 'boolean' ? { pattern, require } : null;
});

/** A whole number of days in a sane range; anything else reads as the default. */
function dayCount(fallback: number): SettingCodec<number> {
  return {
    default: fallback,
    encode: (value) => value,
    decode: (stored) =>
      typeof stored === 'number' && Number.isInteger(stored) && stored >= 0 && stored <= 3650
        ? stored
        : fallback,
  };
}

/** Every settings key, with its codec. Keys are the stored ids: never rename one. */
export const SETTINGS = {
  deviceId: optionalString,
  /** The last hybrid-logical-clock value this tablet issued (records.ts). */
  hlcLast: optionalString,
  recentProductIds: idList,
  favouriteProductIds: idList,
  'scan.muted': flag,
  syncEnrollment: enrollment,
  /**
   * The clinic's chart-number pattern (SPEC [T8]). A clinic setting kept on this tablet only, like
   * every setting here: each tablet is set up on its own.
   */
  'clinic.chartRule': chartRule,
  /** Receiving warns about lots expiring within this many days (SPEC [RC6]); this tablet only. */
  'clinic.shortDatedDays': dayCount(90),
};

export type SettingKey = keyof typeof SETTINGS;
export type SettingOf<K extends SettingKey> = (typeof SETTINGS)[K]['default'];

function codec<K extends SettingKey>(key: K): SettingCodec<SettingOf<K>> {
  return SETTINGS[key] as unknown as SettingCodec<SettingOf<K>>;
}

function decodeDoc<K extends SettingKey>(key: K, doc: Pick<SettingDoc, 'value'> | null): SettingOf<K> {
  const c = codec(key);
  return doc ? c.decode(JSON.parse(doc.value) as SettingValue) : c.default;
}

export async function readSetting<K extends SettingKey>(
  db: ChairsideDatabase,
  key: K,
): Promise<SettingOf<K>> {
  return decodeDoc(key, await db.settings.findOne(key).exec());
}

export async function writeSetting<K extends SettingKey>(
  db: ChairsideDatabase,
  key: K,
  value: SettingOf<K>,
): Promise<void> {
  await putSetting(db, key, codec(key).encode(value));
}

/** The setting's value now and after every change (other tabs included). */
export function watchSetting<K extends SettingKey>(db: ChairsideDatabase, key: K): Observable<SettingOf<K>> {
  return db.settings.findOne(key).$.pipe(map((doc) => decodeDoc(key, doc)));
}

/** The raw stored primitive; for keys outside `SETTINGS` (sync's cursors). */
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
  const existing = await readSetting(db, 'deviceId');
  if (existing !== null) return existing;
  try {
    await db.settings.insert({ key: 'deviceId', value: JSON.stringify(newId()) });
  } catch (error) {
    // Another tab inserted first (conflict): read the winner. Anything else is a real failure.
    if (!isConflict(error)) throw error;
  }
  const stored = await readSetting(db, 'deviceId');
  if (stored === null) throw new Error('device id could not be stored');
  return stored;
}

function isConflict(error: unknown): boolean {
  return typeof error === 'object' && error !== null && 'code' in error && error.code === 'CONFLICT';
}
