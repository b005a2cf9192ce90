/**
 * Success feedback for a read: a short beep (WebAudio) and a vibration, both skipped when muted
 * (a device-local setting, SPEC [SC2]). The AudioContext is created on the user's tap that opens
 * the scanner, as browsers only allow sound after a gesture.
 */
export const MUTE_SETTING_KEY = 'scan.muted';

export class Feedback {
  private audio: AudioContext | null = null;

  /** Call from a click handler. */
  unlock(): void {
    if (this.audio || typeof AudioContext === 'undefined') return;
    this.audio = new AudioContext();
  }

  success(muted: boolean): void {
    if (muted) return;
    navigator.vibrate?.(60);
    const ctx = this.audio;
    if (!ctx) return;
    const osc = ctx.createOscillator();
    const gain = ctx.createGain();
    osc.frequency.value = 1760;
    gain.gain.value = 0.15;
    osc.connect(gain).connect(ctx.destination);
    osc.start();
    osc.stop(ctx.currentTime + 0.08);
  }

  close(): void {
    void this.audio?.close();
    this.audio = null;
  }
}
