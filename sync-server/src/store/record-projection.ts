/**
 * The typed projection of master-data records (SPEC [MD8]): locations, staff, products and lots
 * are upserted into the foundation tables (schema-001) in the push's transaction, so stock, recall
 * and role checks join real rows. Visits have no typed table.
 *
 * A record is always kept; only its projection may be skipped (returned, the route logs it):
 *   - its id is a typed row of ANOTHER organization (ids in the typed tables are global keys):
 *     that row is never touched ([S2]);
 *   - a lot whose product has no typed row of the organization yet (the lot arrived first): it
 *     is projected when its product arrives (`projectPendingLots`);
 *   - a lot whose (product, lot number) is already stored under another id (UNIQUE (org_id,
 *     product_id, lot_number)): two tablets that made the same lot before deterministic ids
 *     ([MD4]) — the first keeps the typed row, and the push does not fail.
 * Order within a batch: locations, staff, products, then lots, so a batch that creates a product
 * and its lots projects both.
 */
import type { TSchema } from 'typebox';
import type { Lot } from '../../../src/domain/model';
import {
  RECORD_FIELDS,
  type RecordData,
  type RecordKind,
  type RecordProblem,
} from '../../../src/domain/replica';
import { CANONICAL_UUID_PATTERN } from '../../../src/domain/schemas';
import type { SqlExecutor } from './driver';

export interface ProjectionSkip {
  kind: RecordKind;
  id: string;
  reason: string;
}

interface Projected {
  kind: RecordKind;
  id: string;
  data: RecordData;
}

type Data<T> = Omit<T, 'id'>;

const INT4_MAX = 2_147_483_647;

/** Record fields that land in `integer` columns: the domain allows any safe integer there. */
const INT4_FIELDS: Partial<Record<RecordKind, readonly string[]>> = {
  products: ['containersPerPack', 'beyondUseHours'],
};

/** A valid record value the typed tables cannot hold (push answers 400 naming the field). */
export function columnProblem(kind: RecordKind, data: RecordData): RecordProblem | null {
  for (const field of INT4_FIELDS[kind] ?? []) {
    const value = data[field];
    if (typeof value === 'number' && value > INT4_MAX)
      return { field, message: `${kind}.${field} must be at most ${INT4_MAX}` };
  }
  return null;
}

const OTHER_ORG = 'the id belongs to a record of another organization';

async function upserted(tx: SqlExecutor, sql: string, params: unknown[]): Promise<boolean> {
  return (await tx.query(sql, params)).length > 0;
}

/**
 * The kinds with a typed table (schema-001, named like the kind) and the fields it has no column
 * for. Every other field of the kind's one definition ([MD11]) is a column named in snake_case
 * (`containerSizeMilli` → container_size_milli); `orgId` is the row's org_id. A field added to a
 * kind later ([MD10]) lands in `unprojected` unless a migration adds its column.
 */
const TYPED_TABLES = {
  locations: { unprojected: [] },
  staff: { unprojected: [] },
  products: {
    unprojected: [
      'hibccCodes',
      'drawStepMilli',
      'archived',
      'family',
      'reorderQuantityMilli',
      'preferredSupplierId',
    ],
  },
  lots: { unprojected: [] },
} as const satisfies Partial<Record<RecordKind, { unprojected: readonly string[] }>>;
type TypedKind = keyof typeof TYPED_TABLES;

