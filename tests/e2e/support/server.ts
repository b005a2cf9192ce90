// Runs the real sync server (which also serves the built PWA) as a child process, so browser
// tests exercise the same code path as `npm run demo`: fresh temp data dir, random free port.
import { spawn } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

export const ROOT = resolve(import.meta.dirname, '../../..');
/** The built PWA; CHAIRSIDE_DIST_DIR points the harness at another build (e.g. a side-by-side one). */
export const DIST_DIR = process.env.CHAIRSIDE_DIST_DIR ?? join(ROOT, 'dist');

const STARTUP_TIMEOUT_MS = 60_000;
const STOP_TIMEOUT_MS = 10_000;

export interface StartOptions {
  /** Seed the demo clinic (`--demo`). */
  demo?: boolean;
  /** Reuse a data directory (e.g. to restart against the same database); default: a new temp dir. */
  dataDir?: string;
  env?: Record<string, string>;
}

export interface RunningServer {
  url: string;
  /** Closes every open HTTP connection (test control endpoint), so "offline" has no live sockets. */
  dropConnections(): Promise<void>;
  /** SIGTERM and wait for exit; removes the temp data dir if we created it. */
  stop(): Promise<void>;
}

/** Throws a clear hint when the PWA has not been built. */
export function assertBuilt(): void {
  if (!existsSync(join(DIST_DIR, 'index.html'))) {
    throw new Error(`${join(DIST_DIR, 'index.html')} is missing: run npm run build first`);
  }
}

function waitForUrl(child: ChildProcess, output: () => string): Promise<string> {
  return new Promise((resolvePromise, reject) => {
    const timer = setTimeout(
      () => fail(new Error('timed out waiting for the server URL')),
      STARTUP_TIMEOUT_MS,
    );
    const onData = (): void => {
      const match = /http:\/\/localhost:(\d+)/.exec(output());
      if (match) done(() => resolvePromise(`http://localhost:${match[1]}`));
    };
    const onExit = (code: number | null): void => fail(new Error(`server exited early (code ${code})`));
    const done = (settle: () => void): void => {
      clearTimeout(timer);
      child.stdout?.off('data', onData);
      child.stderr?.off('data', onData);
      child.off('exit', onExit);
      settle();
    };
    const fail = (error: Error): void => done(() => reject(error));
    child.stdout?.on('data', onData);
    child.stderr?.on('data', onData);
    child.once('exit', onExit);
  });
}

async function waitForHealth(url: string): Promise<void> {
  const deadline = Date.now() + STARTUP_TIMEOUT_MS;
  let lastError = '';
  while (Date.now() < deadline) {
    try {
      const response = await fetch(`${url}/healthz`);
      if (response.ok) return;
      lastError = `HTTP ${response.status}`;
    } catch (error) {
      lastError = String(error);
    }
    // Polling interval while the server finishes booting (not a test sleep).
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`healthz never answered OK: ${lastError}`);
}

function stopChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolvePromise) => {
    const killer = setTimeout(() => child.kill('SIGKILL'), STOP_TIMEOUT_MS);
    child.once('exit', () => {
      clearTimeout(killer);
      resolvePromise();
    });
    child.kill('SIGTERM');
  });
}

/** Starts the server on a random port and resolves once /healthz is OK. */
export async function startServer(options: StartOptions = {}): Promise<RunningServer> {
  assertBuilt();
  const ownDataDir = options.dataDir === undefined;
  const dataDir = options.dataDir ?? mkdtempSync(join(tmpdir(), 'chairside-e2e-'));
  const args = ['--import', 'tsx', 'sync-server/src/main.ts', ...(options.demo ? ['--demo'] : [])];
  const child = spawn(process.execPath, args, {
    cwd: ROOT,
    env: {
      ...process.env,
      PORT: '0',
      DATA_DIR: dataDir,
      STATIC_DIR: DIST_DIR,
      CHAIRSIDE_TEST_CONTROL: '1',
      // Browser tests and the sync benchmark enroll many devices from 127.0.0.1 within a minute;
      // the limits themselves are tested in tests/server/security-contract.ts ([SEC7]).
      CHAIRSIDE_ENROLL_RATE_LIMIT: '100000',
      CHAIRSIDE_ADMIN_RATE_LIMIT: '100000',
      ...options.env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  const append = (chunk: Buffer): void => {
    output += chunk.toString();
  };
  child.stdout.on('data', append);
  child.stderr.on('data', append);
  const cleanup = async (): Promise<void> => {
    await stopChild(child);
    if (ownDataDir) rmSync(dataDir, { recursive: true, force: true });
  };

  let url: string;
  try {
    url = await waitForUrl(child, () => output);
    await waitForHealth(url);
  } catch (error) {
    await cleanup();
    throw new Error(`sync server failed to start: ${String(error)}\n--- server output ---\n${output}`, {
      cause: error,
    });
  }

  return {
    url,
    async dropConnections() {
      const response = await fetch(`${url}/__test__/drop-connections`, { method: 'POST' });
      if (!response.ok) throw new Error(`drop-connections answered HTTP ${response.status}`);
    },
    stop: cleanup,
  };
}
