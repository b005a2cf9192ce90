/**
 * The success beep as a tiny WAV file (8-bit unsigned mono PCM), generated instead of shipped.
 * Played through an <audio> element rather than WebAudio: in Chromium the first `new
 * AudioContext()` of a browser process starts the audio output on the main thread (measured
 * 85-700 ms in the scan bench, the whole long task of opening the scanner), while a media
 * element starts it off the main thread and only its play() promise waits.
 *
 * Example: beepWav({ frequencyHz: 1760, durationMs: 80, sampleRate: 8000 }) → 44-byte RIFF/WAVE
 * header + 640 samples around 128 (silence), shaped by 5 ms fades so the speaker does not click.
 */
export interface ToneOptions {
  frequencyHz: number;
  durationMs: number;
  sampleRate: number;
  /** Peak deviation from the 128 midpoint, 0..127. */
  amplitude?: number;
  /** Fade in/out length; 0 for a hard edge. */
  fadeMs?: number;
}

const HEADER_BYTES = 44;

/** Samples of a sine tone (amplitude 0 gives silence of the same length). */
export function toneSamples(o: ToneOptions): Uint8Array {
  const n = Math.round((o.durationMs * o.sampleRate) / 1000);
  const amplitude = o.amplitude ?? 48;
  const fade = Math.round(((o.fadeMs ?? 5) * o.sampleRate) / 1000);
  const out = new Uint8Array(n);
  for (let i = 0; i < n; i++) {
    const edge = fade > 0 ? Math.min(1, i / fade, (n - 1 - i) / fade) : 1;
    out[i] = 128 + Math.round(amplitude * edge * Math.sin((2 * Math.PI * o.frequencyHz * i) / o.sampleRate));
  }
  return out;
}

/** A canonical PCM WAV file around `samples` (8-bit unsigned, mono). */
export function wavFile(samples: Uint8Array, sampleRate: number): Uint8Array {
  const bytes = new Uint8Array(HEADER_BYTES + samples.length);
  const view = new DataView(bytes.buffer);
  const ascii = (offset: number, text: string) => {
    for (let i = 0; i < text.length; i++) bytes[offset + i] = text.charCodeAt(i);
  };
  ascii(0, 'RIFF');
  view.setUint32(4, HEADER_BYTES - 8 + samples.length, true);
  ascii(8, 'WAVE');
  ascii(12, 'fmt ');
  view.setUint32(16, 16, true); // fmt chunk size
  view.setUint16(20, 1, true); // PCM
  view.setUint16(22, 1, true); // mono
  view.setUint32(24, sampleRate, true);
  view.setUint32(28, sampleRate, true); // byte rate = rate × 1 channel × 1 byte
  view.setUint16(32, 1, true); // block align
  view.setUint16(34, 8, true); // bits per sample
  ascii(36, 'data');
  view.setUint32(40, samples.length, true);
  bytes.set(samples, HEADER_BYTES);
  return bytes;
}

export function beepWav(o: ToneOptions): Uint8Array {
  return wavFile(toneSamples(o), o.sampleRate);
}
