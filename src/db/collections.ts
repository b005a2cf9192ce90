/**
 * The collection plan. RxDB's open core allows at most 13 collections per database; Chairside's
 * budget (decisions/2026-11-23_collection-budget.md) is: locations, staff, products, lots, events,
 * settings, balances (with opened containers), visits, syncmarks (now), counts, purchase_orders
 * (receiving and counting), leaving 2 spare. Every schema version above 0 needs a migration strategy here.
 */
import type { MigrationStrategies, RxCollection, RxCollectionCreator, RxDatabase, RxJsonSchema } from 'rxdb';
import { eventSchemaV0, settingSchemaV0, type EventDoc, type SettingDoc } from './schemas/ledger';
import {
  ADD_REPLICA_META,
  locationSchemaV1,
  lotSchemaV1,
  productSchemaV2,
  PRODUCT_MIGRATIONS,
  staffSchemaV1,
  visitSchemaV1,
  purchaseOrderSchemaV0,
  countSessionSchemaV0,
  type CountSessionDoc,
  type PurchaseOrderDoc,
  type LocationDoc,
  type LotDoc,
  type ProductDoc,
  type StaffDoc,
  type VisitDoc,
} from './schemas/replicated';
import { syncMarkSchemaV0, type SyncMarkDoc } from './schemas/syncmarks';
import { BALANCE_MIGRATIONS, lotBalanceSchemaV1, type LotBalanceDoc } from './schemas/treatment';

export type { CountSessionDoc, LocationDoc, LotDoc, ProductDoc, PurchaseOrderDoc, StaffDoc, VisitDoc };

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
  purchase_orders: RxCollection<PurchaseOrderDoc>;
  counts: RxCollection<CountSessionDoc>;
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
  locations: { schema: locationSchemaV1, migrationStrategies: ADD_REPLICA_META },
  staff: { schema: staffSchemaV1, migrationStrategies: ADD_REPLICA_META },
  products: { schema: productSchemaV2, migrationStrategies: PRODUCT_MIGRATIONS },
  lots: { schema: lotSchemaV1, migrationStrategies: ADD_REPLICA_META },
  events: { schema: eventSchemaV0, migrationStrategies: {} },
  settings: { schema: settingSchemaV0, migrationStrategies: {} },
  balances: { schema: lotBalanceSchemaV1, migrationStrategies: BALANCE_MIGRATIONS },
  visits: { schema: visitSchemaV1, migrationStrategies: ADD_REPLICA_META },
  syncmarks: { schema: syncMarkSchemaV0, migrationStrategies: {} },
  purchase_orders: { schema: purchaseOrderSchemaV0, migrationStrategies: {} },
  counts: { schema: countSessionSchemaV0, migrationStrategies: {} },
};

export function collectionCreators(): Record<CollectionName, RxCollectionCreator> {
  const out = {} as Record<CollectionName, RxCollectionCreator>;
  for (const [name, spec] of Object.entries(COLLECTIONS) as [CollectionName, CollectionSpec][]) {
    out[name] = { schema: spec.schema, migrationStrategies: spec.migrationStrategies, autoMigrate: true };
  }
  return out;
}
