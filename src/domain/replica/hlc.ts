/**
 * Hybrid logical clocks (Kulkarni et al., "Logical Physical Clocks", 2014) for master-data edits
 * (SPEC [MD2]). A clock is a fixed-width string that sorts in causal-then-time order:
 *
 *   "<13-digit wall ms>-<6-digit counter>-<node>"   e.g. "1764518400000-000002-tablet-a"
 *
 * so plain string comparison orders two clocks, and the node (device id) breaks ties between
 * two devices that edited in the same millisecond. Wall time and node are passed in.
 *
 * Worked example: a tablet whose last clock is 1000-000000-a ticks at wall 999 (its clock went
 * backwards) → 1000-000001-a; it then receives 1005-000003-b at wall 1001 → 1005-000004-a,
 * which sorts after everything it has seen.
 */
const MS_DIGITS = 13;
const COUNTER_DIGITS = 6;
const MAX_COUNTER = 999_999;
const HLC = /^(\d{13})-(\d{6})-(.+)$/;

export interface HlcParts {
  ms: number;
  counter: number;
  node: string;
}

export function formatHlc({ ms, counter, node }: HlcParts): string {
  if (!Number.isInteger(ms) || ms < 0 || ms >= 10 ** MS_DIGITS)
    throw new RangeError(`bad HLC wall time ${ms}`);
  if (!Number.isInteger(counter) || counter < 0 || counter > MAX_COUNTER)
    throw new RangeError(`HLC counter overflow ${counter}`);
  if (node.length === 0) throw new RangeError('an HLC needs a node id');
  return `${String(ms).padStart(MS_DIGITS, '0')}-${String(counter).padStart(COUNTER_DIGITS, '0')}-${node}`;
}

export function parseHlc(clock: string): HlcParts | null {
  const m = HLC.exec(clock);
  if (!m || !m[1] || !m[2] || !m[3]) return null;
  return { ms: Number(m[1]), counter: Number(m[2]), node: m[3] };
}

export function isHlc(value: unknown): value is string {
  return typeof value === 'string' && value.length <= 100 && parseHlc(value) !== null;
}

/** Orders two clocks: negative if a happened before b. Plain string order, by construction. */
export function compareHlc(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** The clock for a new local edit, after `last` (this device's latest clock, sent or received). */
export function tickHlc(last: string | null, nowMs: number, node: string): string {
  const prev = last === null ? null : parseHlc(last);
  if (!prev || nowMs > prev.ms) return formatHlc({ ms: nowMs, counter: 0, node });
  return formatHlc({ ms: prev.ms, counter: prev.counter + 1, node });
}

/** This device's clock after seeing a remote clock: never behind anything it has seen. */
export function receiveHlc(last: string | null, remote: string, nowMs: number, node: string): string {
  const seen = parseHlc(remote);
  if (!seen) return last ?? formatHlc({ ms: nowMs, counter: 0, node });
  const mine = last === null ? null : parseHlc(last);
  const ms = Math.max(nowMs, seen.ms, mine?.ms ?? 0);
  const counter =
    ms === seen.ms && ms === mine?.ms
      ? Math.max(seen.counter, mine.counter) + 1
      : ms === seen.ms
        ? seen.counter + 1
        : ms === mine?.ms
          ? mine.counter + 1
          : 0;
  return formatHlc({ ms, counter, node });
}
