/**
 * The RxDB schemas of the record kinds that keep a collection of their own (SPEC [MD1], [MD9],
 * [MD11]): each is derived from the kind's one definition (src/domain/schemas/records.ts) by
 * `storedKindSchema`, so no field is written here. The small kinds live in the `records`
 * collection (records.ts).
 *
 * Versions: v0 were hand-written (catalog.ts, treatment.ts); v1 added the replication metadata
 * (migration 1: no clocks yet — unclocked fields lose to any clocked copy, so the first pull brings
 * the server's values — and no local editor); products v2 added HIBC codes. The next version of
 * each is the first derived one: the same documents, so its migration copies them unchanged.
 * Products v4 added the draw step (`drawStepMilli`, null = the unit's step); v5 the catalog's
 * `archived`, `family`, `reorderQuantityMilli` and `preferredSupplierId`.
 * schema-hashes.json pins every version's hash (schema-hashes.test.ts).
 */
import type { MigrationStrategies } from 'rxdb';
import type { Location, Lot, Product, Staff, Visit } from '../../domain/model';
import { LocationRecord, LotRecord, ProductRecord, StaffRecord, VisitRecord } from '../../domain/schemas';
import { storedKindSchema, type ReplicaMeta } from './derive';

export type { ReplicaMeta } from './derive';

export type LocationDoc = Location & ReplicaMeta;
export type StaffDoc = Staff & { pinHash: string } & ReplicaMeta;
export type ProductDoc = Product & ReplicaMeta;
export type LotDoc = Lot & ReplicaMeta;
export type VisitDoc = Visit & ReplicaMeta;

export const locationSchema = storedKindSchema<Location>(LocationRecord, { title: 'location', version: 2 });
export const staffSchema = storedKindSchema<Staff & { pinHash: string }>(StaffRecord, {
  title: 'staff',
  version: 2,
});
export const productSchema = storedKindSchema<Product>(ProductRecord, { title: 'product', version: 5 });
export const lotSchema = storedKindSchema<Lot>(LotRecord, {
  title: 'lot',
  version: 2,
  indexes: ['productId', ['productId', 'expiry']],
});
export const visitSchema = storedKindSchema<Visit>(VisitRecord, {
  title: 'visit',
  version: 2,
  indexes: ['startedAt'],
});

/** v0 → v1: no clocks yet (the record predates replication), no local editor. */
const addReplicaMeta = (doc: Record<string, unknown>) => ({ ...doc, clocks: {}, editor: '' });
/** To the first derived schema: the stored documents already fit it. */
const sameDocument = (doc: Record<string, unknown>) => doc;

export const REPLICATED_MIGRATIONS: MigrationStrategies = { 1: addReplicaMeta, 2: sameDocument };

/**
 * Products v1 → v2 adds no HIBC codes, v3 → v4 no draw step (the unit's) and v4 → v5 an active
 * product of no family, no reorder quantity and no preferred supplier, all unclocked: each
 * field's default ([MD10]), so any edit of it elsewhere wins and the record is not pushed for it.
 */
export const PRODUCT_MIGRATIONS: MigrationStrategies = {
  1: addReplicaMeta,
  2: (doc: Record<string, unknown>) => ({ ...doc, hibccCodes: [] }),
  3: sameDocument,
  4: (doc: Record<string, unknown>) => ({ ...doc, drawStepMilli: null }),
  5: (doc: Record<string, unknown>) => ({
    ...doc,
    archived: false,
    family: '',
    reorderQuantityMilli: 0,
    preferredSupplierId: null,
  }),
};
