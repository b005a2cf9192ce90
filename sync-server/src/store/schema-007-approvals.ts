/**
 * Migration 7: approval keys (SPEC [A5]). One row per staff member who can approve: the key their
 * PIN derives (src/auth/approval.ts), set only through the admin API with the PIN and never sent
 * to a tablet, and the count of proofs that failed to verify since the last good one, which locks
 * their approvals for a while after too many ([A7]).
 */
export const APPROVALS_SQL = `
CREATE TABLE staff_approval_keys (
  org_id uuid NOT NULL REFERENCES organizations (id),
  staff_id uuid NOT NULL,
  approval_key text NOT NULL,
  failed_proofs integer NOT NULL DEFAULT 0,
  locked_until timestamptz,
  updated_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (org_id, staff_id)
);
`;
