import { useState } from 'react';
import { hashPin } from '../../auth/pin';
import { deviceToday } from '../../platform/clock';
import { useData } from '../../platform/DataContext';
import { useObservable } from '../../platform/useObservable';

type Phase = { kind: 'idle' } | { kind: 'loading' } | { kind: 'done' } | { kind: 'failed'; message: string };

/** Until sync brings real data, a fresh tablet can load the shared demo clinic to try things. */
export function DemoCard({ onLoaded }: { onLoaded: () => void }) {
  const data = useData();
  const productCount = useObservable(() => data.products.watchCount(), 0, [data]);
  const [phase, setPhase] = useState<Phase>({ kind: 'idle' });

  async function load() {
    setPhase({ kind: 'loading' });
    try {
      await data.demo.load({ today: deviceToday(), hashPin: (pin) => hashPin(pin) });
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
