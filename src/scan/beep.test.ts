import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { beepWav, toneSamples, wavFile } from './beep';

const text = (bytes: Uint8Array, from: number, to: number) => String.fromCharCode(...bytes.slice(from, to));

describe('success beep', () => {
  it('[SC2] the docblock example: a 44-byte PCM header and 640 samples', () => {
    const wav = beepWav({ frequencyHz: 1760, durationMs: 80, sampleRate: 8000 });
    const view = new DataView(wav.buffer);
    expect(wav.length).toBe(44 + 640);
    expect([text(wav, 0, 4), text(wav, 8, 16), text(wav, 36, 40)]).toEqual(['RIFF', 'WAVEfmt ', 'data']);
    expect(view.getUint32(4, true)).toBe(wav.length - 8);
    expect([view.getUint16(20, true), view.getUint16(22, true), view.getUint16(34, true)]).toEqual([1, 1, 8]);
    expect([view.getUint32(24, true), view.getUint32(40, true)]).toEqual([8000, 640]);
  });

  it('[SC2] fades start and end at silence; amplitude 0 is silence throughout', () => {
    const tone = toneSamples({ frequencyHz: 1760, durationMs: 80, sampleRate: 8000 });
    expect([tone[0], tone[tone.length - 1]]).toEqual([128, 128]);
    expect(Math.max(...tone) - 128).toBeGreaterThan(30);
    const silent = toneSamples({ frequencyHz: 1760, durationMs: 20, sampleRate: 8000, amplitude: 0 });
    expect(new Set(silent)).toEqual(new Set([128]));
  });

  it('[SC2] every sample stays within 128 ± amplitude, for any tone', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 50, max: 4000 }),
        fc.integer({ min: 1, max: 200 }),
        fc.integer({ min: 0, max: 127 }),
        (frequencyHz, durationMs, amplitude) => {
          const s = toneSamples({ frequencyHz, durationMs, sampleRate: 8000, amplitude });
          expect(s.length).toBe(Math.round(durationMs * 8));
          return s.every((v) => Math.abs(v - 128) <= amplitude);
        },
      ),
    );
    expect(wavFile(new Uint8Array(0), 8000).length).toBe(44);
  });
});
