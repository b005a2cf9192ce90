// A Chromium we can kill like a crash: started by us with an on-disk profile and a DevTools port,
// driven over CDP by playwright-core, and ended with SIGKILL (no unload, no flush, nothing
// orderly). Relaunching with the same profile finds what IndexedDB had committed.
import { spawn, type ChildProcess } from 'node:child_process';
import { chromium, type Browser, type BrowserContext } from 'playwright-core';
// @ts-expect-error -- plain .mjs script without type declarations; its export is typed below.
import { ensureChromium as ensureChromiumUntyped } from '../../../scripts/ensure-chromium.mjs';
import { BASE_ARGS } from './chromium';

const ensureChromium = ensureChromiumUntyped as () => string;
const START_TIMEOUT_MS = 30_000;

export interface KillableChromium {
  browser: Browser;
  /** The profile's default (on-disk) context. */
  context: BrowserContext;
  /** SIGKILL the browser process and wait until it is gone. */
  kill(): Promise<void>;
}

function devtoolsUrl(child: ChildProcess): Promise<string> {
  return new Promise((resolve, reject) => {
    let output = '';
    const timer = setTimeout(() => reject(new Error(`Chromium did not start: ${output}`)), START_TIMEOUT_MS);
    child.stderr?.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      const match = /DevTools listening on (ws:\/\/\S+)/.exec(output);
      if (match?.[1]) {
        clearTimeout(timer);
        resolve(match[1]);
      }
    });
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`Chromium exited (code ${code}): ${output}`));
    });
  });
}

export async function launchKillable(profileDir: string): Promise<KillableChromium> {
  const child = spawn(
    ensureChromium(),
    [...BASE_ARGS, '--headless', `--user-data-dir=${profileDir}`, '--remote-debugging-port=0', 'about:blank'],
    { stdio: ['ignore', 'ignore', 'pipe'] },
  );
  const browser = await chromium.connectOverCDP(await devtoolsUrl(child));
  const [context] = browser.contexts();
  if (!context) throw new Error('Chromium has no default context');
  return {
    browser,
    context,
    kill: () =>
      new Promise<void>((resolve) => {
        if (child.exitCode !== null || child.signalCode !== null) return resolve();
        child.once('exit', () => resolve());
        child.kill('SIGKILL');
      }),
  };
}
