/**
 * The real sync server as a child process on a fixed port, so a test can SIGKILL it mid-push and
 * start it again on the same port and database (tablets keep their base URL, as in a clinic).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { createServer } from 'node:net';
import { resolve } from 'node:path';

const ROOT = resolve(import.meta.dirname, '../..');
export const SIM_ADMIN_TOKEN = 'simulation-admin-token-0123456789';

export async function freePort(): Promise<number> {
  return new Promise((resolvePort, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      probe.close(() =>
        address && typeof address !== 'string' ? resolvePort(address.port) : reject(new Error('no port')),
      );
    });
  });
}

export interface ServerProcess {
  url: string;
  start(): Promise<void>;
  kill(): Promise<void>;
  stop(): Promise<void>;
  output(): string;
}

/** Where the server keeps its data: a PostgreSQL URL, or a directory for embedded PGlite. */
export type ServerStore = { databaseUrl: string } | { dataDir: string };

export function serverProcess(store: ServerStore, port: number): ServerProcess {
  let child: ChildProcess | null = null;
  let log = '';
  const url = `http://127.0.0.1:${port}`;
  const exited = (c: ChildProcess) =>
    new Promise<void>((r) =>
      c.exitCode !== null || c.signalCode !== null ? r() : c.once('exit', () => r()),
    );

  async function waitHealthy(): Promise<void> {
    const deadline = Date.now() + 60_000;
    while (Date.now() < deadline) {
      if (child?.exitCode !== null && child?.exitCode !== undefined)
        throw new Error(`server exited:\n${log}`);
      const ok = await fetch(`${url}/healthz`)
        .then((r) => r.ok)
        .catch(() => false);
      if (ok) return;
      // Polling interval while the server boots.
      await new Promise((r) => setTimeout(r, 100));
    }
    throw new Error(`server never became healthy:\n${log}`);
  }

  return {
    url,
    output: () => log,
    async start() {
      child = spawn(process.execPath, ['--import', 'tsx', 'sync-server/src/main.ts', '--demo'], {
        cwd: ROOT,
        env: {
          ...process.env,
          PORT: String(port),
          HOST: '127.0.0.1',
          ...('databaseUrl' in store
            ? { DATABASE_URL: store.databaseUrl }
            : { DATA_DIR: store.dataDir, DATABASE_URL: '' }),
          CHAIRSIDE_ADMIN_TOKEN: SIM_ADMIN_TOKEN,
          // The simulation enrolls tablets by the dozen from 127.0.0.1 ([SEC7] is tested elsewhere).
          CHAIRSIDE_ENROLL_RATE_LIMIT: '100000',
          CHAIRSIDE_ADMIN_RATE_LIMIT: '100000',
          STATIC_DIR: '/nonexistent-chairside-dist',
          LOG_LEVEL: 'warn',
        },
        stdio: ['ignore', 'pipe', 'pipe'],
      });
      child.stdout?.on('data', (d: Buffer) => (log += d.toString()));
      child.stderr?.on('data', (d: Buffer) => (log += d.toString()));
      await waitHealthy();
    },
    async kill() {
      if (!child) return;
      const c = child;
      c.kill('SIGKILL');
      await exited(c);
      child = null;
    },
    async stop() {
      if (!child) return;
      const c = child;
      c.kill('SIGTERM');
      await exited(c);
      child = null;
    },
  };
}

export async function enrollCode(url: string, locationId: string): Promise<string> {
  const res = await fetch(`${url}/api/v1/admin/enroll-codes`, {
    method: 'POST',
    headers: { authorization: `Bearer ${SIM_ADMIN_TOKEN}`, 'content-type': 'application/json' },
    body: JSON.stringify({ locationIds: [locationId] }),
  });
  if (res.status !== 201) throw new Error(`enroll code: ${res.status} ${await res.text()}`);
  return ((await res.json()) as { code: string }).code;
}

export async function enrollToken(url: string, locationId: string, name: string): Promise<string> {
  const code = await enrollCode(url, locationId);
  const res = await fetch(`${url}/api/v1/devices/enroll`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ code, deviceName: name }),
  });
  if (res.status !== 201) throw new Error(`enroll: ${res.status} ${await res.text()}`);
  return ((await res.json()) as { token: string }).token;
}
