/**
 * Success feedback for a read: a short beep and a vibration, both skipped when muted (a
 * device-local setting, SPEC [SC2]).
 *
 * The beep is an <audio> element playing a generated WAV (beep.ts says why not WebAudio: the
 * first AudioContext blocks the main thread while the audio output starts). Browsers allow sound
 * only after a gesture, so `unlock` — called when the scanner opens from a tap — plays a short
 * silent clip on the same element: that starts the audio output early (off the main thread) and,
 * on Safari, makes the element allowed to play later without a gesture.
 */
import { beepWav } from './beep';

export const MUTE_SETTING_KEY = 'scan.muted';

const SAMPLE_RATE = 8000;

/** Blob URLs made once per page: the clips never change. */
let clips: { beep: string; silence: string } | null = null;

function clipUrls(): { beep: string; silence: string } {
  if (!clips) {
    // The typed array is copied into a fresh ArrayBuffer-backed view, as Blob parts require.
    const url = (bytes: Uint8Array) =>
      URL.createObjectURL(new Blob([new Uint8Array(bytes)], { type: 'audio/wav' }));
    clips = {
      beep: url(beepWav({ frequencyHz: 1760, durationMs: 80, sampleRate: SAMPLE_RATE })),
      silence: url(beepWav({ frequencyHz: 1760, durationMs: 20, sampleRate: SAMPLE_RATE, amplitude: 0 })),
    };
  }
  return clips;
}

export class Feedback {
  private audio: HTMLAudioElement | null = null;

  /** Call right after the user's tap (the scanner opening). */
  unlock(): void {
    if (this.audio || typeof Audio === 'undefined' || typeof URL.createObjectURL !== 'function') return;
    const { beep, silence } = clipUrls();
    const audio = new Audio(silence);
    this.audio = audio;
    audio
      .play()
      .catch(() => undefined) // not allowed yet: the first beep will try again
      .finally(() => {
        if (this.audio === audio) audio.src = beep;
      });
  }

  success(muted: boolean): void {
    if (muted) return;
    navigator.vibrate?.(60);
    const audio = this.audio;
    if (!audio) return;
    audio.currentTime = 0;
    void audio.play().catch(() => undefined);
  }

  close(): void {
    this.audio?.pause();
    this.audio = null;
  }
}
