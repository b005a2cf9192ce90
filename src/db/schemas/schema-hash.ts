/**
 * The hash that pins a collection's schema at its version (SPEC [DB7]): RxDB's own schema hash —
 * the one RxDB compares when a tablet reopens a collection at the same version — and, for
 * `records`, also the stored shapes of the kinds it holds, which its RxDB schema does not list.
 */
import { createRxSchema, defaultHashSha256, type RxJsonSchema } from 'rxdb';
import { recordsCollectionKinds } from './records';

// Any collection's schema may be hashed; its document type plays no part.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function rxSchemaHash(schema: RxJsonSchema<any>): Promise<string> {
  return createRxSchema(schema, defaultHashSha256).hash;
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function collectionSchemaHash(name: string, schema: RxJsonSchema<any>): Promise<string> {
  const rxHash = await rxSchemaHash(schema);
  if (name !== 'records') return rxHash;
  return defaultHashSha256(JSON.stringify({ rxHash, kinds: recordsCollectionKinds() }));
}
