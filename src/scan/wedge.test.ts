import { describe, expect, it } from 'vitest';
import { EMPTY_WEDGE, wedgeKey } from './wedge';
import type { WedgeState } from './wedge';

function type(keys: Array<[string, number]>): string[] {
  let state: WedgeState = EMPTY_WEDGE;
  const out: string[] = [];
  for (const [key, at] of keys) {
    const r = wedgeKey(state, key, at);
    state = r.state;
    if (r.scanned !== null) out.push(r.scanned);
  }
  return out;
}
const burst = (text: string, start = 0, gap = 5): Array<[string, number]> => [
  ...[...text].map((k, i): [string, number] => [k, start + i * gap]),
  ['Enter', start + text.length * gap],
];

describe('wedgeKey', () => {
  it('[SC6] fast keystrokes ending in Enter are a scan, GS and Shift included', () => {
    const gs1 = '0100099000000011\u001d10C8123AC4';
    expect(type(burst(gs1))).toEqual([gs1]);
    expect(type([['Shift', 0], ...burst('ABC12345', 2)])).toEqual(['ABC12345']);
  });

  it('[SC6] human typing (slow keys) and short bursts are not scans', () => {
    expect(type(burst('0100099000000011', 0, 120))).toEqual([]);
    expect(type(burst('abc'))).toEqual([]);
  });

  it('[SC6] a pause restarts the burst: only the fast tail counts', () => {
    expect(type([['x', 0], ...burst('12345678', 500)])).toEqual(['12345678']);
  });
});
