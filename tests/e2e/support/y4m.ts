// Writes YUV4MPEG2 (.y4m) videos, the format Chromium's fake camera plays
// (--use-file-for-fake-video-capture). Frames are described by their luma (brightness) only;
// chroma is neutral grey (128), which is all a barcode scanner looks at.
//
// Layout (4:2:0, "C420jpeg"): a text header line, then per frame "FRAME\n" followed by the
// Y plane (width*height bytes) and the U and V planes (each ceil(w/2)*ceil(h/2) bytes).
// Example: 4x2, 1 frame -> header + "FRAME\n" + 8 Y bytes + 2 U + 2 V bytes.
import { writeFileSync } from 'node:fs';

/** A frame as a luma function (0-255 per pixel) or a ready Y plane of width*height bytes. */
export type LumaFrame = ((x: number, y: number) => number) | Uint8Array;

export interface Y4mOptions {
  width: number;
  height: number;
  /** Frames per second (integer); default 30. */
  fps?: number;
  frames: LumaFrame[];
}

export function y4mHeader(width: number, height: number, fps: number): string {
  return `YUV4MPEG2 W${width} H${height} F${fps}:1 Ip A1:1 C420jpeg\n`;
}

function lumaPlane(frame: LumaFrame, width: number, height: number): Uint8Array {
  if (frame instanceof Uint8Array) {
    if (frame.length !== width * height) {
      throw new Error(`luma plane has ${frame.length} bytes, expected ${width * height}`);
    }
    return frame;
  }
  const plane = new Uint8Array(width * height);
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      plane[y * width + x] = Math.max(0, Math.min(255, Math.round(frame(x, y))));
    }
  }
  return plane;
}

/** Encodes a whole video in memory. */
export function encodeY4m({ width, height, fps = 30, frames }: Y4mOptions): Buffer {
  if (frames.length === 0) throw new Error('a y4m video needs at least one frame');
  const chromaSize = Math.ceil(width / 2) * Math.ceil(height / 2);
  const chroma = Buffer.alloc(chromaSize * 2, 128); // U then V, both neutral
  const frameHeader = Buffer.from('FRAME\n', 'ascii');
  const parts: Uint8Array[] = [Buffer.from(y4mHeader(width, height, fps), 'ascii')];
  for (const frame of frames) parts.push(frameHeader, lumaPlane(frame, width, height), chroma);
  return Buffer.concat(parts);
}

/** Writes the video to `path` and returns its size in bytes. */
export function writeY4m(path: string, options: Y4mOptions): number {
  const bytes = encodeY4m(options);
  writeFileSync(path, bytes);
  return bytes.length;
}
