#!/usr/bin/env node
// Finds a Chromium binary for the browser tests and benchmarks, installing it with apt on a
// Debian machine when we are root (CI containers). Prints the path on success; elsewhere exits 1
// with one line saying how to get it, because a missing browser should be a clear setup error,
// not a stack trace from playwright-core.
//
// Usage: node scripts/ensure-chromium.mjs           -> prints the path (installs if possible)
//        import { findChromium, ensureChromium } from './ensure-chromium.mjs'
import { spawnSync } from 'node:child_process';
import { accessSync, constants, existsSync } from 'node:fs';
import { pathToFileURL } from 'node:url';

const CANDIDATES = ['/usr/bin/chromium', '/usr/bin/chromium-browser'];

const HOW_TO =
  'Chromium not found: install it (Debian/Ubuntu: sudo apt-get install chromium) or set CHROMIUM_PATH';

function isExecutable(path) {
  try {
    accessSync(path, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

/** The first usable Chromium: CHROMIUM_PATH if set (and executable), then the usual Debian paths. */
export function findChromium() {
  const fromEnv = process.env.CHROMIUM_PATH;
  if (fromEnv) return isExecutable(fromEnv) ? fromEnv : undefined;
  return CANDIDATES.find(isExecutable);
}

function canApt() {
  return existsSync('/etc/debian_version') && typeof process.getuid === 'function' && process.getuid() === 0;
}

/** Runs a command with inherited stdio (apt output streams to the terminal); throws on failure. */
function run(cmd, args) {
  // Progress goes to stderr so stdout stays a single line: the path.
  const result = spawnSync(cmd, args, {
    stdio: ['ignore', process.stderr, process.stderr],
    env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' },
  });
  if (result.status !== 0) throw new Error(`${cmd} ${args.join(' ')} failed (exit ${result.status})`);
}

/** Returns the Chromium path, installing it via apt when allowed; throws with HOW_TO otherwise. */
export function ensureChromium() {
  const found = findChromium();
  if (found) return found;
  if (!process.env.CHROMIUM_PATH && canApt()) {
    process.stderr.write('Chromium not found: installing it with apt-get (this takes a few minutes)\n');
    run('apt-get', ['update']);
    run('apt-get', ['install', '-y', '--no-install-recommends', 'chromium']);
    const installed = findChromium();
    if (installed) return installed;
  }
  throw new Error(HOW_TO);
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  try {
    process.stdout.write(`${ensureChromium()}\n`);
  } catch (error) {
    process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
    process.exit(1);
  }
}
