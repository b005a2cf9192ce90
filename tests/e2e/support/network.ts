// "Offline" for a test means both: the browser refuses new requests (setOffline) and the server
// closes the keep-alive sockets the page already holds, so no in-flight or pooled connection can
// sneak a response through.
import type { BrowserContext } from 'playwright-core';
import type { RunningServer } from './server';

export async function goOffline(context: BrowserContext, server: Pick<RunningServer, 'dropConnections'>) {
  await context.setOffline(true);
  await server.dropConnections();
}

export async function goOnline(context: BrowserContext): Promise<void> {
  await context.setOffline(false);
}
