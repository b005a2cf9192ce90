/**
 * Admin tokens' SQL (migration 6, SPEC [SEC1]-[SEC3]). Secrets arrive already hashed (SHA-256
 * hex, services/secrets.ts); no method returns a hash.
 */
import type { SqlDriver, SqlExecutor } from './driver';

export type AdminTokenSource = 'startup' | 'cli';

/** An admin token as the service and the CLI see it: never its hash. */
export interface AdminTokenRow {
  id: string;
  /** Null = operator token: every organization. */
  orgId: string | null;
  label: string;
  source: AdminTokenSource;
  createdAt: Date;
  rotatedAt: Date | null;
  revokedAt: Date | null;
}

export interface NewAdminToken {
  tokenSha256: string;
  orgId: string | null;
  label: string;
  source: AdminTokenSource;
}

/** What a start with CHAIRSIDE_ADMIN_TOKEN did: the startup tokens it revoked, and whether the env one works. */
export interface EnvBootstrap {
  revokedIds: string[];
  /** 'active' | 'revoked' (revoked earlier with the CLI) | 'retired' (replaced by a rotation). */
  state: 'active' | 'revoked' | 'retired';
}

const COLUMNS = `id::text AS id, org_id::text AS "orgId", label, source, created_at AS "createdAt",
  rotated_at AS "rotatedAt", revoked_at AS "revokedAt"`;

export class AdminTokenStore {
  constructor(private readonly driver: SqlDriver) {}

  /** The active (not revoked) token with this hash, or null. */
  async active(tokenSha256: string): Promise<AdminTokenRow | null> {
    const [row] = await this.driver.query<AdminTokenRow>(
      `SELECT ${COLUMNS} FROM admin_tokens WHERE token_sha256 = $1 AND revoked_at IS NULL`,
      [tokenSha256],
    );
    return row ?? null;
  }

  async byId(id: string): Promise<AdminTokenRow | null> {
    const [row] = await this.driver.query<AdminTokenRow>(
      `SELECT ${COLUMNS} FROM admin_tokens WHERE id = $1`,
      [id],
    );
    return row ?? null;
  }

  async create(token: NewAdminToken): Promise<AdminTokenRow> {
    const [row] = await this.driver.query<AdminTokenRow>(
      `INSERT INTO admin_tokens (token_sha256, org_id, label, source) VALUES ($1, $2, $3, $4) RETURNING ${COLUMNS}`,
      [token.tokenSha256, token.orgId, token.label, token.source],
    );
    if (!row) throw new Error('admin token was not stored');
    return row;
  }

  /** Gives the active token `id` a new hash; the old one is retired (stops working). Null if none. */
  rotate(id: string, newSha256: string, now: Date): Promise<AdminTokenRow | null> {
    return this.driver.transaction(async (tx) => {
      const [old] = await tx.query<{ token_sha256: string }>(
        'SELECT token_sha256 FROM admin_tokens WHERE id = $1 AND revoked_at IS NULL FOR UPDATE',
        [id],
      );
      if (!old) return null;
      await tx.query(
        'INSERT INTO admin_token_retired (token_sha256, token_id, retired_at) VALUES ($1, $2, $3) ON CONFLICT DO NOTHING',
        [old.token_sha256, id, now],
      );
      const [row] = await tx.query<AdminTokenRow>(
        `UPDATE admin_tokens SET token_sha256 = $2, rotated_at = $3 WHERE id = $1 RETURNING ${COLUMNS}`,
        [id, newSha256, now],
      );
      return row ?? null;
    });
  }

  /** Sets revoked_at once (revoking twice keeps the first time); null if there is no such token. */
  async revoke(id: string, now: Date): Promise<AdminTokenRow | null> {
    const [row] = await this.driver.query<AdminTokenRow>(
      `UPDATE admin_tokens SET revoked_at = COALESCE(revoked_at, $2) WHERE id = $1 RETURNING ${COLUMNS}`,
      [id, now],
    );
    return row ?? null;
  }

  /** Every token (revoked ones too, so the list is an audit trail), oldest first. */
  list(orgId?: string): Promise<AdminTokenRow[]> {
    return orgId === undefined
      ? this.driver.query<AdminTokenRow>(`SELECT ${COLUMNS} FROM admin_tokens ORDER BY created_at, id`)
      : this.driver.query<AdminTokenRow>(
          `SELECT ${COLUMNS} FROM admin_tokens WHERE org_id = $1 ORDER BY created_at, id`,
          [orgId],
        );
  }

  async organizationExists(orgId: string): Promise<boolean> {
    return (await this.driver.query('SELECT 1 FROM organizations WHERE id = $1', [orgId])).length > 0;
  }

  /**
   * A start with CHAIRSIDE_ADMIN_TOKEN: that token is the startup token; every other active startup
   * token (an earlier env token, a generated one) is revoked. A revoked or retired env secret is not
   * brought back. The table lock makes two servers starting at once agree.
   */
  bootstrapFromEnv(tokenSha256: string, now: Date): Promise<EnvBootstrap> {
    return this.driver.transaction(async (tx) => {
      await lock(tx);
      const [retired] = await tx.query('SELECT 1 FROM admin_token_retired WHERE token_sha256 = $1', [
        tokenSha256,
      ]);
      const revoked = await tx.query<{ id: string }>(
        `UPDATE admin_tokens SET revoked_at = $2
         WHERE source = 'startup' AND revoked_at IS NULL AND token_sha256 <> $1 RETURNING id::text AS id`,
        [tokenSha256, now],
      );
      const revokedIds = revoked.map((r) => r.id);
      if (retired) return { revokedIds, state: 'retired' };
      await tx.query(
        `INSERT INTO admin_tokens (token_sha256, org_id, label, source)
         VALUES ($1, NULL, 'CHAIRSIDE_ADMIN_TOKEN', 'startup') ON CONFLICT (token_sha256) DO NOTHING`,
        [tokenSha256],
      );
      const [row] = await tx.query<{ revoked: boolean }>(
        'SELECT revoked_at IS NOT NULL AS revoked FROM admin_tokens WHERE token_sha256 = $1',
        [tokenSha256],
      );
      return { revokedIds, state: row?.revoked ? 'revoked' : 'active' };
    });
  }

  /** Stores a generated operator token only when no active admin token exists; its id, or null. */
  addFirstToken(tokenSha256: string): Promise<string | null> {
    return this.driver.transaction(async (tx) => {
      await lock(tx);
      const [row] = await tx.query<{ n: number }>(
        'SELECT count(*)::integer AS n FROM admin_tokens WHERE revoked_at IS NULL',
      );
      if ((row?.n ?? 0) > 0) return null;
      const [stored] = await tx.query<{ id: string }>(
        `INSERT INTO admin_tokens (token_sha256, org_id, label, source) VALUES ($1, NULL, 'generated', 'startup')
         RETURNING id::text AS id`,
        [tokenSha256],
      );
      return stored?.id ?? null;
    });
  }
}

async function lock(tx: SqlExecutor): Promise<void> {
  await tx.query('LOCK TABLE admin_tokens IN EXCLUSIVE MODE');
}
