import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DEDUP_WINDOW_MS, dedupe, EMPTY_DEDUP } from './dedup';
import type { DedupState } from './dedup';

function run(reads: Array<[string, number]>): boolean[] {
  let state: DedupState = EMPTY_DEDUP;
  return reads.map(([text, at]) => {
    const r = dedupe(state, text, at);
    state = r.state;
    return r.accept;
  });
}

describe('dedupe', () => {
  it('[SC2] the same code in consecutive frames counts once; again after the window counts again', () => {
    expect(
      run([
        ['A', 0],
        ['A', 33],
        ['A', 66],
        ['A', 66 + DEDUP_WINDOW_MS],
        ['B', 2_150],
        ['A', 2_200],
      ]),
    ).toEqual([true, false, false, true, true, true]);
  });

  it('[SC2] a code held in view (seen every frame) never repeats, however long', () => {
    const frames = Array.from({ length: 300 }, (_, i): [string, number] => ['A', i * 33]);
    expect(run(frames).filter(Boolean)).toHaveLength(1);
  });

  it('[SC2] property: one code read at gaps below the window is accepted exactly once', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: DEDUP_WINDOW_MS - 1 }), { maxLength: 50 }), (gaps) => {
        let t = 0;
        const reads: Array<[string, number]> = [
          ['X', 0],
          ...gaps.map((g): [string, number] => ['X', (t += g)]),
        ];
        expect(run(reads).filter(Boolean)).toHaveLength(1);
      }),
    );
  });
});
