/**
 * What a sync simulation schedule is (SPEC [S4]-[S8], [S30]-[S34]): steps on three tablets and the
 * server, a seed for the network's faults, and each tablet's clock offset. fast-check draws them,
 * so a failing schedule is printed whole and can be pinned as a named test.
 */
import fc from 'fast-check';
import { buildDemoClinic } from '../../src/domain/demo/clinic';
import { TODAY } from '../server/sync-harness';
import type { FaultRates } from './fault-proxy';

export type Step =
  | { op: 'draw'; tablet: number; units: number }
  | { op: 'toggle'; tablet: number }
  | { op: 'kill' }
  | { op: 'edit'; tablet: number; lot: number; costCents: number; hold: boolean }
  /** The tablet's worker is killed right after its `afterWrites`-th next local write of a draw ([S31]). */
  | { op: 'crash'; tablet: number; afterWrites: number; units: number }
  /** A draw on a full disk: it fails with QuotaExceededError; the disk is freed after it ([S32]). */
  | { op: 'fullDisk'; tablet: number; units: number };

export interface Schedule {
  steps: Step[];
  /** Seeds the fault proxy's PRNG ([S30]). */
  faultSeed: number;
  /** Each tablet's clock offset in minutes, up to ± 6 hours ([S33]). */
  clockOffsetsMin: [number, number, number];
}

/** Lots a manager edits during the run: never Botox's, so draws always have a FEFO suggestion. */
const DEMO = buildDemoClinic(TODAY);
export const EDITABLE_LOTS = DEMO.lots.filter((l) => l.productId !== DEMO.products[0]?.id).map((l) => l.id);

const tablet = fc.integer({ min: 0, max: 2 });
const units = fc.integer({ min: 1, max: 8 });

export interface StepWeights {
  kill: number;
  crash: number;
  fullDisk: number;
}

export function stepArb(weights: StepWeights): fc.Arbitrary<Step> {
  return fc.oneof(
    { weight: 5, arbitrary: fc.record({ op: fc.constant('draw' as const), tablet, units }) },
    { weight: 2, arbitrary: fc.record({ op: fc.constant('toggle' as const), tablet }) },
    { weight: weights.kill, arbitrary: fc.record({ op: fc.constant('kill' as const) }) },
    {
      weight: 2,
      arbitrary: fc.record({
        op: fc.constant('edit' as const),
        tablet,
        lot: fc.integer({ min: 0, max: EDITABLE_LOTS.length - 1 }),
        costCents: fc.integer({ min: 100, max: 90_000 }),
        hold: fc.boolean(),
      }),
    },
    {
      weight: weights.crash,
      arbitrary: fc.record({
        op: fc.constant('crash' as const),
        tablet,
        afterWrites: fc.integer({ min: 1, max: 4 }),
        units,
      }),
    },
    {
      weight: weights.fullDisk,
      arbitrary: fc.record({ op: fc.constant('fullDisk' as const), tablet, units }),
    },
  );
}

/** The largest clock offset the soak draws: ± 6 hours. */
export const SIX_HOURS_MIN = 6 * 60;
/**
 * The normal test run's: under the server's 5-minute restamp ([A4]). Hours of skew once left a lot
 * record diverging about one schedule in 30; since the [S36] and [SEC6] fixes 100 fast schedules at
 * ± 6 h passed (CHAIRSIDE_SIM_SKEW_MIN=360). The soak and the pinned schedules run hours.
 */
export const MINUTES_OF_SKEW = 4;

export function scheduleArb(
  weights: StepWeights,
  length: { min: number; max: number },
  maxSkewMin = MINUTES_OF_SKEW,
): fc.Arbitrary<Schedule> {
  const offset = fc.integer({ min: -maxSkewMin, max: maxSkewMin });
  return fc.record({
    steps: fc.array(stepArb(weights), { minLength: length.min, maxLength: length.max }),
    faultSeed: fc.integer({ min: 1, max: 0x7fff_ffff }),
    clockOffsetsMin: fc.tuple(offset, offset, offset),
  });
}

/** The network while the schedule runs ([S30]); it heals for the final convergence. */
export const SCHEDULE_FAULTS: FaultRates = {
  request: { drop: 0.04, delay: 0.1, duplicate: 0.05, reorder: 0.05, cut: 0.04 },
  stream: { delay: 0.1, duplicate: 0.1, cut: 0.03 },
  maxDelayMs: 300,
};

/**
 * The fast simulation's network: faults that cost no retry. A dropped or cut request makes RxDB
 * wait its 5 s retry time (rxdb-adapter.ts), which hundreds of schedules cannot afford; those run
 * in the full simulation and the soak.
 */
export const FAST_FAULTS: FaultRates = {
  request: { delay: 0.1, duplicate: 0.1, reorder: 0.1 },
  stream: { delay: 0.1, duplicate: 0.1 },
  maxDelayMs: 100,
};

/** A schedule of just these steps with clocks right (run it with NO_FAULTS for a healthy network). */
export function plain(steps: Step[]): Schedule {
  return { steps, faultSeed: 1, clockOffsetsMin: [0, 0, 0] };
}
