import { describe, expect, it } from 'vitest';
import { compareHlc, formatHlc, isHlc, parseHlc, receiveHlc, tickHlc } from './hlc';

describe('hybrid logical clock [MD2]', () => {
  it('formats a fixed-width clock that parses back', () => {
    const clock = formatHlc({ ms: 1764518400000, counter: 2, node: 'tablet-a' });
    expect(clock).toBe('1764518400000-000002-tablet-a');
    expect(parseHlc(clock)).toEqual({ ms: 1764518400000, counter: 2, node: 'tablet-a' });
    expect(isHlc(clock)).toBe(true);
    expect(isHlc('12-3-x')).toBe(false);
  });

  it('ticks forward with the wall clock and by counter when the wall clock stands still or steps back', () => {
    const first = tickHlc(null, 1000, 'a');
    expect(first).toBe('0000000001000-000000-a');
    const same = tickHlc(first, 1000, 'a');
    const back = tickHlc(same, 999, 'a');
    expect(compareHlc(first, same)).toBeLessThan(0);
    expect(compareHlc(same, back)).toBeLessThan(0);
    expect(parseHlc(back)).toEqual({ ms: 1000, counter: 2, node: 'a' });
    expect(tickHlc(back, 2000, 'a')).toBe('0000000002000-000000-a');
  });

  it('after receiving a clock from the future, the next local clock sorts after it (worked example)', () => {
    const mine = formatHlc({ ms: 1000, counter: 0, node: 'a' });
    const remote = formatHlc({ ms: 1005, counter: 3, node: 'b' });
    const seen = receiveHlc(mine, remote, 1001, 'a');
    expect(seen).toBe('0000000001005-000004-a');
    expect(compareHlc(tickHlc(seen, 1002, 'a'), remote)).toBeGreaterThan(0);
  });

  it('breaks ties between devices in the same millisecond by node', () => {
    const a = formatHlc({ ms: 5, counter: 0, node: 'a' });
    const b = formatHlc({ ms: 5, counter: 0, node: 'b' });
    expect(compareHlc(a, b)).toBeLessThan(0);
  });

  it('refuses clocks it cannot represent', () => {
    expect(() => formatHlc({ ms: -1, counter: 0, node: 'a' })).toThrow(RangeError);
    expect(() => formatHlc({ ms: 1, counter: 1_000_000, node: 'a' })).toThrow(RangeError);
    expect(() => formatHlc({ ms: 1, counter: 0, node: '' })).toThrow(RangeError);
  });
});
