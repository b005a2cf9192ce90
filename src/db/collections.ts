/**
 * The collection plan. RxDB's open core allows at most 13 collections per database; Chairside's
 * budget (decisions/2026-11-23_collection-budget.md) is: locations, staff, products, lots, events,
 * settings, balances (with opened containers), visits, syncmarks (now), counts, purchase_orders
 * (receiving and counting), leaving 2 spare. Every schema version above 0 needs a migration strategy here.
 */
import type { MigrationStrategies, RxCollection, RxCollectionCreator, RxDatabase, RxJsonSchema } from 'rxdb';
import type { Location, Lot, Product, Staff, Visit } from '../domain/model';
import { locationSchemaV0, lotSchemaV0, productSchemaV0, staffSchemaV0 } from './schemas/catalog';
import { syncMarkSchemaV0, type SyncMarkDoc } from './schemas/syncmarks';
import { eventSchemaV0, settingSchemaV0, type EventDoc, type SettingDoc } from './schemas/ledger';
import { lotBalanceSchemaV0, visitSchemaV0, type LotBalanceDoc } from './schemas/treatment';

export type StaffDoc = Staff & { pinHash: string };

export interface ChairsideCollections {
  locations: RxCollection<Location>;
  staff: RxCollection<StaffDoc>;
  products: RxCollection<Product>;
  lots: RxCollection<Lot>;
  events: RxCollection<EventDoc>;
  settings: RxCollection<SettingDoc>;
  balances: RxCollection<LotBalanceDoc>;
  visits: RxCollection<Visit>;
  syncmarks: RxCollection<SyncMarkDoc>;
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
  locations: { schema: locationSchemaV0, migrationStrategies: {} },
  staff: { schema: staffSchemaV0, migrationStrategies: {} },
  products: { schema: productSchemaV0, migrationStrategies: {} },
  lots: { schema: lotSchemaV0, migrationStrategies: {} },
  events: { schema: eventSchemaV0, migrationStrategies: {} },
  settings: { schema: settingSchemaV0, migrationStrategies: {} },
  balances: { schema: lotBalanceSchemaV0, migrationStrategies: {} },
  visits: { schema: visitSchemaV0, migrationStrategies: {} },
  syncmarks: { schema: syncMarkSchemaV0, migrationStrategies: {} },
};

export function collectionCreators(): Record<CollectionName, RxCollectionCreator> {
  const out = {} as Record<CollectionName, RxCollectionCreator>;
  for (const [name, spec] of Object.entries(COLLECTIONS) as [CollectionName, CollectionSpec][]) {
    out[name] = { schema: spec.schema, migrationStrategies: spec.migrationStrategies, autoMigrate: true };
  }
  return out;
}
