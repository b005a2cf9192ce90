// Builds the treatment bench page (bench/browser/index.html) with the app's real src/db and
// src/domain code into .tmp/bench-browser/. Kept apart from the app's vite.config.ts: no PWA, no
// React, nothing precached — just the code under measurement. `npx vite build -c bench/browser/vite.config.ts`
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

const here = fileURLToPath(new URL('.', import.meta.url));
export const BENCH_PAGE_OUT_DIR = fileURLToPath(new URL('../../.tmp/bench-browser/', import.meta.url));

export default defineConfig({
  root: here,
  base: './',
  logLevel: 'warn',
  define: { __APP_VERSION__: JSON.stringify('bench') },
  build: {
    outDir: BENCH_PAGE_OUT_DIR,
    emptyOutDir: true,
    target: 'es2022',
    sourcemap: false,
    chunkSizeWarningLimit: 2000,
  },
});
