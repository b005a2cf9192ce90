/**
 * Which work needs a manager's proven approval (SPEC [A5]), decided the same way on the tablet
 * (to ask for the PIN) and on the server (to check the proof):
 *
 * - events: every `adjust` (count postings and corrections write adjusts), approved by its actor;
 *   a draw from a blocked lot (`payload.overrideBy`), approved by that manager;
 * - record edits of an existing record: a lot's status (hold, recall, release) or unit cost, a
 *   product's price to patients — approved by the person making the edit.
 *
 * Example: draw d1 with payload.overrideBy "casey" → { staffId: "casey", action: "override_block" };
 * a lot edit changing only `expiry` → null (a manager's role is still needed: mayChangeRecord).
 */
import type { LedgerEvent } from '../model';
import type { Action } from '../roles';

export interface RequiredApproval {
  staffId: string;
  action: Action;
}

export function eventApprover(e: LedgerEvent): RequiredApproval | null {
  if (e.type === 'adjust') return { staffId: e.actorId, action: 'adjust' };
  const overrideBy = e.payload.overrideBy;
  if (e.type === 'draw' && typeof overrideBy === 'string' && overrideBy !== '')
    return { staffId: overrideBy, action: 'override_block' };
  return null;
}

/** Fields whose change on an existing record needs the editor's proven approval. */
export const APPROVED_FIELDS: Readonly<Record<string, readonly string[]>> = {
  lots: ['status', 'unitCostMicros'],
  products: ['patientPricePerUnitCents'],
};

/** The privileged fields among `changedFields` of an existing record of `kind` (empty: none). */
export function fieldsNeedingApproval(kind: string, changedFields: readonly string[]): string[] {
  const privileged = APPROVED_FIELDS[kind] ?? [];
  return changedFields.filter((f) => privileged.includes(f));
}
