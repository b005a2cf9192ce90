/**
 * Server configuration from the environment. Every value is validated up front so a typo
 * (PORT=abc) stops the process with one readable line instead of a stack trace later.
 */
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';

export const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;
export type LogLevel = (typeof LOG_LEVELS)[number];

export interface Config {
  /** 0 = let the OS pick a free port (tests). */
  port: number;
  host: string;
  /** Absolute; PGlite keeps its files in `<dataDir>/pglite`. */
  dataDir: string;
  /** Set = use PostgreSQL through `pg`; null = embedded PGlite. */
  databaseUrl: string | null;
  /** Absolute path of the built PWA (vite's dist/). */
  staticDir: string;
  logLevel: LogLevel;
  /** CHAIRSIDE_TEST_CONTROL=1 exposes /__test__/* routes for browser tests. Never in production. */
  testControl: boolean;
  /** CHAIRSIDE_ADMIN_TOKEN: the admin token to accept; null = generate one on first start (SPEC [S1]). */
  adminToken: string | null;
  /** CHAIRSIDE_REQUEST_TIMEOUT_MS: the whole request (headers and body) must arrive within this ([SEC5]). */
  requestTimeoutMs: number;
  /** CHAIRSIDE_CONNECTION_TIMEOUT_MS: an idle socket is closed after this (longer than the SSE heartbeat). */
  connectionTimeoutMs: number;
  /** CHAIRSIDE_KEEP_ALIVE_TIMEOUT_MS: how long a finished keep-alive connection may wait for the next request. */
  keepAliveTimeoutMs: number;
  /** CHAIRSIDE_MAX_CONNECTIONS: sockets beyond this are dropped at once. */
  maxConnections: number;
  /** CHAIRSIDE_ENROLL_RATE_LIMIT: enrollment requests per ip per minute ([SEC7]). */
  enrollRateLimit: number;
  /** CHAIRSIDE_ADMIN_RATE_LIMIT: admin API requests per ip per minute ([SEC7]). */
  adminRateLimit: number;
  /** CHAIRSIDE_TLS_CERT and CHAIRSIDE_TLS_KEY (PEM files): both set = serve https ([SEC9]). */
  tls: { certFile: string; keyFile: string } | null;
}

/** Defaults of the hardening settings, shared with buildApp for callers that pass none (tests). */
export const SERVER_DEFAULTS = {
  requestTimeoutMs: 30_000,
  connectionTimeoutMs: 120_000,
  // Fastify's default: longer than the 60 s idle timeout of common load balancers, which would
  // otherwise reuse a connection the server just closed (a 502).
  keepAliveTimeoutMs: 72_000,
  maxConnections: 1_000,
  enrollRateLimit: 20,
  adminRateLimit: 120,
} as const;

export class ConfigError extends Error {
  override name = 'ConfigError';
}

type Env = Record<string, string | undefined>;

/** Reads and validates the environment; throws ConfigError with a one-line message. */
export function loadConfig(env: Env = process.env, cwd: string = process.cwd()): Config {
  return {
    port: parsePort(env.PORT),
    host: nonEmpty(env.HOST) ?? '0.0.0.0',
    dataDir: resolve(cwd, nonEmpty(env.DATA_DIR) ?? './data'),
    databaseUrl: parseDatabaseUrl(env.DATABASE_URL),
    staticDir: resolve(cwd, nonEmpty(env.STATIC_DIR) ?? './dist'),
    logLevel: parseLogLevel(env.LOG_LEVEL),
    testControl: parseFlag('CHAIRSIDE_TEST_CONTROL', env.CHAIRSIDE_TEST_CONTROL),
    adminToken: parseAdminToken(env.CHAIRSIDE_ADMIN_TOKEN),
    requestTimeoutMs: parseCount('CHAIRSIDE_REQUEST_TIMEOUT_MS', env, SERVER_DEFAULTS.requestTimeoutMs),
    connectionTimeoutMs: parseCount(
      'CHAIRSIDE_CONNECTION_TIMEOUT_MS',
      env,
      SERVER_DEFAULTS.connectionTimeoutMs,
    ),
    keepAliveTimeoutMs: parseCount(
      'CHAIRSIDE_KEEP_ALIVE_TIMEOUT_MS',
      env,
      SERVER_DEFAULTS.keepAliveTimeoutMs,
    ),
    maxConnections: parseCount('CHAIRSIDE_MAX_CONNECTIONS', env, SERVER_DEFAULTS.maxConnections),
    enrollRateLimit: parseCount('CHAIRSIDE_ENROLL_RATE_LIMIT', env, SERVER_DEFAULTS.enrollRateLimit),
    adminRateLimit: parseCount('CHAIRSIDE_ADMIN_RATE_LIMIT', env, SERVER_DEFAULTS.adminRateLimit),
    tls: parseTls(env, cwd),
  };
}

