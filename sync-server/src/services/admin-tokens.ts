/**
 * Admin tokens (SPEC [SEC1]-[SEC3], decisions/2026-12-02_admin-tokens.md): stored only as SHA-256
 * hashes, each scoped to one organization or to all (an operator token), rotated (new secret, the
 * old one stops working) and revoked with the CLI (cli.ts admin-token …).
 *
 * The startup token: CHAIRSIDE_ADMIN_TOKEN when set (a start with a new one revokes the earlier
 * startup tokens, the generated one included); otherwise, when no admin token is active at all,
 * one is generated and handed to main.ts, which writes it to a file only its owner can read.
 */
import type { AdminTokenRow, AdminTokenStore } from '../store/admin-token-store';
import { InputError } from './auth';
import type { AdminScope } from './admin-scope';
import { newToken, sha256Hex } from './secrets';

/** Ids the CLI passes are checked here, so a typo is a readable error, not a database one. */
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

function checkId(field: string, id: string): void {
  if (!UUID.test(id)) throw new InputError(field, `"${id}" is not a token or organization id (a UUID)`);
}

export type StartupToken =
  | { kind: 'env'; state: 'active' | 'revoked' | 'retired'; revokedIds: string[] }
  | { kind: 'generated'; token: string; id: string }
  | { kind: 'existing' };

export interface IssuedToken {
  token: string;
  row: AdminTokenRow;
}

export class AdminTokenService {
  constructor(
    private readonly tokens: AdminTokenStore,
    private readonly now: () => Date = () => new Date(),
  ) {}

  /** Startup ([SEC2]): see the module comment. */
  async bootstrap(fromEnv: string | null): Promise<StartupToken> {
    if (fromEnv) {
      const result = await this.tokens.bootstrapFromEnv(sha256Hex(fromEnv), this.now());
      return { kind: 'env', ...result };
    }
    const token = newToken();
    const id = await this.tokens.addFirstToken(sha256Hex(token));
    return id ? { kind: 'generated', token, id } : { kind: 'existing' };
  }

  /** The scope of an active admin token; null for no, unknown or revoked tokens. */
  async authenticate(token: string | null): Promise<AdminScope | null> {
    if (token === null) return null;
    const row = await this.tokens.active(sha256Hex(token));
    return row ? { tokenId: row.id, orgId: row.orgId } : null;
  }

  /** A new CLI token for one organization, or for all when `orgId` is null ([SEC1]). */
  async create(orgId: string | null, label = ''): Promise<IssuedToken> {
    if (orgId !== null) checkId('org', orgId);
    if (orgId !== null && !(await this.tokens.organizationExists(orgId))) {
      throw new InputError('org', `no organization ${orgId}`);
    }
    const token = newToken();
    const row = await this.tokens.create({ tokenSha256: sha256Hex(token), orgId, label, source: 'cli' });
    return { token, row };
  }

  /** A new secret for the active token `id`; the old secret stops working at once ([SEC3]). */
  async rotate(id: string): Promise<IssuedToken> {
    checkId('id', id);
    const token = newToken();
    const row = await this.tokens.rotate(id, sha256Hex(token), this.now());
    if (!row) throw new InputError('id', `no active admin token ${id}`);
    return { token, row };
  }

  /** Revokes `id` at once ([SEC3]); revoking twice keeps the first time. */
  async revoke(id: string): Promise<AdminTokenRow> {
    checkId('id', id);
    const row = await this.tokens.revoke(id, this.now());
    if (!row) throw new InputError('id', `no admin token ${id}`);
    return row;
  }

  list(orgId?: string): Promise<AdminTokenRow[]> {
    if (orgId !== undefined) checkId('org', orgId);
    return this.tokens.list(orgId);
  }
}
