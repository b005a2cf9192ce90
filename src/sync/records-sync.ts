/**
 * Replicates master data (SPEC [MD1], [MD6]-[MD9]) — one RxDB replication per record kind, like
 * the ledger's (events-sync.ts):
 *
 * - push sends records this tablet edited (a clock of its own in them), with the editor as actor;
 *   the server merges field by field and stores the result; records it refuses are flagged with
 *   the reason (sync marks `kind:id`), never dropped from the tablet;
 * - pull pages through the server's record sequence from our own checkpoint and merges each record
 *   into the local copy with the domain's `mergeRecords` (records.ts), so a local edit not yet
 *   pushed is never overwritten by an older server value.
 */
import { replicateRxCollection, type RxReplicationState } from 'rxdb/plugins/replication';
import { Subject } from 'rxjs';
import { RECORD_KINDS, type RecordKind } from '../domain/replica';
import type { ChairsideDatabase } from '../db/collections';
import {
  discardLocalEdits,
  editedOn,
  mergePulledRecords,
  toReplicated,
  type RecordDocs,
} from '../db/repositories/records';
import { getSetting, putSetting } from '../db/repositories/settings';
import type { Checkpoint } from '../domain/sync/wire';
import { pullRecords, pushRecords, SyncError, type ApiClient } from './api';
import { LIVE_REPLICATION, reported, stripDeleted, type SyncObserver } from './events-sync';
import { markRejected } from './marks';

const PULL_PAGE = 500;
const MAX_PAGES_PER_CYCLE = 20;
const checkpointKey = (kind: RecordKind) => `recordsPullCheckpoint:${kind}`;

async function readCheckpoint(db: ChairsideDatabase, kind: RecordKind): Promise<Checkpoint | null> {
  const raw = await getSetting(db, checkpointKey(kind));
  return typeof raw === 'string' ? (JSON.parse(raw) as Checkpoint) : null;
}

/** One pull cycle of one kind; `more` = stopped on a full page and must continue. */
export async function pullRecordsOnce(
  db: ChairsideDatabase,
  client: ApiClient,
  kind: RecordKind,
  ownDeviceId: string,
  observer: SyncObserver,
  now: () => number,
): Promise<{ count: number; more: boolean }> {
  let checkpoint = await readCheckpoint(db, kind);
  let total = 0;
  for (let page = 0; page < MAX_PAGES_PER_CYCLE; page++) {
    const response = await pullRecords(client, kind, checkpoint, PULL_PAGE);
    const records = response.documents.map(({ id, data, clocks }) => ({ id, data, clocks }));
    await mergePulledRecords(db, kind, records, { deviceId: ownDeviceId, nowMs: now() });
    checkpoint = response.checkpoint;
    await putSetting(db, checkpointKey(kind), JSON.stringify(checkpoint));
    total += records.length;
    observer.onPulled({ serverTime: response.serverTime, receivedAtMs: now(), count: records.length });
    if (response.documents.length < PULL_PAGE) return { count: total, more: false };
  }
  return { count: total, more: true };
}

interface Refusal {
  kind?: string;
  id: string;
  reason: string;
}

function refusals(error: SyncError): Refusal[] {
  const body = error.body as { rejected?: Refusal[]; recordId?: string; error?: string } | null;
  if (body?.rejected) return body.rejected;
  if (body?.recordId) return [{ id: body.recordId, reason: body.error ?? error.message }];
  return [];
}

/**
 * Pushes edited records; refused ones are flagged with the server's reason, this tablet's edits of
 * them are given up (the server's copy comes back with a full re-pull of the kind) and the rest
 * is re-sent. Returns how many were refused.
 */
export async function pushRecordBatch<K extends RecordKind>(
  db: ChairsideDatabase,
  client: ApiClient,
  kind: K,
  docs: RecordDocs[K][],
  ownDeviceId: string,
): Promise<number> {
  let pending = docs;
  let refusedCount = 0;
  while (pending.length > 0) {
    try {
      await pushRecords(
        client,
        pending.map((doc) => ({ kind, ...toReplicated(doc), actorId: doc.editor })),
      );
      return refusedCount;
    } catch (error) {
      if (!(error instanceof SyncError) || (error.kind !== 'forbidden' && error.kind !== 'bad_request'))
        throw error;
      const refused = refusals(error);
      if (refused.length === 0) throw error;
      await markRejected(
        db,
        refused.map((r) => ({ id: `${kind}:${r.id}`, reason: `${kind} record ${r.id}: ${r.reason}` })),
      );
      const refusedIds = new Set(refused.map((r) => r.id));
      await discardLocalEdits(db, kind, [...refusedIds], ownDeviceId);
      await putSetting(db, checkpointKey(kind), null);
      refusedCount += refusedIds.size;
      pending = pending.filter((doc) => !refusedIds.has(doc.id));
    }
  }
  return refusedCount;
}

export interface RecordSync {
  states: RxReplicationState<unknown, unknown>[];
  resync: () => void;
  stop: () => Promise<void>;
}

function replicateKind<K extends RecordKind>(
  db: ChairsideDatabase,
  client: ApiClient,
  kind: K,
  ownDeviceId: string,
  observer: SyncObserver,
  now: () => number,
  stream$: Subject<'RESYNC'>,
): RxReplicationState<RecordDocs[K], unknown> {
  const state = replicateRxCollection<RecordDocs[K], unknown>({
    replicationIdentifier: `chairside-${kind}-${client.baseUrl}`,
    // Each kind's collection holds that kind's documents; the generic map cannot say so to TS.
    collection: db[kind] as never,
    ...LIVE_REPLICATION,
    pull: {
      batchSize: PULL_PAGE,
      stream$: stream$.asObservable(),
      handler: async () => {
        const { more } = await reported(observer, () =>
          pullRecordsOnce(db, client, kind, ownDeviceId, observer, now),
        );
        if (more) queueMicrotask(() => stream$.next('RESYNC'));
        return { documents: [], checkpoint: null };
      },
    },
    push: {
      batchSize: 100,
      // Pulled records and demo data come back through RxDB's push queue too; only records
      // this tablet edited go up (the server would find nothing new in the others).
      modifier: (doc) => (editedOn(doc, ownDeviceId) ? doc : null),
      handler: async (rows) => {
        const docs = rows.map((r) => stripDeleted(r.newDocumentState));
        const refused = await reported(observer, () => pushRecordBatch(db, client, kind, docs, ownDeviceId));
        // Refused edits were given up: pull the server's copies again now.
        if (refused > 0) queueMicrotask(() => stream$.next('RESYNC'));
        return [];
      },
    },
  });
  state.error$.subscribe(() => undefined);
  return state;
}

export function startRecordSync(
  db: ChairsideDatabase,
  client: ApiClient,
  ownDeviceId: string,
  observer: SyncObserver,
  now: () => number,
): RecordSync {
  const streams = RECORD_KINDS.map(() => new Subject<'RESYNC'>());
  const states = RECORD_KINDS.map((kind, i) =>
    replicateKind(db, client, kind, ownDeviceId, observer, now, streams[i]!),
  );
  return {
    states: states as RxReplicationState<unknown, unknown>[],
    resync: () => streams.forEach((s) => s.next('RESYNC')),
    stop: async () => {
      streams.forEach((s) => s.complete());
      await Promise.all(states.map((s) => s.cancel()));
    },
  };
}
