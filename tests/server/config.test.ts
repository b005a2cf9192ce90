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
  ])('rejects %o with a one-line ConfigError', (env, message) => {
    expect(() => loadConfig(env, '/x')).toThrow(ConfigError);
    expect(() => loadConfig(env, '/x')).toThrow(message);
  });
});
