/**
 * The real CLI as a user runs it: `node --import tsx sync-server/src/main.ts --demo`.
 * PORT=0 lets the OS pick a port; the test reads it from the one "running at" line.
 */
import { spawn } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, readFile, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_IDS } from '../../src/domain/demo/clinic';
import { MIGRATIONS } from '../../sync-server/src/store/migrations';
import { openSse } from './sse-client';
import type { SseClient } from './sse-client';

const ROOT = join(import.meta.dirname, '..', '..');
const RUNNING = /Chairside is running at (http:\/\/localhost:(\d+))\s+\(store: pglite at (.+)\)/;

interface Run {
  child: ChildProcess;
  output: () => string;
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
}

const children: ChildProcess[] = [];
let dataDir = '';

beforeAll(async () => {
  dataDir = await mkdtemp(join(tmpdir(), 'chairside-proc-'));
});
afterEach(() => {
  for (const child of children.splice(0)) if (child.exitCode === null) child.kill('SIGKILL');
});
afterAll(async () => {
  await rm(dataDir, { recursive: true, force: true });
});

function start(args: string[], env: Record<string, string>, entry = 'sync-server/src/main.ts'): Run {
  const child = spawn(process.execPath, ['--import', 'tsx', entry, ...args], {
    cwd: ROOT,
    env: {
      ...process.env,
      HOST: '127.0.0.1',
      LOG_LEVEL: 'info',
      DATABASE_URL: '',
      CHAIRSIDE_ADMIN_TOKEN: '',
      ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  children.push(child);
  let output = '';
  child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
    child.once('exit', (code, signal) => resolve({ code, signal })),
  );
  return { child, output: () => output, exited };
}

/** Resolves with the URL once the server prints it; rejects with the output if it exits first. */
function waitForUrl(run: Run): Promise<string> {
  return new Promise((resolve, reject) => {
    const check = (): void => {
      const match = RUNNING.exec(run.output());
      if (match?.[1]) resolve(match[1]);
    };
    run.child.stdout?.on('data', check);
    void run.exited.then(({ code }) =>
      reject(new Error(`server exited (${code}) before listening:\n${run.output()}`)),
    );
    check();
  });
}

async function openEnrolledStream(url: string, adminToken: string): Promise<SseClient> {
  const post = async (path: string, body: unknown, token?: string) => {
    const headers: Record<string, string> = { 'content-type': 'application/json' };
    if (token) headers.authorization = `Bearer ${token}`;
    const res = await fetch(`${url}${path}`, { method: 'POST', headers, body: JSON.stringify(body) });
    expect(res.status, path).toBe(201);
    return res.json() as Promise<Record<string, string>>;
  };
  const { code } = await post(
    '/api/v1/admin/enroll-codes',
    { locationIds: [DEMO_IDS.mainLocation] },
    adminToken,
  );
  const { token } = await post('/api/v1/devices/enroll', { code, deviceName: 'Process test' });
  return openSse(url, { authorization: `Bearer ${token}`, 'x-chairside-protocol': '1' });
}

describe('sync server process', () => {
  it('[SV9] starts with --demo on a free port, answers /healthz, and exits 0 on SIGTERM', async () => {
    const run = start(['--demo'], { PORT: '0', DATA_DIR: dataDir, STATIC_DIR: join(dataDir, 'no-dist') });
    const url = await waitForUrl(run);
    expect(run.output()).toContain(`pglite at ${join(dataDir, 'pglite')}`);
    expect(run.output()).toMatch(/Demo clinic seeded: .*README/);

    const health = await fetch(`${url}/healthz`);
    expect(health.status).toBe(200);
    expect(await health.json()).toEqual({ ok: true, store: 'pglite', schemaVersion: MIGRATIONS.at(-1)?.id });

    // [S1][SEC2] The generated admin token is written to a file only its owner can read, and
    // never printed: stdout says where the file is. With it a tablet enrolls and opens a stream.
    const tokenFile = join(dataDir, 'admin-token');
    expect(run.output()).toContain(`Admin token generated and written to ${tokenFile}`);
    expect((await stat(tokenFile)).mode & 0o777).toBe(0o600);
    const adminToken = (await readFile(tokenFile, 'utf8')).trim();
    expect(adminToken).toMatch(/^cs_/);
    expect(run.output()).not.toContain(adminToken);
    const stream = await openEnrolledStream(url, adminToken);
    expect(await stream.waitFor(() => true)).toBe('RESYNC');

    // [S7] An open stream does not hold up a graceful shutdown.
    const signalledAt = Date.now();
    run.child.kill('SIGTERM');
    expect(await run.exited).toEqual({ code: 0, signal: null });
    expect(Date.now() - signalledAt).toBeLessThan(5_000);
    expect(run.output()).toContain('SIGTERM received, shutting down');
    expect(run.output()).toContain('shutdown complete');
  });

  it('keeps the demo data on restart and does not seed it twice', async () => {
    // Runs after the first test on the same DATA_DIR (vitest runs tests in a file in order).
    const run = start(['--demo'], { PORT: '0', DATA_DIR: dataDir, STATIC_DIR: join(dataDir, 'no-dist') });
    await waitForUrl(run);
    expect(run.output()).toContain('Demo clinic already present');
    expect(run.output()).not.toContain('Admin token');
    run.child.kill('SIGINT');
    expect((await run.exited).code).toBe(0);
  });

  it('[SEC2] a restart with a new CHAIRSIDE_ADMIN_TOKEN stops the generated one from working', async () => {
    // Same DATA_DIR as above: the generated token's file is still there.
    const tokenFile = join(dataDir, 'admin-token');
    const generated = (await readFile(tokenFile, 'utf8')).trim();
    const chosen = 'operator-chosen-admin-token-0123456789';
    const run = start([], {
      PORT: '0',
      DATA_DIR: dataDir,
      STATIC_DIR: join(dataDir, 'no-dist'),
      CHAIRSIDE_ADMIN_TOKEN: chosen,
    });
    const url = await waitForUrl(run);
    expect(run.output()).toContain('replaced 1 earlier startup admin token(s)');
    expect(existsSync(tokenFile)).toBe(false);
    const status = async (token: string) =>
      (
        await fetch(`${url}/api/v1/admin/enroll-codes/${DEMO_IDS.mainLocation}`, {
          headers: { authorization: `Bearer ${token}` },
        })
      ).status;
    expect(await status(generated)).toBe(401);
    expect(await status(chosen)).toBe(404);
    run.child.kill('SIGTERM');
    expect((await run.exited).code).toBe(0);
  });

  it('[SEC2] a generated token that cannot be written is revoked and the start fails; the next start generates one', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'chairside-proc-ro-'));
    try {
      // A directory where the token file should be: the write fails.
      await mkdir(join(dir, 'admin-token'));
      const env = { PORT: '0', DATA_DIR: dir, STATIC_DIR: join(dir, 'no-dist') };
      const failed = start([], env);
      expect((await failed.exited).code).toBe(1);
      expect(failed.output()).toContain(`cannot write the admin token file ${join(dir, 'admin-token')}`);
      await rm(join(dir, 'admin-token'), { recursive: true });
      const run = start([], env);
      await waitForUrl(run);
      expect(run.output()).toContain('Admin token generated and written to');
      run.child.kill('SIGTERM');
      expect((await run.exited).code).toBe(0);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  it('[SEC3] cli.ts admin-token creates, lists and revokes tokens from the command line', async () => {
    const cli = (args: string[]) =>
      start(['admin-token', ...args], { DATA_DIR: dataDir }, 'sync-server/src/cli.ts');
    const out = join(dataDir, 'main-st.token');
    const created = cli(['create', '--org', DEMO_IDS.organization, '--label', 'Main St admin', '--out', out]);
    expect(await created.exited).toEqual({ code: 0, signal: null });
    const id = /Admin token ([0-9a-f-]{36}) created for organization/.exec(created.output())?.[1] ?? '';
    expect(id).not.toBe('');
    expect((await stat(out)).mode & 0o777).toBe(0o600);
    expect(created.output()).not.toContain((await readFile(out, 'utf8')).trim());
    const revoked = cli(['revoke', id]);
    expect((await revoked.exited).code).toBe(0);
    const listed = cli(['list', '--org', DEMO_IDS.organization]);
    expect((await listed.exited).code).toBe(0);
    expect(listed.output()).toMatch(
      new RegExp(`${id}  organization ${DEMO_IDS.organization}  cli  revoked .*"Main St admin"`),
    );
    const bad = cli(['create']);
    expect((await bad.exited).code).toBe(1);
    expect(bad.output()).toContain('exactly one of --org <organization id> or --operator');
  });

  it('[S1] enroll-code prints a one-time code for a location and exits 0', async () => {
    const run = start(['enroll-code', '--location', DEMO_IDS.mainLocation], { DATA_DIR: dataDir });
    expect(await run.exited).toEqual({ code: 0, signal: null });
    expect(run.output()).toMatch(/Enrollment code: [0-9A-Z]{5}-[0-9A-Z]{5}\nSingle use; expires /);
    const bad = start(['enroll-code'], { DATA_DIR: dataDir });
    expect((await bad.exited).code).toBe(1);
    expect(bad.output()).toContain('enroll-code needs --location <id>');
  });

  it('[SV10] refuses a bad PORT with one readable line and exit code 1', async () => {
    const run = start([], { PORT: 'abc', DATA_DIR: dataDir });
    expect((await run.exited).code).toBe(1);
    expect(run.output().trim()).toBe(
      'Chairside failed to start: PORT must be an integer from 0 to 65535 (0 = any free port), got "abc"',
    );
  });
});
