#!/usr/bin/env node
// The whole suite, in the order that fails fastest: Chromium present, types, lint, format,
// build, unit + property + server (PGlite and PostgreSQL), then browser tests against the build.
// Prints one closing line "N passed, N failed" summed over every vitest run.
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, rmSync } from 'node:fs';

const steps = [
  ['chromium', 'node', ['scripts/ensure-chromium.mjs']],
  ['typecheck', 'npx', ['tsc', '-p', 'tsconfig.json', '--noEmit']],
  ['lint', 'npx', ['eslint', '.', '--max-warnings', '0']],
  ['format', 'npx', ['prettier', '--check', '--log-level', 'warn', '.']],
  ['build', 'npx', ['vite', 'build', '--logLevel', 'warn']],
  ['unit+server', 'npx', ['vitest', 'run', '--project', 'unit', '--project', 'server', ...report('unit')]],
  ['e2e', 'npx', ['vitest', 'run', '--project', 'e2e', ...report('e2e')]],
];

function report(name) {
  return ['--reporter=default', '--reporter=json', `--outputFile.json=.tmp/vitest-${name}.json`];
}

rmSync('.tmp', { recursive: true, force: true });
mkdirSync('.tmp', { recursive: true });
let failedStep = null;
for (const [name, cmd, args] of steps) {
  const started = Date.now();
  console.log(`\n▶ ${name}: ${cmd} ${args.join(' ')}`);
  const result = spawnSync(cmd, args, { stdio: 'inherit', env: process.env });
  console.log(
    `◀ ${name}: ${result.status === 0 ? 'ok' : `FAILED (exit ${result.status})`} in ${((Date.now() - started) / 1000).toFixed(1)} s`,
  );
  if (result.status !== 0) {
    failedStep = name;
    break;
  }
}

let passed = 0;
let failed = 0;
for (const name of ['unit', 'e2e']) {
  try {
    const json = JSON.parse(readFileSync(`.tmp/vitest-${name}.json`, 'utf8'));
    passed += json.numPassedTests;
    failed += json.numFailedTests;
  } catch {
    // That run did not happen (an earlier step failed); the step failure below says so.
  }
}
if (failedStep) {
  console.error(`\nTest run stopped: step "${failedStep}" failed.`);
  failed = Math.max(failed, 1);
}
console.log(`\n${passed} passed, ${failed} failed`);
process.exit(failedStep ? 1 : 0);
