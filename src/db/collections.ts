/**
 * The collection plan. RxDB's open core allows at most 13 collections per database; Chairside's
 * budget (decisions/2026-11-23_collection-budget.md, updated 2026-12-01) is: locations, staff,
 * products, lots, visits (the master data with screens and queries of their own, each derived
 * from its kind's one definition, [MD11]), records (every small replicated kind — purchase orders,
 * count sessions, and the suppliers, treatment templates, storage areas and alert
 * acknowledgements still to come — keyed `kind:id`, [DB6]), events, settings, balances (with
 * opened containers), syncmarks: 10, leaving 3 spare. A new small kind costs no collection.
 * Every schema version above 0 needs a migration strategy here, and schema-hashes.json pins each
 * version's hash (schema-hashes.test.ts).
 */
import type { MigrationStrategies, RxCollection, RxCollectionCreator, RxDatabase, RxJsonSchema } from 'rxdb';
import { eventSchemaV0, settingSchemaV0, type EventDoc, type SettingDoc } from './schemas/ledger';
import { RECORDS_MIGRATIONS, recordsSchema, type RecordEnvelopeDoc } from './schemas/records';
import {
  locationSchema,
  lotSchema,
  PRODUCT_MIGRATIONS,
  productSchema,
  REPLICATED_MIGRATIONS,
  staffSchema,
  visitSchema,
  type LocationDoc,
  type LotDoc,
  type ProductDoc,
  type StaffDoc,
  type VisitDoc,
} from './schemas/replicated';
import { syncMarkSchemaV0, type SyncMarkDoc } from './schemas/syncmarks';
import { BALANCE_MIGRATIONS, lotBalanceSchemaV1, type LotBalanceDoc } from './schemas/treatment';

export type { LocationDoc, LotDoc, ProductDoc, RecordEnvelopeDoc, StaffDoc, VisitDoc };

export interface ChairsideCollections {
  locations: RxCollection<LocationDoc>;
  staff: RxCollection<StaffDoc>;
  products: RxCollection<ProductDoc>;
  lots: RxCollection<LotDoc>;
  events: RxCollection<EventDoc>;
  settings: RxCollection<SettingDoc>;
  balances: RxCollection<LotBalanceDoc>;
  visits: RxCollection<VisitDoc>;
  syncmarks: RxCollection<SyncMarkDoc>;
  records: RxCollection<RecordEnvelopeDoc>;
}

export type ChairsideDatabase = RxDatabase<ChairsideCollections>;
export type CollectionName = keyof ChairsideCollections;

export const RXDB_OPEN_CORE_COLLECTION_LIMIT = 13;

interface CollectionSpec {
  // RxJsonSchema is invariant in its document type; the map holds several, so it is widened here.
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  schema: RxJsonSchema<any>;
  migrationStrategies: MigrationStrategies;
}

/** Current schema and migrations of every collection; `migrationStrategies[n]` lifts v(n-1) → vn. */
export const COLLECTIONS: Record<CollectionName, CollectionSpec> = {
  locations: { schema: locationSchema, migrationStrategies: REPLICATED_MIGRATIONS },
  staff: { schema: staffSchema, migrationStrategies: REPLICATED_MIGRATIONS },
  products: { schema: productSchema, migrationStrategies: PRODUCT_MIGRATIONS },
  lots: { schema: lotSchema, migrationStrategies: REPLICATED_MIGRATIONS },
  events: { schema: eventSchemaV0, migrationStrategies: {} },
  settings: { schema: settingSchemaV0, migrationStrategies: {} },
  balances: { schema: lotBalanceSchemaV1, migrationStrategies: BALANCE_MIGRATIONS },
  visits: { schema: visitSchema, migrationStrategies: REPLICATED_MIGRATIONS },
  syncmarks: { schema: syncMarkSchemaV0, migrationStrategies: {} },
  records: { schema: recordsSchema, migrationStrategies: RECORDS_MIGRATIONS },
};

export function collectionCreators(): Record<CollectionName, RxCollectionCreator> {
  const out = {} as Record<CollectionName, RxCollectionCreator>;
  for (const [name, spec] of Object.entries(COLLECTIONS) as [CollectionName, CollectionSpec][]) {
    out[name] = { schema: spec.schema, migrationStrategies: spec.migrationStrategies, autoMigrate: true };
  }
  return out;
}
