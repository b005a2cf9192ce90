/**
 * The sync protocol's wire shapes (SPEC [S1]-[S9], [MD6], [MD7]), written once for both ends: the
 * tablet (src/sync) builds requests and reads answers with them, the server (sync-server/src)
 * answers with them. Types and a few pure helpers only — no I/O.
 */
import type { LedgerEvent } from '../model';
import type { FieldClocks, RecordData, RecordKind } from '../replica';

/** Sync protocol version; bumped only on incompatible wire changes. Sent in PROTOCOL_HEADER. */
export const PROTOCOL_VERSION = 1;
/** The request header naming the client's protocol (SPEC [S3]). */
export const PROTOCOL_HEADER = 'x-chairside-protocol';

/** Where a pull resumes: the server's database epoch and the last sequence number received ([S5]). */
export interface Checkpoint {
  epoch: string;
  seq: number;
}

/** What a pull answers, for events and records alike ([S6], [MD7]). */
export interface PullPage<D> {
  documents: D[];
  checkpoint: Checkpoint;
  /** The server's clock when it answered ([S9]: the tablet warns about skew). */
  serverTime: string;
}

/** A refusal of one item of a push, with the reason shown to staff ([S4], [MD5]). */
export interface Rejection {
  id: string;
  reason: string;
}

// --- Events (/api/v1/events/*) ---

export type SequencedEvent = LedgerEvent & { seq: number };
export type EventPullResponse = PullPage<SequencedEvent>;

export interface EventPushRequest {
  events: LedgerEvent[];
}

export interface EventPushResponse {
  accepted: string[];
  duplicates: string[];
  conflicts: Rejection[];
}

/** 400 body (SPEC [S4]): the offending field and, inside a push, the event that carries it. */
export interface ApiError {
  error: string;
  field: string;
  eventId: string | null;
  message: string;
}

// --- Master-data records (/api/v1/records/*) ---

/** A master-data record on the wire ([MD6], [MD7]). */
export interface WireRecord {
  kind: RecordKind;
  id: string;
  data: RecordData;
  clocks: FieldClocks;
}

/** A pushed record names the staff member who made the edit ([MD5]). */
/** A manager's proof of a privileged record edit (SPEC [A5]). */
export interface RecordApproval {
  by: string;
  /** The privileged fields the edit changed, which the proof covers. */
  fields: string[];
  proof: string;
}
export type PushedRecord = WireRecord & { actorId: string; approval?: RecordApproval };
export type SequencedRecord = WireRecord & { seq: number };
export type RecordPullResponse = PullPage<SequencedRecord>;

export interface RecordPushRequest {
  records: PushedRecord[];
}

export interface RecordPushResponse {
  changed: string[];
  unchanged: string[];
  /**
   * The server's copies of records whose pushed change moved only clocks that the actor may not
   * move ([A4]): the tablet drops the clocks it sent and takes these. Absent from older servers.
   */
  clocksNotTaken?: WireRecord[];
}

export type RecordRejection = Rejection & { kind: string };

/** 400 body of the records routes: like ApiError, naming `recordId`. */
export interface RecordApiError {
  error: string;
  field: string;
  recordId: string | null;
  message: string;
}

/** 403 body of either push: the items refused, nothing of the batch stored. */
export interface ForbiddenBody<R extends Rejection = Rejection> {
  error: 'forbidden';
  rejected: R[];
}

/** 426 body ([S3]): the oldest protocol the server still serves. */
export interface UpgradeRequiredBody {
  error: 'upgrade_required';
  minProtocol: number;
}

// --- Enrollment (/api/v1/devices/enroll) ---

export interface EnrollRequest {
  code: string;
  deviceName: string;
}

export interface EnrollResponse {
  deviceId: string;
  token: string;
  orgId: string;
  locationIds: string[];
}

/** `POST /api/v1/admin/enroll-codes` (and the demo server's `POST /api/v1/demo/enroll-code`). */
export interface EnrollCodeCreated {
  /** Names the code in the status route; the code itself is stored only as a hash ([S1]). */
  id: string;
  code: string;
  expiresAt: string;
  locationIds: string[];
}

/** `GET /api/v1/admin/enroll-codes/:id` ([S22]): what became of a code. */
export interface EnrollCodeStatus {
  id: string;
  state: 'unused' | 'used' | 'expired';
  expiresAt: string;
  /** When a tablet used it; null until then. */
  usedAt: string | null;
  /** The tablet that used it, as it named itself when enrolling. */
  device: { id: string; name: string } | null;
}

/** `GET /api/v1/demo` on a server started with `--demo` ([S23]); other servers answer 404. */
export interface DemoServerInfo {
  demo: true;
  /** The asking browser runs on the server's machine: it may take a demo enrollment code. */
  sameHost: boolean;
}

// --- The live stream (/api/v1/events/stream, [S7], [MD7]) ---

/** Sent on every (re)connect: the tablet pulls everything, it may have missed anything. */
export const RESYNC = 'RESYNC';
/** What advanced: the ledger or master-data records (each has its own sequence). */
export type StreamName = 'events' | 'records';

/**
 * One stream message's data for "`stream` advanced to `checkpoint`".
 * Example: ('events', { epoch: 'E', seq: 42 }) → '{"epoch":"E","seq":42}';
 * ('records', { epoch: 'E', seq: 7 }) → '{"records":{"epoch":"E","seq":7}}'.
 */
export function advanceMessage(stream: StreamName, checkpoint: Checkpoint): string {
  return JSON.stringify(stream === 'records' ? { records: checkpoint } : checkpoint);
}

/**
 * Which replications a message concerns: RESYNC → all; a records advance → records; anything
 * else is the ledger advancing. Example: '{"records":{"epoch":"E","seq":7}}' → 'records'.
 */
export function streamTarget(message: string): 'all' | StreamName {
  if (message === RESYNC) return 'all';
  return message.includes('"records"') ? 'records' : 'events';
}
