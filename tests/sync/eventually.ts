/** Polls `check` until it returns true (sync is asynchronous); fails with `what` after `ms`. */
export async function eventually(what: string, check: () => Promise<boolean>, ms = 20_000): Promise<void> {
  const deadline = Date.now() + ms;
  while (Date.now() < deadline) {
    if (await check()) return;
    // Polling interval for an asynchronous outcome, not a sleep standing in for an assertion.
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error(`timed out waiting for: ${what}`);
}
