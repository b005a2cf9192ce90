import { describe, expect, it } from 'vitest';
import { nativeReads } from './native-read';

const box = { x: 10, y: 20, width: 100, height: 50 };
const corners = [
  { x: 12, y: 18 },
  { x: 110, y: 22 },
  { x: 108, y: 72 },
  { x: 9, y: 68 },
];

describe('native BarcodeDetector reads', () => {
  it('[SC1] become protocol reads: GS1 Data Matrix gets ]d2, corners are kept, the count is capped', () => {
    const found = [
      { rawValue: '\u001d0100099000000011', format: 'data_matrix', cornerPoints: corners, boundingBox: box },
      { rawValue: '4006381333931', format: 'ean_13', cornerPoints: corners },
    ];
    const reads = nativeReads(found, 4);
    expect(reads.map((r) => [r.symbologyIdentifier, r.format])).toEqual([
      [']d2', 'data_matrix'],
      ['', 'ean_13'],
    ]);
    expect(reads[0]?.position).toEqual({
      topLeft: corners[0],
      topRight: corners[1],
      bottomRight: corners[2],
      bottomLeft: corners[3],
    });
    expect(nativeReads(found, 1)).toHaveLength(1);
  });

  it('[SC1] without corner points the bounding box gives the corners', () => {
    const [read] = nativeReads([{ rawValue: 'ABC123', format: 'code_128', boundingBox: box }], 1);
    expect(read?.position).toEqual({
      topLeft: { x: 10, y: 20 },
      topRight: { x: 110, y: 20 },
      bottomRight: { x: 110, y: 70 },
      bottomLeft: { x: 10, y: 70 },
    });
  });
});
