// Launches the system Chromium through playwright-core (no bundled browser download), headless,
// with flags that keep runs quiet and deterministic in containers. An optional .y4m file becomes
// the fake camera, so scanner tests can feed known frames to getUserMedia.
import { chromium } from 'playwright-core';
import type { Browser, BrowserContext } from 'playwright-core';
// @ts-expect-error -- plain .mjs script without type declarations; its exports are typed below.
import { ensureChromium as ensureChromiumUntyped } from '../../../scripts/ensure-chromium.mjs';

const ensureChromium = ensureChromiumUntyped as () => string;

export const BASE_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-dev-shm-usage',
];

export interface LaunchOptions {
  /** A YUV4MPEG2 file (see y4m.ts) that Chromium plays as the camera. */
  fakeVideoPath?: string;
  extraArgs?: string[];
}

/** The Chromium command-line flags for the given options (exported for tests). */
export function chromiumArgs(options: LaunchOptions = {}): string[] {
  const camera = options.fakeVideoPath
    ? [
        '--use-fake-ui-for-media-stream',
        '--use-fake-device-for-media-stream',
        `--use-file-for-fake-video-capture=${options.fakeVideoPath}`,
      ]
    : [];
  return [...BASE_ARGS, ...camera, ...(options.extraArgs ?? [])];
}

/** Starts a headless Chromium; throws the ensure-chromium hint when none is installed. */
export async function launchChromium(options: LaunchOptions = {}): Promise<Browser> {
  return chromium.launch({ executablePath: ensureChromium(), headless: true, args: chromiumArgs(options) });
}

/** Lets pages of `origin` use the camera without a prompt. */
export async function grantCamera(context: BrowserContext, origin: string): Promise<void> {
  await context.grantPermissions(['camera'], { origin });
}