const columnOf = (field: string) => field.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`);

/** Arrays go in as typed arrays: uuid[] for lists of ids, text[] for the other lists. */
function castOf(schema: TSchema): string {
  const json = schema as { type?: unknown; items?: { pattern?: string } };
  if (json.type !== 'array') return '';
  return json.items?.pattern === CANONICAL_UUID_PATTERN ? '::uuid[]' : '::text[]';
}

interface Upsert {
  sql: string;
  fields: string[];
}

/**
 * One upsert per typed kind, from its fields. Example (locations):
 *   INSERT INTO locations (id, org_id, name, storage) VALUES ($1, $2, $3, $4)
 *   ON CONFLICT (id) DO UPDATE SET name = EXCLUDED.name, storage = EXCLUDED.storage
 *   WHERE locations.org_id = EXCLUDED.org_id RETURNING id
 */
function upsertOf(kind: TypedKind): Upsert {
  const skip = new Set<string>(['orgId', ...TYPED_TABLES[kind].unprojected]);
  const fields = Object.keys(RECORD_FIELDS[kind]).filter((f) => !skip.has(f));
  const columns = fields.map(columnOf);
  const values = fields.map((f, i) => `$${i + 3}${castOf(RECORD_FIELDS[kind][f]!)}`);
  const sql =
    `INSERT INTO ${kind} (id, org_id, ${columns.join(', ')}) VALUES ($1, $2, ${values.join(', ')}) ` +
    `ON CONFLICT (id) DO UPDATE SET ${columns.map((c) => `${c} = EXCLUDED.${c}`).join(', ')} ` +
    `WHERE ${kind}.org_id = EXCLUDED.org_id RETURNING id`;
  return { sql, fields };
}

export const TYPED_UPSERTS: Readonly<Record<TypedKind, Upsert>> = {
  locations: upsertOf('locations'),
  staff: upsertOf('staff'),
  products: upsertOf('products'),
  lots: upsertOf('lots'),
};

/** Upserts the typed row; false when the id is a row of another organization. */
function projectTyped(tx: SqlExecutor, kind: TypedKind, orgId: string, id: string, data: RecordData) {
  const { sql, fields } = TYPED_UPSERTS[kind];
  return upserted(tx, sql, [id, orgId, ...fields.map((f) => data[f])]);
}

/** Null when projected, else why not. The caller holds the organization's records lock. */
async function projectLot(tx: SqlExecutor, orgId: string, id: string, d: Data<Lot>): Promise<string | null> {
  const product = await tx.query('SELECT 1 FROM products WHERE id = $1 AND org_id = $2', [
    d.productId,
    orgId,
  ]);
  if (product.length === 0) return `product ${d.productId} is not on the server yet`;
  const [twin] = await tx.query<{ id: string }>(
    'SELECT id::text AS id FROM lots WHERE org_id = $1 AND product_id = $2 AND lot_number = $3 AND id <> $4',
    [orgId, d.productId, d.lotNumber, id],
  );
  if (twin) return `lot number ${d.lotNumber} of this product is already stored as lot ${twin.id}`;
  const ok = await projectTyped(tx, 'lots', orgId, id, d as unknown as RecordData);
  return ok ? null : OTHER_ORG;
}

/** Lot records of these products that have no typed row yet (they arrived before the product). */
async function pendingLots(tx: SqlExecutor, orgId: string, productIds: string[]): Promise<Projected[]> {
  if (productIds.length === 0) return [];
  return tx.query<Projected>(
    `SELECT r.kind, r.id::text AS id, r.data FROM records r
     WHERE r.org_id = $1 AND r.kind = 'lots' AND r.data->>'productId' = ANY($2::text[])
       AND NOT EXISTS (SELECT 1 FROM lots l WHERE l.id = r.id)
     ORDER BY r.seq`,
    [orgId, productIds],
  );
}

/** Projects validated records of one organization; returns the ones whose projection was skipped. */
export async function projectRecords(
  tx: SqlExecutor,
  orgId: string,
  records: readonly Projected[],
): Promise<ProjectionSkip[]> {
  const skipped: ProjectionSkip[] = [];
  const of = (kind: RecordKind) => records.filter((r) => r.kind === kind);
  const skip = (r: Projected, reason: string) => skipped.push({ kind: r.kind, id: r.id, reason });
  for (const kind of ['locations', 'staff'] as const)
    for (const r of of(kind)) if (!(await projectTyped(tx, kind, orgId, r.id, r.data))) skip(r, OTHER_ORG);
  const products: string[] = [];
  for (const r of of('products')) {
    if (await projectTyped(tx, 'products', orgId, r.id, r.data)) products.push(r.id);
    else skip(r, OTHER_ORG);
  }
  const lots = new Map(of('lots').map((r) => [r.id, r]));
  for (const r of await pendingLots(tx, orgId, products)) if (!lots.has(r.id)) lots.set(r.id, r);
  for (const r of lots.values()) {
    const reason = await projectLot(tx, orgId, r.id, r.data as unknown as Data<Lot>);
    if (reason) skip(r, reason);
  }
  return skipped;
}
