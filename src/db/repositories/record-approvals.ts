/**
 * Proofs of privileged record edits made on this tablet (SPEC [A5]), kept until the push carrying
 * them is answered: device-local settings `approval:<kind>:<id>` holding `{ by, proof }`. The proof
 * signs the edit's privileged fields with their clocks (recordApprovalText), so it stays valid
 * while other fields change by sync, and a later privileged edit replaces it.
 */
import type { RecordApproval } from '../../domain/sync/wire';
import type { RecordKind } from '../../domain/replica';
import type { ChairsideDatabase } from '../collections';

const noteKey = (kind: RecordKind, id: string) => `approval:${kind}:${id}`;

export async function noteApprovals(
  db: ChairsideDatabase,
  kind: RecordKind,
  approvals: { id: string; approval: RecordApproval }[],
): Promise<void> {
  if (approvals.length === 0) return;
  await db.settings.bulkUpsert(
    approvals.map(({ id, approval }) => ({ key: noteKey(kind, id), value: JSON.stringify(approval) })),
  );
}

/** The kept approvals of some records, by id. */
export async function approvalsOf(
  db: ChairsideDatabase,
  kind: RecordKind,
  ids: string[],
): Promise<Map<string, RecordApproval>> {
  if (ids.length === 0) return new Map();
  const notes = await db.settings.findByIds(ids.map((id) => noteKey(kind, id))).exec();
  const found = new Map<string, RecordApproval>();
  for (const id of ids) {
    const note = notes.get(noteKey(kind, id));
    if (note) found.set(id, JSON.parse(note.value) as RecordApproval);
  }
  return found;
}

/** The push carrying them was answered (accepted or refused): they are not needed again. */
export async function forgetApprovals(db: ChairsideDatabase, kind: RecordKind, ids: string[]): Promise<void> {
  if (ids.length === 0) return;
  await db.settings.bulkRemove(ids.map((id) => noteKey(kind, id)));
}
