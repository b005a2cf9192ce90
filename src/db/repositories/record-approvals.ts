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

/**
 * The push carrying them was answered (accepted or refused): they are not needed again. With
 * `sent`, only the proofs that push carried go: a later edit's proof noted while the push was on
 * its way stays for the next push, which would otherwise be refused unproven ([A5], [S34]).
 */
export async function forgetApprovals(
  db: ChairsideDatabase,
  kind: RecordKind,
  ids: string[],
  sent?: Map<string, RecordApproval>,
): Promise<void> {
  if (ids.length === 0) return;
  if (!sent) {
    await db.settings.bulkRemove(ids.map((id) => noteKey(kind, id)));
    return;
  }
  const notes = await db.settings.findByIds(ids.map((id) => noteKey(kind, id))).exec();
  const carried = ids.flatMap((id) => {
    const note = notes.get(noteKey(kind, id));
    return note && note.value === JSON.stringify(sent.get(id)) ? [note] : [];
  });
  // Removing the revision read: a proof rewritten since is a conflict (409) and stays.
  if (carried.length > 0) await db.settings.bulkRemove(carried);
}