/** A whole number above 0 (0 would mean "no limit", which is what these settings exist to prevent). */
function parseCount(name: string, env: Env, fallback: number): number {
  const raw = nonEmpty(env[name]);
  if (raw === undefined) return fallback;
  if (!/^\d+$/.test(raw) || Number(raw) < 1 || !Number.isSafeInteger(Number(raw))) {
    throw new ConfigError(`${name} must be a whole number above 0, got "${raw}"`);
  }
  return Number(raw);
}

/** Both files or neither: half a TLS setup would silently serve plain HTTP. */
function parseTls(env: Env, cwd: string): Config['tls'] {
  const cert = nonEmpty(env.CHAIRSIDE_TLS_CERT);
  const key = nonEmpty(env.CHAIRSIDE_TLS_KEY);
  if (cert === undefined && key === undefined) return null;
  if (cert === undefined || key === undefined) {
    throw new ConfigError('CHAIRSIDE_TLS_CERT and CHAIRSIDE_TLS_KEY must be set together (PEM file paths)');
  }
  const tls = { certFile: resolve(cwd, cert), keyFile: resolve(cwd, key) };
  for (const [name, file] of [
    ['CHAIRSIDE_TLS_CERT', tls.certFile],
    ['CHAIRSIDE_TLS_KEY', tls.keyFile],
  ] as const) {
    if (!existsSync(file)) throw new ConfigError(`${name}: no file at ${file}`);
  }
  return tls;
}

/** Unset or blank means "use the default"; whitespace around a value is a typo we forgive. */
function nonEmpty(value: string | undefined): string | undefined {
  const trimmed = value?.trim();
  return trimmed ? trimmed : undefined;
}

function parsePort(value: string | undefined): number {
  const raw = nonEmpty(value);
  if (raw === undefined) return 8080;
  if (!/^\d+$/.test(raw) || Number(raw) > 65535) {
    throw new ConfigError(`PORT must be an integer from 0 to 65535 (0 = any free port), got "${raw}"`);
  }
  return Number(raw);
}

function parseDatabaseUrl(value: string | undefined): string | null {
  const raw = nonEmpty(value);
  if (raw === undefined) return null;
  if (!/^postgres(ql)?:\/\//.test(raw)) {
    throw new ConfigError('DATABASE_URL must start with postgres:// or postgresql://');
  }
  return raw;
}

function parseLogLevel(value: string | undefined): LogLevel {
  const raw = nonEmpty(value)?.toLowerCase() ?? 'info';
  const level = LOG_LEVELS.find((l) => l === raw);
  if (!level) throw new ConfigError(`LOG_LEVEL must be one of ${LOG_LEVELS.join(', ')}, got "${raw}"`);
  return level;
}

function parseFlag(name: string, value: string | undefined): boolean {
  const raw = nonEmpty(value) ?? '0';
  if (raw !== '0' && raw !== '1') throw new ConfigError(`${name} must be 1 or 0, got "${raw}"`);
  return raw === '1';
}

/** A guessable admin token is worse than none: require at least 16 characters. */
function parseAdminToken(value: string | undefined): string | null {
  const raw = nonEmpty(value);
  if (raw === undefined) return null;
  if (raw.length < 16) throw new ConfigError('CHAIRSIDE_ADMIN_TOKEN must be at least 16 characters');
  return raw;
}
