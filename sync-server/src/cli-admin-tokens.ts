/**
 * `cli.ts admin-token create|rotate|revoke|list` (SPEC [SEC1]-[SEC3]). Tokens are named by id (the
 * `list` column); a secret is shown once: printed, or with `--out <file>` written mode 0600 and
 * only the file's path printed (for scripts whose output is logged).
 */
import { AdminTokenService } from './services/admin-tokens';
import type { IssuedToken } from './services/admin-tokens';
import { InputError } from './services/auth';
import { writeSecretFile } from './services/secrets';
import { AdminTokenStore } from './store/admin-token-store';
import type { AdminTokenRow } from './store/admin-token-store';
import type { Store } from './store/store';

export interface AdminTokenArgs {
  org?: string;
  operator?: boolean;
  label?: string;
  out?: string;
}

function scopeOf(row: AdminTokenRow): string {
  return row.orgId === null ? 'operator (all organizations)' : `organization ${row.orgId}`;
}

/** One line per token: id, scope, state, label; never a hash or a secret. */
export function describeToken(row: AdminTokenRow): string {
  const state = row.revokedAt
    ? `revoked ${row.revokedAt.toISOString()}`
    : row.rotatedAt
      ? `active (rotated ${row.rotatedAt.toISOString()})`
      : 'active';
  const label = row.label ? `  "${row.label}"` : '';
  return `${row.id}  ${scopeOf(row)}  ${row.source}  ${state}${label}`;
}

async function shown(issued: IssuedToken, out: string | undefined, verb: string): Promise<string[]> {
  const head = `Admin token ${issued.row.id} ${verb} for ${scopeOf(issued.row)}.`;
  if (out !== undefined) {
    await writeSecretFile(out, issued.token);
    return [head, `Secret written to ${out} (mode 0600); it is not stored anywhere else.`];
  }
  return [head, `Secret (shown once; the server keeps only its hash): ${issued.token}`];
}

async function run(service: AdminTokenService, rest: string[], args: AdminTokenArgs): Promise<string[]> {
  const [action, id] = rest;
  switch (action) {
    case 'create': {
      if (args.operator === (args.org !== undefined)) {
        throw new Error('admin-token create needs exactly one of --org <organization id> or --operator');
      }
      return shown(await service.create(args.org ?? null, args.label ?? ''), args.out, 'created');
    }
    case 'rotate':
      if (id === undefined) throw new Error('admin-token rotate needs the token id (see admin-token list)');
      return [
        ...(await shown(await service.rotate(id), args.out, 'rotated')),
        'The previous secret no longer works.',
      ];
    case 'revoke': {
      if (id === undefined) throw new Error('admin-token revoke needs the token id (see admin-token list)');
      const row = await service.revoke(id);
      return [`Admin token ${row.id} revoked at ${row.revokedAt?.toISOString() ?? '?'}; it no longer works.`];
    }
    case 'list': {
      const rows = await service.list(args.org);
      return rows.length === 0 ? ['No admin tokens.'] : rows.map(describeToken);
    }
    default:
      throw new Error('admin-token needs one of: create, rotate, revoke, list');
  }
}

export async function adminTokenCommand(
  store: Store,
  rest: string[],
  args: AdminTokenArgs,
): Promise<string[]> {
  try {
    return await run(new AdminTokenService(new AdminTokenStore(store.driver)), rest, args);
  } catch (error) {
    if (error instanceof InputError) throw new Error(`${error.field}: ${error.message}`, { cause: error });
    throw error;
  }
}
