import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../../sync-server/src/config';

describe('server config', () => {
  it('uses documented defaults, resolving paths against the working directory', () => {
    expect(loadConfig({}, '/srv/chairside')).toEqual({
      port: 8080,
      host: '0.0.0.0',
      dataDir: '/srv/chairside/data',
      databaseUrl: null,
      staticDir: '/srv/chairside/dist',
      logLevel: 'info',
      testControl: false,
      adminToken: null,
      requestTimeoutMs: 30_000,
      connectionTimeoutMs: 120_000,
      keepAliveTimeoutMs: 72_000,
      maxConnections: 1_000,
      enrollRateLimit: 20,
      adminRateLimit: 120,
      tls: null,
    });
  });

  it('reads every variable', () => {
    const config = loadConfig(
      {
        PORT: '0',
        HOST: '127.0.0.1',
        DATA_DIR: '/var/lib/chairside',
        DATABASE_URL: 'postgresql://u@db:5432/chairside',
        STATIC_DIR: 'web',
        LOG_LEVEL: 'WARN',
        CHAIRSIDE_TEST_CONTROL: '1',
        CHAIRSIDE_ADMIN_TOKEN: ' a-long-enough-admin-token ',
        CHAIRSIDE_REQUEST_TIMEOUT_MS: '1000',
        CHAIRSIDE_CONNECTION_TIMEOUT_MS: '2000',
        CHAIRSIDE_KEEP_ALIVE_TIMEOUT_MS: '3000',
        CHAIRSIDE_MAX_CONNECTIONS: '50',
        CHAIRSIDE_ENROLL_RATE_LIMIT: '5',
        CHAIRSIDE_ADMIN_RATE_LIMIT: '6',
        // Files that exist on every machine: the check is that both paths are resolved and present.
        CHAIRSIDE_TLS_CERT: '/etc/hostname',
        CHAIRSIDE_TLS_KEY: '/etc/hosts',
      },
      '/srv',
    );
    expect(config).toEqual({
      port: 0,
      host: '127.0.0.1',
      dataDir: '/var/lib/chairside',
      databaseUrl: 'postgresql://u@db:5432/chairside',
      staticDir: '/srv/web',
      logLevel: 'warn',
      testControl: true,
      adminToken: 'a-long-enough-admin-token',
      requestTimeoutMs: 1000,
      connectionTimeoutMs: 2000,
      keepAliveTimeoutMs: 3000,
      maxConnections: 50,
      enrollRateLimit: 5,
      adminRateLimit: 6,
      tls: { certFile: '/etc/hostname', keyFile: '/etc/hosts' },
    });
  });

  it('treats blank values as unset', () => {
    expect(loadConfig({ PORT: ' ', DATABASE_URL: '' }, '/x')).toMatchObject({
      port: 8080,
      databaseUrl: null,
    });
  });

  it.each([
    [{ PORT: 'abc' }, /PORT must be an integer from 0 to 65535.*"abc"/],
    [{ PORT: '70000' }, /PORT/],
    [{ PORT: '-1' }, /PORT/],
    [{ PORT: '80.5' }, /PORT/],
    [{ DATABASE_URL: 'mysql://x' }, /DATABASE_URL must start with postgres:\/\//],
    [{ LOG_LEVEL: 'loud' }, /LOG_LEVEL must be one of/],
    [{ CHAIRSIDE_TEST_CONTROL: 'yes' }, /CHAIRSIDE_TEST_CONTROL must be 1 or 0/],
    [{ CHAIRSIDE_ADMIN_TOKEN: 'short' }, /CHAIRSIDE_ADMIN_TOKEN must be at least 16 characters/],
    [{ CHAIRSIDE_REQUEST_TIMEOUT_MS: '0' }, /CHAIRSIDE_REQUEST_TIMEOUT_MS must be a whole number above 0/],
    [{ CHAIRSIDE_MAX_CONNECTIONS: '1.5' }, /CHAIRSIDE_MAX_CONNECTIONS must be a whole number above 0/],
    [
      { CHAIRSIDE_TLS_CERT: '/etc/hostname' },
      /CHAIRSIDE_TLS_CERT and CHAIRSIDE_TLS_KEY must be set together/,
    ],
    [
      { CHAIRSIDE_TLS_CERT: '/nope/cert.pem', CHAIRSIDE_TLS_KEY: '/etc/hosts' },
      /CHAIRSIDE_TLS_CERT: no file at/,
    ],
  ])('rejects %o with a one-line ConfigError', (env, message) => {
    expect(() => loadConfig(env, '/x')).toThrow(ConfigError);
    expect(() => loadConfig(env, '/x')).toThrow(message);
  });
});
