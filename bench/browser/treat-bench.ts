/**
 * The treatment bench page (built by bench/browser/vite.config.ts): runs the app's real src/db and
 * src/domain code in Chromium and exposes `window.treatBench` for bench/metrics/treat.ts, which
 * drives it through page.evaluate. Timings are taken in the page with performance.now(), so no
 * CDP round-trip is counted; the page is served cross-origin isolated for 5 µs timer resolution.
 */
import { seedAppDatabase } from './app-seed';
import { catalogImportSamples } from './catalog';
import { recordDrawSamples } from './draw';
import { checkSeedShortcut, fefoColdSamples, fefoWarmSamples, openTailSamples, seedFefo } from './fefo';

const api = {
  recordDrawSamples,
  seedFefo,
  checkSeedShortcut,
  fefoColdSamples,
  fefoWarmSamples,
  openTailSamples,
  seedAppDatabase,
  catalogImportSamples,
};
export type TreatBench = typeof api;

(window as unknown as { treatBench: TreatBench }).treatBench = api;
document.documentElement.dataset.ready = 'true';
