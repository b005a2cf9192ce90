/** Shown when the local database cannot open (private browsing, storage blocked or full). */
export function BootFailure({ error }: { error: unknown }) {
  const message = error instanceof Error ? error.message : String(error);
  return (
    <main className="boot-failure" role="alert" data-testid="boot-failure">
      <h1>Chairside cannot open its storage on this device</h1>
      <p>
        Nothing has been lost on the server. Check that the browser is not in private mode, that site data is
        allowed, and that the device has free space; then reload.
      </p>
      <pre>{message}</pre>
    </main>
  );
}
