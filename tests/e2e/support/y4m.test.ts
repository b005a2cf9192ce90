import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { encodeY4m, writeY4m, y4mHeader } from './y4m';

describe('y4m writer (camera harness)', () => {
  const dir = mkdtempSync(join(tmpdir(), 'chairside-y4m-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('[CAM0] writes the header and one FRAME + Y + U + V block per frame', () => {
    const path = join(dir, 'two.y4m');
    const size = writeY4m(path, { width: 4, height: 2, fps: 30, frames: [() => 0, () => 255] });
    const header = 'YUV4MPEG2 W4 H2 F30:1 Ip A1:1 C420jpeg\n';
    expect(y4mHeader(4, 2, 30)).toBe(header);
    // per frame: "FRAME\n" (6) + Y (8) + U (2) + V (2)
    expect(size).toBe(header.length + 2 * (6 + 8 + 2 + 2));
    const bytes = readFileSync(path);
    expect(bytes.length).toBe(size);
    expect(bytes.subarray(0, header.length).toString('ascii')).toBe(header);
    const second = header.length + 18;
    expect(bytes.subarray(second, second + 6).toString('ascii')).toBe('FRAME\n');
    expect([...bytes.subarray(second + 6, second + 14)]).toEqual(Array(8).fill(255));
    expect([...bytes.subarray(second + 14, second + 18)]).toEqual([128, 128, 128, 128]);
  });

  it('[CAM0] rounds odd sizes up for chroma and clamps luma to 0..255', () => {
    const bytes = encodeY4m({ width: 3, height: 3, frames: [(x) => (x === 0 ? -5 : 300)] });
    const headerLength = y4mHeader(3, 3, 30).length;
    expect(bytes.length).toBe(headerLength + 6 + 9 + 2 * 4);
    expect([...bytes.subarray(headerLength + 6, headerLength + 9)]).toEqual([0, 255, 255]);
  });

  it('[CAM0] rejects a luma plane of the wrong size', () => {
    expect(() => encodeY4m({ width: 2, height: 2, frames: [new Uint8Array(3)] })).toThrow(/expected 4/);
  });
});
