/**
 * SPEC [DB7]: a collection's schema never changes at the same version. schema-hashes.json holds
 * the hash of every version each collection has had; a schema that no longer matches the hash of
 * its version fails here — bump the version, add migration strategy n, and record the new hash
 * (the failure prints it). Older versions' hashes stay as they are: tablets still hold them.
 */
import { describe, expect, it } from 'vitest';
import { COLLECTIONS } from '../collections';
import {
  locationSchemaV0,
  lotSchemaV0,
  productSchemaV0,
  productSchemaV3,
  productSchemaV4,
  staffSchemaV0,
} from './catalog';
import { RETIRED_COLLECTIONS } from './legacy';
import { collectionSchemaHash, rxSchemaHash } from './schema-hash';
import HASHES from './schema-hashes.json';
import { lotBalanceSchemaV0, visitSchemaV0 } from './treatment';

const recorded = HASHES as Record<string, Record<string, string>>;

describe('[DB7] schema hashes pin each collection version', () => {
  it.each(Object.entries(COLLECTIONS))('%s has the hash recorded for its version', async (name, spec) => {
    const { version } = spec.schema;
    const hash = await collectionSchemaHash(name, spec.schema);
    const pinned = recorded[name]?.[String(version)];
    expect(
      pinned,
      `${name} v${version} has no recorded hash: record "${version}": "${hash}" in schema-hashes.json`,
    ).toBeDefined();
    expect(
      hash,
      `${name} changed at v${version}: bump its version, add migration strategy ${version + 1} and ` +
        `record the new schema's hash (this one was ${hash})`,
    ).toBe(pinned);
  });

  it.each(Object.entries(COLLECTIONS))(
    '%s: versions 0..current are recorded, each above 0 with a migration strategy',
    (name, spec) => {
      const { version } = spec.schema;
      const versions = Array.from({ length: version + 1 }, (_, i) => String(i));
      expect(Object.keys(recorded[name] ?? {}).sort(), name).toEqual(versions.sort());
      for (let v = 1; v <= version; v++)
        expect(typeof spec.migrationStrategies[v], `${name} migration ${v}`).toBe('function');
    },
  );

  it('the frozen schemas tablets may still hold keep their recorded hashes', async () => {
    const frozen = {
      locations: locationSchemaV0,
      staff: staffSchemaV0,
      products: productSchemaV0,
      lots: lotSchemaV0,
      visits: visitSchemaV0,
      balances: lotBalanceSchemaV0,
      ...RETIRED_COLLECTIONS,
    };
    const laterProducts = [
      ['products', productSchemaV3],
      ['products', productSchemaV4],
    ] as const;
    for (const [name, schema] of [...Object.entries(frozen), ...laterProducts])
      expect(await rxSchemaHash(schema), `${name} v${schema.version}`).toBe(
        recorded[name]?.[String(schema.version)],
      );
  });

  it('a retired collection is not created any more, and every recorded one is current or retired', () => {
    for (const name of Object.keys(RETIRED_COLLECTIONS))
      expect(Object.hasOwn(COLLECTIONS, name), name).toBe(false);
    const known = new Set([...Object.keys(COLLECTIONS), ...Object.keys(RETIRED_COLLECTIONS)]);
    for (const name of Object.keys(recorded)) expect(known.has(name), name).toBe(true);
  });
});
