import { DemoCard } from './DemoCard';
import { EnrollForm } from './EnrollForm';

/**
 * A tablet with no staff yet (SPEC [PWA6], [R4]): nobody can sign in, so the first screen says what
 * to do next, with both ways in view — connect to the clinic's server, or load the demo clinic.
 * Once staff arrive (sync or demo) the sign-in tiles replace it.
 */
export function FirstRun() {
  return (
    <section className="first-run" data-testid="first-run" aria-labelledby="first-run-title">
      <header className="first-run__intro">
        <h2 id="first-run-title">Set up this tablet</h2>
        <p className="muted">
          No staff on this tablet yet. Connect it to your clinic&apos;s server (staff, products and stock come
          with it), or try Chairside with the demo clinic.
        </p>
      </header>
      <div className="first-run__choices">
        <section className="card" data-testid="first-run-connect">
          <h3>Connect to your clinic&apos;s server</h3>
          <p className="muted">
            Enter the one-time enrollment code an admin made (Settings → Enroll another tablet, or{' '}
            <code>npm run server -- enroll-code</code>).
          </p>
          <EnrollForm idPrefix="first-run" />
        </section>
        <DemoCard title="Try the demo clinic" />
      </div>
    </section>
  );
}
