// Emulates a slower tablet: rate 4 means the page's main thread runs 4x slower.
import type { CDPSession, Page } from 'playwright-core';

/** Throttles the page's CPU by `rate` (1 = no throttle); returns the CDP session (keep it alive). */
export async function throttleCpu(page: Page, rate: number): Promise<CDPSession> {
  const session = await page.context().newCDPSession(page);
  await session.send('Emulation.setCPUThrottlingRate', { rate });
  return session;
}
