import { useState } from 'react';
import { useLocal } from '../../app/DatabaseContext';
import { deviceToday } from '../../app/runtime';
import { useObservable } from '../../app/useObservable';
import { hashPin } from '../../auth/pin';
import { watchProductCount } from '../../db/repositories/catalog';
import { loadDemoClinic } from '../../db/demo';

type Phase = { kind: 'idle' } | { kind: 'loading' } | { kind: 'done' } | { kind: 'failed'; message: string };

/** Until sync brings real data, a fresh tablet can load the shared demo clinic to try things. */
export function DemoCard({ onLoaded }: { onLoaded: () => void }) {
  const { db } = useLocal();
  const productCount = useObservable(() => watchProductCount(db), 0, [db]);
  const [phase, setPhase] = useState<Phase>({ kind: 'idle' });

  async function load() {
    setPhase({ kind: 'loading' });
    try {
      await loadDemoClinic(db, { today: deviceToday(), hashPin: (pin) => hashPin(pin) });
      setPhase({ kind: 'done' });
      onLoaded();
    } catch (error) {
      setPhase({ kind: 'failed', message: error instanceof Error ? error.message : String(error) });
    }
  }

  return (
    <section className="card">
      <h3>Demo clinic</h3>
      <p>
        Products on this tablet: <strong data-testid="local-product-count">{productCount}</strong>
      </p>
      <p>
        Loads Lumen Aesthetics: two locations, five staff (demo PINs are in the README), six injectables and
        their lots. Loading it twice changes nothing.
      </p>
      <button
        type="button"
        className="button"
        data-testid="load-demo"
        disabled={phase.kind === 'loading'}
        onClick={() => void load()}
      >
        {phase.kind === 'loading' ? 'Loading…' : 'Load demo clinic'}
      </button>
      {phase.kind === 'done' ? <p role="status">Demo clinic loaded.</p> : null}
      {phase.kind === 'failed' ? <p role="alert">Could not load the demo clinic: {phase.message}</p> : null}
    </section>
  );
}
