import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { ROOT } from './server';

const run = (env: Record<string, string>) =>
  spawnSync(process.execPath, ['scripts/ensure-chromium.mjs'], {
    cwd: ROOT,
    env: { ...process.env, ...env },
    encoding: 'utf8',
  });

describe('ensure-chromium', () => {
  it('[E2E1] a wrong CHROMIUM_PATH fails with one line saying how to get Chromium (no install attempt)', () => {
    const result = run({ CHROMIUM_PATH: '/nonexistent/chromium' });
    expect(result.status).toBe(1);
    expect(result.stdout).toBe('');
    expect(result.stderr.trim().split('\n')).toEqual([
      'Chromium not found: install it (Debian/Ubuntu: sudo apt-get install chromium) or set CHROMIUM_PATH',
    ]);
  });

  it('[E2E1] an executable CHROMIUM_PATH is printed as is', () => {
    const result = run({ CHROMIUM_PATH: process.execPath });
    expect(result.status).toBe(0);
    expect(result.stdout).toBe(`${process.execPath}\n`);
  });
});
