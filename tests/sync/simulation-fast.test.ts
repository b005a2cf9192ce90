/**
 * The fast sync simulation ([S34]): the same schedules, fault proxy and properties as
 * simulation.test.ts, with the server app in this process on an in-memory PGlite (no server
 * restarts) and three tablet workers kept for a block of schedules, so hundreds of schedules run
 * in every test run. Each schedule starts where the one before it converged (the tablets are online,
 * the ledger grows); every BLOCK schedules the server and tablets start over.
 */
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { NO_FAULTS } from './fault-proxy';
import { closeSession, openSession, playSchedule, runSchedule, type Session } from './run-schedule';
import { FAST_FAULTS, MINUTES_OF_SKEW, scheduleArb, type Schedule } from './schedule';
import { inProcessWorld, reusedTablets } from './worlds';

/** How many schedules one test run plays (issue #11 asks for at least 500). */
const RUNS = Number(process.env.CHAIRSIDE_FAST_SIM_RUNS ?? 500);
/** Schedules per fresh server and tablets: short enough that the demo's Botox rarely runs out. */
const BLOCK = 25;
/** Clock skew in minutes (default a few minutes; `CHAIRSIDE_SIM_SKEW_MIN=360` for hours, as the soak). */
const SKEW_MIN = Number(process.env.CHAIRSIDE_SIM_SKEW_MIN ?? MINUTES_OF_SKEW);
/** Replays a reported run: CHAIRSIDE_SIM_SEED=<the seed fast-check printed>. */
const SEED =
  process.env.CHAIRSIDE_SIM_SEED === undefined ? undefined : Number(process.env.CHAIRSIDE_SIM_SEED);

const tablets = reusedTablets();
let session: (Session & { stop: () => Promise<void>; played: number }) | null = null;

async function play(schedule: Schedule): Promise<void> {
  if (!session || session.played >= BLOCK) {
    await end();
    const world = await inProcessWorld();
    session = { ...(await openSession(world, tablets, schedule)), stop: world.stop, played: 0 };
  }
  session.played += 1;
  await playSchedule(session, schedule, { rates: FAST_FAULTS, convergeMs: 30_000 });
}

async function end(): Promise<void> {
  if (!session) return;
  const s = session;
  session = null;
  await closeSession(s);
  await s.stop();
}

afterAll(async () => {
  await end();
  await tablets.close();
});

describe('fast sync simulation', () => {
  it('[S30][S32][S33][S34] hundreds of schedules with delayed, duplicated and reordered deliveries, full disks and clock jumps converge', async () => {
    const started = Date.now();
    let played = 0;
    await fc.assert(
      fc.asyncProperty(
        scheduleArb({ kill: 0, crash: 0, fullDisk: 1 }, { min: 1, max: 6 }, SKEW_MIN),
        async (schedule) => {
          played += 1;
          await play(schedule);
        },
      ),
      // A schedule depends on the ones before it in its block, so shrinking would replay it on
      // another state: the failing schedule is reported as it ran.
      { numRuns: RUNS, endOnFailure: true, ...(SEED === undefined ? {} : { seed: SEED }) },
    );
    const seconds = (Date.now() - started) / 1000;
    console.log(`fast simulation: ${played} schedules in ${seconds.toFixed(0)} s`);
    expect(played).toBe(RUNS);
  }, 900_000);

  // Found by this simulation before [S35]: the tablet 2.7 h fast kept its own clocks after the server
  // restamped them, so its lot record never equalled the server's (timed out every time).
  it('[S33][S35] pinned: a tablet 2.7 h fast holds a lot offline, then every copy converges', async () => {
    await end();
    const world = await inProcessWorld();
    try {
      await runSchedule(
        {
          steps: [
            { op: 'edit', tablet: 1, lot: 1, costCents: 33321, hold: true },
            { op: 'toggle', tablet: 2 },
            { op: 'draw', tablet: 1, units: 1 },
            { op: 'toggle', tablet: 0 },
          ],
          faultSeed: 24,
          clockOffsetsMin: [0, 162, 167],
        },
        world,
        { rates: NO_FAULTS, tablets, convergeMs: 30_000 },
      );
    } finally {
      await world.stop();
    }
  }, 120_000);

  // Found by this simulation (seed -1636603783, run 27) before [S35]'s held copy: the stream's pull
  // overtook the push's answer, and the tablet 7 min fast kept its own clock on the lot's cost.
  it('[S35] pinned: a lot edited on a tablet minutes fast while every tablet is online converges', async () => {
    await end();
    const world = await inProcessWorld();
    try {
      await runSchedule(
        {
          steps: [
            { op: 'toggle', tablet: 0 },
            { op: 'toggle', tablet: 1 },
            { op: 'toggle', tablet: 2 },
            { op: 'edit', tablet: 2, lot: 3, costCents: 55308, hold: true },
          ],
          faultSeed: 668615147,
          clockOffsetsMin: [7, -95, 7],
        },
        world,
        { rates: FAST_FAULTS, tablets, convergeMs: 30_000 },
      );
    } finally {
      await world.stop();
    }
  }, 120_000);
});
