/**
 * The operator's CLI, working on the store directly (no running server needed; same environment as
 * the server: DATA_DIR or DATABASE_URL):
 *
 *   node --import tsx sync-server/src/cli.ts enroll-code --location <id> [--location <id>…] [--org <id>] [--expires-in-minutes <n>]
 *     prints a one-time enrollment code (SPEC [S1]); also `main.ts enroll-code`.
 *   node --import tsx sync-server/src/cli.ts admin-token create (--org <id> | --operator) [--label <text>] [--out <file>]
 *   node --import tsx sync-server/src/cli.ts admin-token rotate <token id> [--out <file>]
 *   node --import tsx sync-server/src/cli.ts admin-token revoke <token id>
 *   node --import tsx sync-server/src/cli.ts admin-token list [--org <id>]
 *     admin tokens ([SEC1]-[SEC3], cli-admin-tokens.ts). A new secret is printed once, or with
 *     --out written to a file only its owner can read (mode 0600) and not printed.
 */
import { realpathSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { adminTokenCommand } from './cli-admin-tokens';
import { loadConfig } from './config';
import { AuthService, InputError } from './services/auth';
import { openStore } from './store/store';
import type { Store } from './store/store';

export interface EnrollCodeArgs {
  location?: string[];
  org?: string;
  'expires-in-minutes'?: string;
}

/** Returns the lines to print; throws with a readable message on bad arguments. */
export async function enrollCodeCommand(store: Store, args: EnrollCodeArgs): Promise<string[]> {
  const locationIds = args.location ?? [];
  if (locationIds.length === 0) throw new Error('enroll-code needs --location <id>');
  const minutesText = args['expires-in-minutes'];
  const expiresInMinutes = minutesText === undefined ? undefined : Number(minutesText);
  if (expiresInMinutes !== undefined && !(Number.isSafeInteger(expiresInMinutes) && expiresInMinutes > 0)) {
    throw new Error('--expires-in-minutes must be a whole number above 0');
  }
  try {
    const { code, expiresAt } = await new AuthService(store.devices).createEnrollCode({
      locationIds,
      orgId: args.org,
      expiresInMinutes,
    });
    return [`Enrollment code: ${code}`, `Single use; expires ${expiresAt}.`];
  } catch (error) {
    if (error instanceof InputError) throw new Error(`${error.field}: ${error.message}`, { cause: error });
    throw error;
  }
}

const OPTIONS = {
  location: { type: 'string', multiple: true },
  org: { type: 'string' },
  'expires-in-minutes': { type: 'string' },
  operator: { type: 'boolean', default: false },
  label: { type: 'string' },
  out: { type: 'string' },
} as const;

const USAGE = 'usage: cli.ts enroll-code --location <id> … | cli.ts admin-token create|rotate|revoke|list …';

/** Runs one command against a migrated store; returns the lines for stdout. */
export async function runCli(argv: string[], store: Store): Promise<string[]> {
  const { values, positionals } = parseArgs({ args: argv, options: OPTIONS, allowPositionals: true });
  const [command, ...rest] = positionals;
  if (command === 'enroll-code') return enrollCodeCommand(store, values);
  if (command === 'admin-token') return adminTokenCommand(store, rest, values);
  throw new Error(command === undefined ? USAGE : `unknown command "${command}"; ${USAGE}`);
}

async function main(): Promise<void> {
  const store = await openStore(loadConfig());
  try {
    await store.migrate();
    console.log((await runCli(process.argv.slice(2), store)).join('\n'));
  } finally {
    await store.close();
  }
}

/** True when this file is the process's entry point (also through a symlink), not an import. */
function isEntryPoint(): boolean {
  const entry = process.argv[1];
  return entry !== undefined && realpathSync(entry) === realpathSync(fileURLToPath(import.meta.url));
}

// Run only as the entry point: main.ts imports enrollCodeCommand from here.
if (isEntryPoint()) {
  main().catch((error: unknown) => {
    console.error(`chairside cli: ${error instanceof Error ? error.message : String(error)}`);
    process.exit(1);
  });
}
