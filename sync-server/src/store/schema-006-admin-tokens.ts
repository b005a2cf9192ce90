/**
 * Migration 6: admin tokens that can be scoped, rotated and revoked (SPEC [SEC1]-[SEC3]).
 *
 * - `admin_tokens.id`: what the CLI names a token by (the hash never leaves the database).
 * - `org_id`: the one organization the token may administer; NULL = an operator token (all).
 * - `source`: 'startup' for the token the server bootstraps (CHAIRSIDE_ADMIN_TOKEN or generated),
 *   'cli' for tokens made with `cli.ts admin-token create`. A start with a new
 *   CHAIRSIDE_ADMIN_TOKEN revokes the other startup tokens, never the CLI ones.
 * - `revoked_at`: set once by revocation; a revoked token is refused at once.
 * - `admin_token_retired`: hashes replaced by a rotation. A start whose CHAIRSIDE_ADMIN_TOKEN is a
 *   retired secret refuses to bring it back.
 * Tokens made before this migration were the one server-wide token: they become operator tokens.
 * Numbered 6 although 7 shipped first: the runner applies every id it has not recorded.
 */
export const ADMIN_TOKENS_SQL = `
ALTER TABLE admin_tokens ADD COLUMN id uuid NOT NULL DEFAULT gen_random_uuid();
CREATE UNIQUE INDEX admin_tokens_id ON admin_tokens (id);
ALTER TABLE admin_tokens ADD COLUMN org_id uuid REFERENCES organizations (id);
ALTER TABLE admin_tokens ADD COLUMN label text NOT NULL DEFAULT '';
ALTER TABLE admin_tokens ADD COLUMN source text NOT NULL DEFAULT 'startup' CHECK (source IN ('startup', 'cli'));
ALTER TABLE admin_tokens ADD COLUMN revoked_at timestamptz;
ALTER TABLE admin_tokens ADD COLUMN rotated_at timestamptz;

CREATE TABLE admin_token_retired (
  token_sha256 text PRIMARY KEY,
  token_id uuid NOT NULL,
  retired_at timestamptz NOT NULL DEFAULT now()
);
`;
