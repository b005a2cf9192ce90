import { useState } from 'react';
import { hashPin } from '../../auth/pin';
import { deviceToday } from '../../platform/clock';
import { useData } from '../../platform/DataContext';
import { DemoPeople } from './DemoPeople';

type Phase = { kind: 'idle' } | { kind: 'loading' } | { kind: 'done' } | { kind: 'failed'; message: string };

/**
 * Until sync brings real data, a tablet can load the shared demo clinic to try things: the card
 * lists the demo people and their PINs (from the demo data, SPEC [PWA6]).
 */
export function DemoCard({ onLoaded, title = 'Demo clinic' }: { onLoaded?: () => void; title?: string }) {
  const data = useData();
  const [phase, setPhase] = useState<Phase>({ kind: 'idle' });

  async function load() {
    setPhase({ kind: 'loading' });
    try {
      await data.demo.load({ today: deviceToday(), hashPin: (pin) => hashPin(pin) });
      setPhase({ kind: 'done' });
      onLoaded?.();
    } catch (error) {
      setPhase({ kind: 'failed', message: error instanceof Error ? error.message : String(error) });
    }
  }

  return (
    <section className="card" data-testid="demo-card">
      <h3>{title}</h3>
      <p className="muted">
        Loads Lumen Aesthetics on this tablet: two locations, six injectables and their lots, and these people
        (the demo server has the same ones). Loading it twice changes nothing.
      </p>
      <DemoPeople />
      <p>
        <button
          type="button"
          className="button"
          data-testid="load-demo"
          disabled={phase.kind === 'loading'}
          onClick={() => void load()}
        >
          {phase.kind === 'loading' ? 'Loading…' : 'Load demo clinic'}
        </button>
      </p>
      {phase.kind === 'done' ? <p role="status">Demo clinic loaded.</p> : null}
      {phase.kind === 'failed' ? <p role="alert">Could not load the demo clinic: {phase.message}</p> : null}
    </section>
  );
}
