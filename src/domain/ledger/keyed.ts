/**
 * Lookup tables handed to the pure core: callers hold either a Map (RxDB query results collected
 * by id) or a plain object (JSON from the server), so both are accepted.
 */
export type Keyed<T> = ReadonlyMap<string, T> | Readonly<Record<string, T>>;

/** The value stored under `key`, or undefined. Own properties only, so "constructor" is not a hit. */
export function lookup<T>(table: Keyed<T>, key: string): T | undefined {
  if (table instanceof Map) return (table as ReadonlyMap<string, T>).get(key);
  const record = table as Readonly<Record<string, T>>;
  return Object.prototype.hasOwnProperty.call(record, key) ? record[key] : undefined;
}
