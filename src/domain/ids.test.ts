import { describe, expect, it } from 'vitest';
import { demoId } from './demo/clinic';
import { createIdGenerator, idTimestampMs, isUuid, isUuidV7, newId, nextV7State } from './ids';

const T = 0x0190a0000000; // 2024-07-11T04:14:32.960Z

describe('ids', () => {
  it('[ID1] newId builds a v7 id from the injected time and random bytes', () => {
    expect(newId(T, new Uint8Array(16))).toBe('0190a000-0000-7000-8000-000000000000');
    const id = newId(T, new Uint8Array(16).fill(0xff));
    expect(id).toBe('0190a000-0000-77ff-bfff-ffffffffffff');
    expect(isUuidV7(id)).toBe(true);
    expect(idTimestampMs(id)).toBe(T);
    expect(idTimestampMs(newId(0xffff_ffff_ffff, new Uint8Array(16)))).toBe(0xffff_ffff_ffff);
  });

  it('[ID1] newId throws RangeError on a bad timestamp or too few random bytes', () => {
    expect(() => newId(-1, new Uint8Array(16))).toThrow(RangeError);
    expect(() => newId(2 ** 48, new Uint8Array(16))).toThrow(RangeError);
    expect(() => newId(1.5, new Uint8Array(16))).toThrow(RangeError);
    expect(() => newId(T, new Uint8Array(15))).toThrow(RangeError);
  });

  it('[ID1] isUuid accepts canonical lowercase UUIDs only; the demo ids are v7', () => {
    expect(isUuid('0190a000-0000-7000-8000-000000000000')).toBe(true);
    expect(isUuid('9b2c6a1e-4f0e-4d7a-9c1b-2f6f0c1d2e3f')).toBe(true); // v4
    expect(isUuid('0190A000-0000-7000-8000-000000000000')).toBe(false);
    expect(isUuid('0190a000000070008000000000000000')).toBe(false);
    expect(isUuid('0190a000-0000-7000-c000-000000000000')).toBe(false); // wrong variant
    expect(isUuid(42)).toBe(false);
    expect(isUuidV7('9b2c6a1e-4f0e-4d7a-9c1b-2f6f0c1d2e3f')).toBe(false);
    expect(isUuidV7(demoId(5, 3))).toBe(true);
    expect(() => idTimestampMs('9b2c6a1e-4f0e-4d7a-9c1b-2f6f0c1d2e3f')).toThrow(RangeError);
  });

  it('[ID2] the counter increments within a millisecond and when the clock steps back', () => {
    const rnd = new Uint8Array(16).fill(0xff);
    expect(nextV7State(null, 100, rnd)).toEqual({ msecs: 100, seq: 0x7fff_ffff });
    expect(nextV7State({ msecs: 100, seq: 7 }, 100, rnd)).toEqual({ msecs: 100, seq: 8 });
    expect(nextV7State({ msecs: 100, seq: 7 }, 99, rnd)).toEqual({ msecs: 100, seq: 8 });
    expect(nextV7State({ msecs: 100, seq: 7 }, 101, new Uint8Array(16))).toEqual({ msecs: 101, seq: 0 });
  });

  it('[ID2] counter overflow moves the timestamp 1 ms ahead instead of repeating', () => {
    expect(nextV7State({ msecs: 100, seq: 0xffff_ffff }, 100, new Uint8Array(16))).toEqual({
      msecs: 101,
      seq: 0,
    });
  });

  it('[ID2] a generator with a frozen clock yields strictly increasing ids', () => {
    const next = createIdGenerator(
      () => T,
      (n) => new Uint8Array(n).fill(0xff), // worst case: counter seeded at its maximum start
    );
    const ids = Array.from({ length: 1000 }, next);
    expect(new Set(ids).size).toBe(1000);
    expect([...ids].sort()).toEqual(ids);
    expect(ids.every((id) => idTimestampMs(id) === T)).toBe(true);
  });

  it('[ID2] the generator rejects a bad clock or short random bytes', () => {
    expect(() =>
      createIdGenerator(
        () => Number.NaN,
        (n) => new Uint8Array(n),
      )(),
    ).toThrow(RangeError);
    expect(() =>
      createIdGenerator(
        () => T,
        () => new Uint8Array(8),
      )(),
    ).toThrow(RangeError);
  });
});
