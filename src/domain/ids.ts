/**
 * Record ids: lowercase UUIDv7 (RFC 9562 §5.7) — 48-bit Unix-ms timestamp, then random bits —
 * so ids sort by creation time, which keeps B-tree indexes and replication checkpoints tidy.
 * Time and randomness are injected; see SPEC.md [ID1]-[ID2].
 *
 * Built on `uuid` 14's `v7({ msecs, seq, random })`. Note: when options are passed, uuid keeps no
 * state (its own monotonic sequence only applies to the no-argument call, which reads
 * Date.now()), so `createIdGenerator` keeps the state itself.
 */
import { v7, validate } from 'uuid';

/** 2^48 - 1: the largest timestamp a UUIDv7 can carry (year 10889). */
const MAX_MS = 0xffff_ffff_ffff;
const MAX_SEQ = 0xffff_ffff;
const V7 = /^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

function assertMs(ms: number): void {
  if (!Number.isInteger(ms) || ms < 0 || ms > MAX_MS) throw new RangeError(`not a UUIDv7 timestamp: ${ms}`);
}

function assertRandom(random: Uint8Array): void {
  if (random.length < 16) throw new RangeError(`need 16 random bytes, got ${random.length}`);
}

/**
 * One UUIDv7 from a timestamp and 16 random bytes (bytes 6-9 seed the counter, 10-15 fill
 * rand_b; the version and variant bits are set over them).
 * Example: newId(0x0190a0000000, new Uint8Array(16)) → "0190a000-0000-7000-8000-000000000000".
 */
export function newId(nowMs: number, random16: Uint8Array): string {
  assertMs(nowMs);
  assertRandom(random16);
  return v7({ msecs: nowMs, random: random16 });
}

/** A canonical (lowercase, hyphenated) RFC 9562 UUID of any version, as Chairside stores ids. */
export function isUuid(value: unknown): value is string {
  return typeof value === 'string' && validate(value) && value === value.toLowerCase();
}

/** A canonical lowercase UUID of version 7 with the RFC 9562 variant. */
export function isUuidV7(value: unknown): value is string {
  return typeof value === 'string' && V7.test(value);
}

/** The creation time embedded in a v7 id: the first 12 hex digits. Throws RangeError if not v7. */
export function idTimestampMs(id: string): number {
  if (!isUuidV7(id)) throw new RangeError(`not a UUIDv7: ${id}`);
  return parseInt(id.slice(0, 8) + id.slice(9, 13), 16);
}

export interface V7State {
  msecs: number;
  /** 32-bit counter: 12 bits of rand_a + the first 20 bits of rand_b. */
  seq: number;
}

/**
 * Advances the generator state (RFC 9562 §6.2 Method 1, fixed-length dedicated counter).
 *
 * - A new millisecond reseeds the 32-bit counter from random bytes 6-9 with its top bit clear,
 *   so at least 2^31 more ids fit in that millisecond (the RFC's rollover guard).
 * - The same millisecond, or a clock that stepped back, keeps the last timestamp and adds 1.
 * - On counter overflow the timestamp moves 1 ms ahead of the clock (the RFC allows this).
 *
 * Example: state {msecs: 100, seq: 7} at now 100 → {msecs: 100, seq: 8}; at now 99 →
 * {msecs: 100, seq: 8}; {msecs: 100, seq: 0xffffffff} at now 100 → {msecs: 101, seq: 0}.
 */
export function nextV7State(state: V7State | null, nowMs: number, random16: Uint8Array): V7State {
  if (state === null || nowMs > state.msecs) {
    const seed =
      (((random16[6] ?? 0) & 0x7f) << 24) |
      ((random16[7] ?? 0) << 16) |
      ((random16[8] ?? 0) << 8) |
      (random16[9] ?? 0);
    return { msecs: nowMs, seq: seed };
  }
  if (state.seq >= MAX_SEQ) return { msecs: state.msecs + 1, seq: 0 };
  return { msecs: state.msecs, seq: state.seq + 1 };
}

/**
 * An id source whose ids strictly increase (as strings and as bytes) in call order, even for many
 * ids in one millisecond or when the clock steps backwards.
 *
 * Usage: createIdGenerator(() => Date.now(), (n) => crypto.getRandomValues(new Uint8Array(n))).
 */
export function createIdGenerator(clock: () => number, random: (n: number) => Uint8Array): () => string {
  let state: V7State | null = null;
  return () => {
    const now = clock();
    assertMs(now);
    const bytes = random(16);
    assertRandom(bytes);
    state = nextV7State(state, now, bytes);
    assertMs(state.msecs);
    return v7({ msecs: state.msecs, seq: state.seq, random: bytes });
  };
}
