import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createIdGenerator, idTimestampMs, isUuidV7, newId } from './ids';

const timestamp = fc.integer({ min: 0, max: 0xffff_ffff_ffff });
const random16 = fc.uint8Array({ minLength: 16, maxLength: 16 });

describe('id properties', () => {
  it('[ID1] newId is always a valid v7 id carrying its timestamp', () => {
    fc.assert(
      fc.property(timestamp, random16, (ms, bytes) => {
        const id = newId(ms, bytes);
        expect(isUuidV7(id)).toBe(true);
        expect(idTimestampMs(id)).toBe(ms);
      }),
    );
  });

  it('[ID1] ids from later milliseconds sort after earlier ones', () => {
    fc.assert(
      fc.property(timestamp, timestamp, random16, random16, (a, b, ra, rb) => {
        fc.pre(a !== b);
        expect(newId(a, ra) < newId(b, rb)).toBe(a < b);
      }),
    );
  });

  it('[ID2] generated ids sort in generation order for any clock, even one that repeats or steps back', () => {
    const clockReadings = fc.array(fc.integer({ min: 1_700_000_000_000, max: 1_700_000_000_020 }), {
      minLength: 1,
      maxLength: 300,
    });
    fc.assert(
      fc.property(
        clockReadings,
        fc.array(random16, { minLength: 1, maxLength: 300 }),
        (readings, randoms) => {
          let i = 0;
          const next = createIdGenerator(
            () => readings[i % readings.length] ?? 0,
            () => randoms[i++ % randoms.length] ?? new Uint8Array(16),
          );
          const ids = Array.from({ length: readings.length }, next);
          for (let k = 1; k < ids.length; k++) expect((ids[k - 1] ?? '') < (ids[k] ?? '')).toBe(true);
          expect(ids.every(isUuidV7)).toBe(true);
          // Without counter overflow, embedded times never run ahead of the latest clock reading.
          const maxReading = Math.max(...readings);
          expect(ids.every((id) => idTimestampMs(id) <= maxReading)).toBe(true);
        },
      ),
    );
  });
});
