// Per-file browser harness: one server and one Chromium per test file (beforeAll), a fresh
// browser context per test (so no IndexedDB, cache or service worker leaks between tests).
import { afterAll, afterEach, beforeAll } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { launchChromium } from './chromium';
import type { LaunchOptions } from './chromium';
import { startServer } from './server';
import type { RunningServer, StartOptions } from './server';

export interface Harness {
  readonly server: RunningServer;
  readonly browser: Browser;
  /** A new isolated context + page; closed automatically after the test. */
  newPage(): Promise<{ context: BrowserContext; page: Page }>;
}

export function useHarness(options: { server?: StartOptions; browser?: LaunchOptions } = {}): Harness {
  let server: RunningServer | undefined;
  let browser: Browser | undefined;
  const contexts: BrowserContext[] = [];

  beforeAll(async () => {
    server = await startServer(options.server);
    browser = await launchChromium(options.browser);
  });
  afterEach(async () => {
    await Promise.all(contexts.splice(0).map((c) => c.close()));
  });
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  const required = <T>(value: T | undefined, what: string): T => {
    if (value === undefined) throw new Error(`${what} is not started (used outside a test?)`);
    return value;
  };

  return {
    get server() {
      return required(server, 'server');
    },
    get browser() {
      return required(browser, 'browser');
    },
    async newPage() {
      const context = await required(browser, 'browser').newContext();
      contexts.push(context);
      return { context, page: await context.newPage() };
    },
  };
}
