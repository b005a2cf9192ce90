/**
 * The write path of the materialized balances (SPEC [L10]): one storage write per call for all the
 * balance documents it touches, without reading them first.
 *
 * The stored state of every balance document this tab has seen (RxDB's storage-level data, with
 * its `_rev`) is kept in memory, fresh from the collection's change stream — which carries this
 * tab's writes, RxDB's own (rebuild) and, through RxDB's multi-instance channel, other tabs'. A write
 * names that state as `previous`; if it is not what is stored any more (another tab or a concurrent
 * call wrote first), the storage refuses it with a 409 that carries the stored document, and the
 * events are folded into that one instead. So the read RxDB's findOne + incrementalModify did
 * before every update is gone, and nothing is lost to a race.
 *
 * Writing at the storage level skips RxDB's collection hooks: the balances collection has none (the
 * append-only guard is on events) and must not get any while this path exists. Schema validation
 * still runs where it is configured (it wraps the storage).
 */
import { getHeightOfRevision, type RxDocumentData, type RxStorageBulkWriteResponse } from 'rxdb';
import type { LedgerEvent } from '../../domain/model';
import type { ChairsideDatabase } from '../collections';
import type { LotBalanceDoc } from '../schemas/treatment';
import { blankBalance, foldEvent } from './balance-docs';

type Stored = RxDocumentData<LotBalanceDoc>;
type WriteRow = { previous?: Stored; document: Stored };

/** Shows in RxDB's change events where a balance write came from. */
const WRITE_CONTEXT = 'chairside-balance-fold';
/** A 409 means someone else wrote the document in between; more than a few in a row is a bug. */
const MAX_ATTEMPTS = 10;

/** Every balance document this tab has seen since the database opened: a few thousand small ones. */
class StoredBalances {
  private readonly docs = new Map<string, Stored>();

  constructor(private readonly db: ChairsideDatabase) {
    db.balances.storageInstance.changeStream().subscribe((bulk) => {
      for (const event of bulk.events) this.remember(event.documentData);
    });
  }

  /** Keeps the highest revision: another tab's older write may be announced after our newer one. */
  private remember(doc: Stored): void {
    const known = this.docs.get(doc.key);
    if (!known || getHeightOfRevision(doc._rev) >= getHeightOfRevision(known._rev))
      this.docs.set(doc.key, doc);
  }

  /** The stored state of each key (deleted ones included: they are the `previous` of a re-insert). */
  async get(keys: string[]): Promise<Map<string, Stored | undefined>> {
    const missing = keys.filter((k) => !this.docs.has(k));
    if (missing.length > 0) {
      for (const doc of await this.db.balances.storageInstance.findDocumentsById(missing, true))
        this.remember(doc);
    }
    return new Map(keys.map((k) => [k, this.docs.get(k)]));
  }
}

const cacheByDb = new WeakMap<ChairsideDatabase, StoredBalances>();

function storedBalances(db: ChairsideDatabase): StoredBalances {
  let cache = cacheByDb.get(db);
  if (!cache) {
    cache = new StoredBalances(db);
    cacheByDb.set(db, cache);
  }
  return cache;
}

/** Starts loading the stored state of these keys (so a first write can overlap the read). */
export function prefetchBalances(db: ChairsideDatabase, keys: string[]): Promise<unknown> {
  return storedBalances(db).get(keys);
}

/** The product of each lot (one read, only for documents that do not know theirs yet). */
async function productsOf(db: ChairsideDatabase, lotIds: string[]): Promise<Map<string, string>> {
  if (lotIds.length === 0) return new Map();
  const lots = await db.lots.findByIds([...new Set(lotIds)]).exec();
  return new Map([...lots.values()].map((lot) => [lot.id, lot.productId]));
}

type Group = readonly [LedgerEvent, ...LedgerEvent[]];

/** The row that folds `group` (one balance key) into `stored` (absent or deleted = a new document). */
function foldRow(stored: Stored | undefined, group: Group, products: Map<string, string>): WriteRow {
  const live = stored && !stored._deleted ? stored : undefined;
  const productId = live?.productId || (products.get(group[0].lotId) ?? '');
  const base: LotBalanceDoc = live ? { ...live, productId } : blankBalance(group[0], productId);
  const folded = group.reduce(foldEvent, base);
  // _rev and _meta are replaced by RxDB's storage wrapper (a new revision on top of `previous`).
  const document: Stored = {
    ...folded,
    _deleted: false,
    _attachments: {},
    _rev: stored?._rev ?? '',
    _meta: stored?._meta ?? { lwt: 0 },
  };
  return stored ? { previous: stored, document } : { document };
}

/**
 * Folds each group (events of one lot × location, all newly stored) into its balance document and
 * writes them all in one storage write; resolves once every document is stored.
 */
export async function writeBalances(
  db: ChairsideDatabase,
  groups: Map<string, LedgerEvent[]>,
): Promise<void> {
  let pending = new Map<string, Group>();
  for (const [key, [first, ...rest]] of groups) if (first) pending.set(key, [first, ...rest]);
  if (pending.size === 0) return;
  let stored = await storedBalances(db).get([...pending.keys()]);
  for (let attempt = 1; pending.size > 0; attempt++) {
    const lotsWithoutProduct = [...pending]
      .filter(([key]) => !stored.get(key)?.productId || stored.get(key)?._deleted)
      .map(([, group]) => group[0].lotId);
    const products = await productsOf(db, lotsWithoutProduct);
    const rows = [...pending].map(([key, group]) => foldRow(stored.get(key), group, products));
    const result: RxStorageBulkWriteResponse<LotBalanceDoc> = await db.balances.storageInstance.bulkWrite(
      rows,
      WRITE_CONTEXT,
    );
    const refused = new Map<string, Group>();
    stored = new Map();
    for (const error of result.error) {
      const group = pending.get(error.documentId);
      if (error.status !== 409 || !group || attempt >= MAX_ATTEMPTS)
        throw new Error(`could not update balance ${error.documentId}: status ${error.status}`);
      // Someone else wrote it first: fold into what is stored now.
      refused.set(error.documentId, group);
      stored.set(error.documentId, error.documentInDb);
    }
    pending = refused;
  }
}
