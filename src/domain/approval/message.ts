/**
 * What a manager's approval is a proof of (SPEC [A5]): the exact event or record edit, written out
 * as one canonical text, so a proof made for one thing is worth nothing for another. The proof is
 * an HMAC of this text under the approver's approval key (src/auth/approval.ts), which only their
 * PIN derives; the server holds the key and checks it, the device token alone cannot make one.
 *
 * Canonical text: a version line, then one `key=value` line per field in a fixed order, values
 * JSON-encoded (so a newline or `=` inside a value cannot fake another field). Payload entries are
 * sorted by key, and the approval's own entries (`approvalBy`, `approvalProof`) are left out.
 *
 * Example: adjust e1 of -5 U at Main by Casey →
 *   "chairside-approval-v1\nkind=\"event\"\nid=\"e1\"\norgId=\"o\"\ntype=\"adjust\"\n…\npayload.reason=\"damage\""
 */
import { LEDGER_EVENT_SCALAR_FIELDS, type LedgerEvent } from '../model';

export const APPROVAL_VERSION = 'chairside-approval-v1';
/** Payload keys an approval adds to an event: who approved, and the proof. */
export const APPROVAL_BY = 'approvalBy';
export const APPROVAL_PROOF = 'approvalProof';

// The field order is part of the signed text: it is the ledger's one list of event fields.
const EVENT_FIELDS = LEDGER_EVENT_SCALAR_FIELDS;

const line = (key: string, value: unknown) => `${key}=${JSON.stringify(value ?? null)}`;

/** The text an approval of event `e` signs: every field and payload entry but the approval's own. */
export function eventApprovalText(e: LedgerEvent): string {
  const lines = [APPROVAL_VERSION, line('kind', 'event'), ...EVENT_FIELDS.map((f) => line(f, e[f]))];
  const payloadKeys = Object.keys(e.payload)
    .filter((k) => k !== APPROVAL_BY && k !== APPROVAL_PROOF)
    .sort();
  for (const key of payloadKeys) lines.push(line(`payload.${key}`, e.payload[key]));
  return lines.join('\n');
}

/** One record edit as pushed: the kind, id, and the edited fields' values with their clocks. */
export interface RecordEdit {
  kind: string;
  id: string;
  actorId: string;
  data: Record<string, unknown>;
  clocks: Record<string, string>;
}

/**
 * The text an approval of a record edit signs: kind, id, actor, then each approved field (sorted)
 * with its value and clock. The approval names its fields — the privileged ones the edit changed —
 * so other fields (or privileged ones not edited) may change by sync before the push without
 * voiding it; the clock is part of it, so it cannot be replayed later with a newer clock.
 *
 * Example: lot l1, status "hold" @c5 by casey, fields ["status"] → "…\nkind=\"lots\"\nid=\"l1\"\n
 * actorId=\"casey\"\ndata.status=\"hold\"\nclocks.status=\"c5\"".
 */
export function recordApprovalText(edit: RecordEdit, fields: readonly string[]): string {
  const lines = [
    APPROVAL_VERSION,
    line('kind', edit.kind),
    line('id', edit.id),
    line('actorId', edit.actorId),
  ];
  for (const field of [...new Set(fields)].sort()) {
    lines.push(line(`data.${field}`, edit.data[field]), line(`clocks.${field}`, edit.clocks[field]));
  }
  return lines.join('\n');
}
