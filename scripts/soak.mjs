#!/usr/bin/env node
// `npm run soak -- --minutes N`: the full sync simulation (tests/sync/simulation.test.ts: real
// server process, tablet workers, fault proxy) with a fresh seed, taking new schedules until N
// minutes are up. Prints schedules per minute; a failure prints its seed, path and schedule (pin
// it as a named test in simulation.test.ts) and exits 1.
import { spawn } from 'node:child_process';
import { randomInt } from 'node:crypto';

const args = process.argv.slice(2);
const at = args.indexOf('--minutes');
const minutes = at >= 0 ? Number(args[at + 1]) : 10;
if (!Number.isFinite(minutes) || minutes <= 0) {
  console.error('usage: npm run soak -- --minutes N');
  process.exit(2);
}
const seed = randomInt(1, 2 ** 31 - 1);
console.log(`soak: ${minutes} min of the full sync simulation, seed ${seed}`);
const started = Date.now();
const child = spawn(
  'npx',
  [
    'vitest',
    'run',
    '--project',
    'server',
    'tests/sync/simulation.test.ts',
    '-t',
    'random schedules with network',
  ],
  {
    env: { ...process.env, CHAIRSIDE_SIM_SEED: String(seed), CHAIRSIDE_SIM_MINUTES: String(minutes) },
    stdio: ['ignore', 'pipe', 'pipe'],
  },
);
let output = '';
for (const stream of [child.stdout, child.stderr]) stream.on('data', (d) => (output += d.toString()));
child.on('close', (code) => {
  const elapsedMin = (Date.now() - started) / 60_000;
  const played = Number(/simulation: (\d+) schedules/.exec(output)?.[1] ?? 0);
  console.log(
    `soak: ${played} schedules in ${elapsedMin.toFixed(1)} min (${(played / elapsedMin).toFixed(2)} per minute)`,
  );
  if (code === 0) return console.log('soak: no failing seed');
  const failure = output
    .split('\n')
    .filter((line) =>
      /seed: -?\d+, path|Counterexample|timed out|Caused by|--- schedule ---|"steps"/.test(line),
    );
  console.log(`soak: FAILED (seed ${seed})\n${failure.slice(0, 20).join('\n') || output.slice(-4000)}`);
  process.exit(1);
});
