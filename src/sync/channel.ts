/**
 * What the replication runner (replication.ts) needs to know about one thing it replicates — the
 * ledger, or one kind of master data. The runner owns the loop (paging, checkpoints, retries,
 * refusals, when to pull); a channel owns the wire calls and how its documents are stored.
 */
import type { RxCollection } from 'rxdb';
import type { Checkpoint, PullPage, Rejection } from '../domain/sync/wire';
import type { SyncError } from './api';

export interface SyncObserver {
  onPulled: (info: { serverTime: string; receivedAtMs: number; count: number }) => void;
  onError: (error: SyncError) => void;
}

export interface Channel<Doc extends { id: string }, Item> {
  /** Names the replication: 'events', or the record kind. */
  name: string;
  /** The local collection RxDB's push side watches for this tablet's unsent writes. */
  collection: RxCollection<Doc>;
  /** The device-local setting that holds the pull checkpoint. */
  checkpointKey: string;
  /** A page shorter than this means the server has nothing newer. */
  pullPageSize: number;
  pushBatchSize: number;

  /** One page of the server's sequence after `checkpoint` (null: from the start). */
  pullPage: (checkpoint: Checkpoint | null) => Promise<PullPage<Item>>;
  /**
   * Stores one pulled page; `writeContext` labels the writes so RxDB's push side can skip them
   * (channels whose pulled writes RxDB may walk can ignore it).
   */
  storePage: (items: Item[], writeContext: string) => Promise<void>;

  /** Whether a local document is this tablet's own unsent work (only those are pushed). */
  shouldPush: (doc: Doc) => boolean;
  /**
   * Sends a batch and keeps the server's answer; a refused batch throws the SyncError. `repull:
   * true` asks the runner to pull this channel again from the start (the answer says the server's
   * copy may differ from what was sent, and the stream will not say so).
   */
  pushBatch: (docs: Doc[]) => Promise<{ repull: boolean } | void>;
  /** The documents a refused push names (from the 400/403 body); none → the error is not a refusal. */
  readRefusals: (error: SyncError) => Rejection[];
  /**
   * Keeps the refusals where staff see them and does what this channel does with refused work.
   * `repull: true` asks the runner to pull this channel again from the start.
   */
  markRefused: (refused: Rejection[]) => Promise<{ repull: boolean }>;
}
