/**
 * One kind of master data as a replication channel ([MD1], [MD5]-[MD9]):
 *
 * - push sends records this tablet edited (a clock of its own in them), with the editor as actor;
 *   the server merges field by field and stores the result. A refused record is flagged with the
 *   reason (sync mark `kind:id`), this tablet's edits of it are given up and the kind is pulled
 *   again from the start, so the server's copy wins;
 * - a pulled page is merged into the local copies with the domain's `mergeRecords`
 *   (repositories/records.ts), so a local edit not yet pushed is never overwritten by an older
 *   server value.
 */
import type { RxCollection } from 'rxdb';
import type { ChairsideDatabase } from '../db/collections';
import {
  asRecordDoc,
  discardLocalEdits,
  editedOn,
  mergePulledRecords,
  recordCollection,
  takeServerCopies,
  toReplicated,
  yieldAnsweredEdits,
  type RecordDocs,
} from '../db/repositories/records';
import { forgetRecordEdits, settleRecordEdits } from '../db/repositories/unsynced';
import { approvalsOf, forgetApprovals } from '../db/repositories/record-approvals';
import type { RecordKind } from '../domain/replica';
import type {
  ForbiddenBody,
  RecordApiError,
  RecordRejection,
  Rejection,
  SequencedRecord,
} from '../domain/sync/wire';
import { pullRecords, pushRecords, type ApiClient, type SyncError } from './api';
import type { Channel } from './channel';
import { markRejected } from '../db/repositories/syncmarks';

const PULL_PAGE = 500;

/** 403 names every refused record; 400 names the one invalid record. */
function refusedRecords(error: SyncError): Rejection[] {
  const body = error.body as Partial<ForbiddenBody<RecordRejection> & RecordApiError> | null;
  if (body?.rejected) return body.rejected;
  if (body?.recordId) return [{ id: body.recordId, reason: body.message ?? body.error ?? error.message }];
  return [];
}

export function recordsChannel<K extends RecordKind>(
  db: ChairsideDatabase,
  client: ApiClient,
  kind: K,
  ownDeviceId: string,
  now: () => number,
): Channel<RecordDocs[K], SequencedRecord> {
  return {
    name: kind,
    // The kind's collection: its own, or `records`, shared with other kinds and keyed kind:id
    // ([DB6]); what RxDB's push side hands over is read through `asRecordDoc` below.
    collection: recordCollection(db, kind) as unknown as RxCollection<RecordDocs[K]>,
    checkpointKey: `recordsPullCheckpoint:${kind}`,
    pullPageSize: PULL_PAGE,
    pushBatchSize: 100,
    pullPage: (checkpoint) => pullRecords(client, kind, checkpoint, PULL_PAGE),
    storePage: async (documents) => {
      const records = documents.map(({ id, data, clocks }) => ({ id, data, clocks }));
      await mergePulledRecords(db, kind, records, { deviceId: ownDeviceId, nowMs: now() });
    },
    // Pulled records and demo data come back through RxDB's push queue too; only records this
    // tablet edited go up (the server would find nothing new in the others), and only this
    // kind's from a shared collection.
    shouldPush: (stored) => {
      const doc = asRecordDoc(kind, stored);
      return doc !== null && editedOn(doc, ownDeviceId);
    },
    pushBatch: async (stored) => {
      const docs = stored.flatMap((s) => asRecordDoc(kind, s) ?? []);
      // A privileged edit travels with the editor's proof ([A5]).
      const approvals = await approvalsOf(
        db,
        kind,
        docs.map((d) => d.id),
      );
      const answer = await pushRecords(
        client,
        docs.map((doc) => {
          const approval = approvals.get(doc.id);
          return { kind, ...toReplicated(doc), actorId: doc.editor, ...(approval ? { approval } : {}) };
        }),
      );
      // Clocks the server did not take ([A4]): its copies replace what this tablet sent.
      const serverCopies = (answer.clocksNotTaken ?? []).filter((r) => r.kind === kind);
      if (serverCopies.length > 0) {
        const pushed = new Map(docs.map((d) => [d.id, d.clocks]));
        await takeServerCopies(db, kind, pushed, serverCopies, { deviceId: ownDeviceId, nowMs: now() });
      }
      // Answered (changed or unchanged alike): the server holds these copies now.
      await settleRecordEdits(db, kind, docs);
      // A server copy pulled before this answer wins now ([S35]).
      await yieldAnsweredEdits(
        db,
        kind,
        docs.map((d) => d.id),
        ownDeviceId,
      );
      await forgetApprovals(db, kind, [...approvals.keys()], approvals);
      // Unchanged: the server kept its copy, which may differ from this one (this tablet's clock
      // restamped and then older than another edit, [A4]); nothing else would bring it ([S35]) —
      // unless the answer carried that copy already (clocksNotTaken).
      const copiesGiven = new Set(serverCopies.map((r) => r.id));
      return { repull: answer.unchanged.some((id) => !copiesGiven.has(id)) };
    },
    readRefusals: refusedRecords,
    markRefused: async (refused) => {
      await markRejected(
        db,
        refused.map((r) => ({ id: `${kind}:${r.id}`, reason: `${kind} record ${r.id}: ${r.reason}` })),
      );
      const ids = refused.map((r) => r.id);
      await discardLocalEdits(db, kind, ids, ownDeviceId);
      await forgetRecordEdits(db, kind, ids);
      await forgetApprovals(db, kind, ids);
      return { repull: true };
    },
  };
}
