/**
 * CLI entry: `node --import tsx sync-server/src/main.ts [--demo]`.
 * Opens the store, migrates, optionally seeds the demo clinic, makes sure an admin token exists
 * (a generated one is written to DATA_DIR/admin-token, mode 0600, never printed: SPEC [SEC2]),
 * serves (https when CHAIRSIDE_TLS_CERT/KEY are set, [SEC9]), and shuts down cleanly on
 * SIGTERM/SIGINT (a second signal forces exit). Startup failures print one line and exit 1.
 * `main.ts enroll-code --location <id> [--org <id>]` prints a one-time enrollment code; admin
 * tokens are managed with `cli.ts admin-token …` (cli.ts).
 */
import { existsSync, readFileSync } from 'node:fs';
import { rm } from 'node:fs/promises';
import { parseArgs } from 'node:util';
import type { FastifyInstance } from 'fastify';
import { staffCredentials } from './services/staff-admin';
import { DEMO_IDS, buildDemoClinic } from '../../src/domain/demo/clinic';
import { buildApp } from './app';
import { enrollCodeCommand } from './cli';
import { loadConfig } from './config';
import type { Config } from './config';
import type { AdminTokenService, StartupToken } from './services/admin-tokens';
import { LocalHub } from './services/hub';
import { adminTokenFile, writeSecretFile } from './services/secrets';
import type { EventHub } from './services/hub';
import { createSyncServices } from './services/sync';
import { PgHub } from './store/pg-listener';
import { openStore, pgliteDir } from './store/store';
import type { Store } from './store/store';

function readVersion(): string {
  const pkg: unknown = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8'));
  const version = (pkg as { version?: unknown }).version;
  return typeof version === 'string' ? version : '0.0.0';
}

/** Local calendar date as YYYY-MM-DD: the demo's expiries are relative to the clinic's today. */
function localToday(now: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

async function seedDemo(store: Store): Promise<boolean> {
  if (await store.hasOrganization(DEMO_IDS.organization)) return false;
  const clinic = buildDemoClinic(localToday(new Date()));
  const credentials = await Promise.all(
    clinic.staff.map(async (s) => [s.id, await staffCredentials(s.orgId, s, s.demoPin)] as const),
  );
  const hashes = Object.fromEntries(credentials.map(([id, c]) => [id, c.pinHash]));
  const keys = Object.fromEntries(
    credentials.flatMap(([id, c]) => (c.approvalKey ? [[id, c.approvalKey] as const] : [])),
  );
  await store.seedDemoClinic(clinic, hashes, undefined, keys);
  return true;
}

function describeStore(store: Store, config: Config): string {
  return store.kind === 'postgres' ? 'postgres' : `pglite at ${pgliteDir(config.dataDir)}`;
}

/** What the startup token step says on stdout: where a generated token is, never the token. */
async function startupTokenLines(
  startup: StartupToken,
  dataDir: string,
  adminTokens: AdminTokenService,
): Promise<string[]> {
  const file = adminTokenFile(dataDir);
  if (startup.kind === 'generated') {
    try {
      await writeSecretFile(file, startup.token);
    } catch (error) {
      // Nobody could ever read this token: revoke it, so the next start generates one again.
      await adminTokens.revoke(startup.id);
      throw new Error(
        `cannot write the admin token file ${file} (${reason(error)}); fix DATA_DIR or set CHAIRSIDE_ADMIN_TOKEN`,
        {
          cause: error,
        },
      );
    }
    return [
      `Admin token generated and written to ${file} (readable only by this user; the database keeps only its hash). Manage tokens with: node --import tsx sync-server/src/cli.ts admin-token list`,
    ];
  }
  if (startup.kind !== 'env') return [];
  const lines: string[] = [];
  if (startup.revokedIds.length > 0) {
    // The generated token it replaced no longer works; its file would only mislead.
    if (existsSync(file)) await rm(file, { force: true });
    lines.push(
      `CHAIRSIDE_ADMIN_TOKEN replaced ${startup.revokedIds.length} earlier startup admin token(s); they no longer work.`,
    );
  }
  if (startup.state !== 'active') {
    lines.push(
      `Warning: CHAIRSIDE_ADMIN_TOKEN was ${startup.state === 'revoked' ? 'revoked' : 'rotated'} with the CLI and is refused; set a new one.`,
    );
  }
  return lines;
}

function handleSignals(app: FastifyInstance, hub: EventHub, store: Store): void {
  let stopping = false;
  const stop = (signal: NodeJS.Signals): void => {
    if (stopping) {
      console.error(`Chairside: ${signal} again, forcing exit`);
      process.exit(1);
    }
    stopping = true;
    console.log(`Chairside: ${signal} received, shutting down`);
    void (async () => {
      try {
        await app.close();
        await hub.close();
        await store.close();
        console.log('Chairside: shutdown complete');
        process.exit(0);
      } catch (error) {
        console.error(`Chairside: shutdown failed: ${reason(error)}`);
        process.exit(1);
      }
    })();
  };
  process.on('SIGTERM', stop);
  process.on('SIGINT', stop);
}

function reason(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

const OPTIONS = {
  demo: { type: 'boolean', default: false },
  location: { type: 'string', multiple: true },
  org: { type: 'string' },
  'expires-in-minutes': { type: 'string' },
} as const;

async function main(): Promise<void> {
  const { values, positionals } = parseArgs({ options: OPTIONS, allowPositionals: true });
  const command = positionals[0];
  if (command !== undefined && command !== 'enroll-code') throw new Error(`unknown command "${command}"`);
  const config = loadConfig();
  const store = await openStore(config);
  let hub: EventHub | null = null;
  try {
    await store.migrate();
    if (command === 'enroll-code') {
      console.log((await enrollCodeCommand(store, values)).join('\n'));
      await store.close();
      return;
    }
    const seeded = values.demo ? await seedDemo(store) : false;
    hub = config.databaseUrl ? await PgHub.open(config.databaseUrl) : new LocalHub();
    const sync = await createSyncServices(store, hub);
    const tokenLines = await startupTokenLines(
      await sync.adminTokens.bootstrap(config.adminToken),
      config.dataDir,
      sync.adminTokens,
    );
    const app = await buildApp({ store, config, version: readVersion(), sync, demo: values.demo });
    handleSignals(app, hub, store);
    await app.listen({ port: config.port, host: config.host });
    const address = app.server.address();
    const port = typeof address === 'object' && address ? address.port : config.port;
    const scheme = config.tls ? 'https' : 'http';
    const lines = [
      `Chairside is running at ${scheme}://localhost:${port}  (store: ${describeStore(store, config)})`,
      ...tokenLines,
    ];
    if (values.demo) {
      const state = seeded ? 'seeded' : 'already present';
      lines.push(
        `Demo clinic ${state}: the demo PINs are on the app's first screen (and in README.md); a browser on this machine gets a demo enrollment code there.`,
      );
    }
    // One write, so whoever waits for the URL line also has the demo line.
    console.log(lines.join('\n'));
  } catch (error) {
    await hub?.close().catch(() => undefined);
    await store.close().catch(() => undefined);
    throw error;
  }
}

main().catch((error: unknown) => {
  console.error(`Chairside failed to start: ${reason(error)}`);
  process.exit(1);
});
