// Builds the scanner bench page (bench/browser/scan.html) into .tmp/bench-scan/: the app's real
// decoder worker (src/scan) and @zxing/browser as the baseline. No PWA, no React.
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

const here = fileURLToPath(new URL('.', import.meta.url));
export const SCAN_PAGE_OUT_DIR = fileURLToPath(new URL('../../.tmp/bench-scan/', import.meta.url));

export default defineConfig({
  root: here,
  base: './',
  logLevel: 'warn',
  build: {
    outDir: SCAN_PAGE_OUT_DIR,
    emptyOutDir: true,
    target: 'es2022',
    sourcemap: false,
    chunkSizeWarningLimit: 2000,
    rollupOptions: { input: fileURLToPath(new URL('./scan.html', import.meta.url)) },
  },
});
