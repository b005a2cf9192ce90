/**
 * Approval keys and failed-proof counts (migration 7, SPEC [A5], [A7]). Keys are written with the
 * PIN through the admin API; pushes read them to check proofs.
 */
import type { SqlDriver, SqlExecutor } from './driver';

export interface ApprovalKeyRow {
  staffId: string;
  key: string;
  failedProofs: number;
  lockedUntil: Date | null;
}

/** After this many failed proofs in a row, a person's approvals are refused for LOCK_MINUTES. */
export const MAX_FAILED_PROOFS = 5;
export const LOCK_MINUTES = 15;

export async function setApprovalKey(
  tx: SqlExecutor,
  orgId: string,
  staffId: string,
  key: string,
): Promise<void> {
  await tx.query(
    `INSERT INTO staff_approval_keys (org_id, staff_id, approval_key) VALUES ($1, $2, $3)
     ON CONFLICT (org_id, staff_id) DO UPDATE SET approval_key = EXCLUDED.approval_key,
       failed_proofs = 0, locked_until = NULL, updated_at = now()`,
    [orgId, staffId, key],
  );
}

export class ApprovalStore {
  constructor(private readonly driver: SqlDriver) {}

  async keys(orgId: string, staffIds: readonly string[]): Promise<Map<string, ApprovalKeyRow>> {
    if (staffIds.length === 0) return new Map();
    const rows = await this.driver.query<{
      staff_id: string;
      approval_key: string;
      failed_proofs: number;
      locked_until: Date | string | null;
    }>(
      `SELECT staff_id::text AS staff_id, approval_key, failed_proofs, locked_until
       FROM staff_approval_keys WHERE org_id = $1 AND staff_id = ANY($2::uuid[])`,
      [orgId, [...new Set(staffIds)]],
    );
    return new Map(
      rows.map((r) => [
        r.staff_id,
        {
          staffId: r.staff_id,
          key: r.approval_key,
          failedProofs: Number(r.failed_proofs),
          lockedUntil: r.locked_until === null ? null : new Date(r.locked_until),
        },
      ]),
    );
  }

  /** One more failed proof by `staffId`; the MAX_FAILED_PROOFS-th locks their approvals. */
  async noteFailure(orgId: string, staffId: string, now: Date): Promise<void> {
    await this.driver.query(
      `UPDATE staff_approval_keys SET failed_proofs = failed_proofs + 1,
         locked_until = CASE WHEN failed_proofs + 1 >= $3 THEN $4::timestamptz ELSE locked_until END
       WHERE org_id = $1 AND staff_id = $2`,
      [orgId, staffId, MAX_FAILED_PROOFS, new Date(now.getTime() + LOCK_MINUTES * 60_000).toISOString()],
    );
  }

  /** A proof verified: the count starts again. */
  async noteSuccess(orgId: string, staffId: string): Promise<void> {
    await this.driver.query(
      `UPDATE staff_approval_keys SET failed_proofs = 0 WHERE org_id = $1 AND staff_id = $2 AND failed_proofs > 0`,
      [orgId, staffId],
    );
  }
}
