/**
 * Checks the proofs that a named manager approved privileged work (SPEC [A5], [A7]). The device
 * token says which tablet sent it; only the approver's PIN-derived key, held here and never sent
 * to a tablet, makes a proof that verifies. Work whose proof is missing, names someone else, or
 * does not verify is refused like any other refusal (the tablet shows it; the work stays there).
 *
 * Example: adjust e1 by Casey with payload.approvalBy "casey" and a proof made with Casey's key →
 * accepted; the same event with Priya's proof, or Casey's proof of another event → refused
 * "the approval by casey could not be verified", and Casey's failed-proof count goes up.
 */
import { decodeApprovalKey, verifyApprovalProof } from '../../../src/auth/approval';
import {
  APPROVAL_BY,
  APPROVAL_PROOF,
  eventApprovalText,
  eventApprover,
  recordApprovalText,
} from '../../../src/domain/approval';
import type { LedgerEvent, Role } from '../../../src/domain/model';
import { can } from '../../../src/domain/roles';
import type { Rejection } from '../../../src/domain/sync/wire';
import type { ApprovalKeyRow, ApprovalStore } from '../store/approval-store';
import { ROLE_NAMES } from './push';

/** A pushed record's approval: who approved, the fields it covers, the proof of them as pushed. */
export interface PushedApproval {
  by: string;
  fields: string[];
  proof: string;
}

/** Who approved a record edit, and which of its fields. */
export interface VerifiedApproval {
  by: string;
  fields: string[];
}

type Verdict = { ok: true } | { ok: false; reason: string };

export class ApprovalService {
  constructor(
    private readonly store: ApprovalStore,
    private readonly now: () => Date = () => new Date(),
  ) {}

  /** Refusals for the events of a batch whose required approval is not proven. */
  async checkEvents(
    orgId: string,
    events: readonly LedgerEvent[],
    roles: Map<string, Role>,
  ): Promise<Rejection[]> {
    const needed = events.map((e) => ({ e, required: eventApprover(e) })).filter((x) => x.required !== null);
    if (needed.length === 0) return [];
    const keys = await this.store.keys(
      orgId,
      needed.map((x) => x.required?.staffId ?? ''),
    );
    const rejected: Rejection[] = [];
    for (const { e, required } of needed) {
      if (!required) continue;
      const by = e.payload[APPROVAL_BY];
      const proof = e.payload[APPROVAL_PROOF];
      const role = roles.get(required.staffId);
      let verdict: Verdict;
      if (by !== required.staffId || typeof proof !== 'string')
        verdict = {
          ok: false,
          reason: `needs the proven approval of ${required.staffId} (payload.${APPROVAL_PROOF})`,
        };
      else if (!role || !can(role, required.action))
        verdict = {
          ok: false,
          reason: `${role ? ROLE_NAMES[role] : 'an unknown person'} may not approve this`,
        };
      else verdict = await this.verify(orgId, keys.get(required.staffId), eventApprovalText(e), proof);
      if (!verdict.ok) rejected.push({ id: e.id, reason: verdict.reason });
    }
    return rejected;
  }

  /**
   * The approvals of a records batch that verify, by `kind/id` → the approver and the fields covered. Checked before the
   * batch's transaction (crypto is slow, the lock is not for waiting on it); whether an edit needed
   * one is decided inside it, from the stored copy (record-plan.ts).
   */
  async verifiedRecordApprovals(
    orgId: string,
    records: readonly {
      kind: string;
      id: string;
      actorId: string;
      data: Record<string, unknown>;
      clocks: Record<string, string>;
      approval?: PushedApproval;
    }[],
  ): Promise<Map<string, VerifiedApproval>> {
    const withApproval = records.filter((r) => r.approval !== undefined);
    const verified = new Map<string, VerifiedApproval>();
    if (withApproval.length === 0) return verified;
    const keys = await this.store.keys(
      orgId,
      withApproval.map((r) => r.approval?.by ?? ''),
    );
    for (const r of withApproval) {
      const approval = r.approval;
      if (!approval || approval.by !== r.actorId) continue;
      const text = recordApprovalText(r, approval.fields);
      const verdict = await this.verify(orgId, keys.get(approval.by), text, approval.proof);
      if (verdict.ok) verified.set(`${r.kind}/${r.id}`, { by: approval.by, fields: approval.fields });
    }
    return verified;
  }

  private async verify(
    orgId: string,
    row: ApprovalKeyRow | undefined,
    text: string,
    proof: string,
  ): Promise<Verdict> {
    const key = row ? decodeApprovalKey(row.key) : null;
    if (!row || !key)
      return {
        ok: false,
        reason: 'this person has no approval key on the server: an admin must set their PIN',
      };
    if (row.lockedUntil && row.lockedUntil > this.now())
      return { ok: false, reason: `approvals by ${row.staffId} are locked after repeated failed proofs` };
    if (await verifyApprovalProof(key, text, proof)) {
      if (row.failedProofs > 0) await this.store.noteSuccess(orgId, row.staffId);
      return { ok: true };
    }
    await this.store.noteFailure(orgId, row.staffId, this.now());
    return { ok: false, reason: `the approval by ${row.staffId} could not be verified` };
  }
}
