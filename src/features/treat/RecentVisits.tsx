import { useEffect, useRef, useState } from 'react';
import type { Visit } from '../../domain/model';
import { showDateTime } from '../../platform/clock';
import { useData } from '../../platform/DataContext';
import type { SessionStaff } from '../../platform/session';
import { useObservable } from '../../platform/useObservable';
import { useTreat } from './treat-store';

/**
 * Today's and recent visits on this tablet, to reopen one (a second area, a top-up). Each names
 * its provider; reopening someone else's visit is an explicit choice that says whose it is.
 */
export function RecentVisits({ staff }: { staff: SessionStaff }) {
  const data = useData();
  const visits = useObservable<Visit[]>(() => data.visits.watchRecent(), [], [data]);
  const people = useObservable(() => data.staff.watch(), [], [data]);
  const openVisit = useTreat((s) => s.openVisit);
  const [confirming, setConfirming] = useState<Visit | null>(null);
  const confirmRef = useRef<HTMLButtonElement>(null);
  // The question that needs an answer is brought into view and focused (docs/ui.md, Layout).
  useEffect(() => {
    if (!confirming) return;
    confirmRef.current?.scrollIntoView({ block: 'nearest' });
    confirmRef.current?.focus();
  }, [confirming]);
  if (visits.length === 0) return null;
  const nameOf = (id: string) => people.find((p) => p.id === id)?.name ?? 'someone not on this tablet';

  function reopen(v: Visit) {
    if (v.providerId === staff.id) openVisit(v.id, staff.id);
    else setConfirming(v);
  }

  return (
    <section className="card">
      <h3>Recent visits</h3>
      {confirming ? (
        <div
          className="card card--warn"
          role="alertdialog"
          aria-labelledby="reopen-other-title"
          data-testid="reopen-other"
        >
          <p id="reopen-other-title">
            <strong>{confirming.patientChartRef}</strong> is {nameOf(confirming.providerId)}’s visit. Draws
            you record in it are recorded as yours.
          </p>
          <div className="row">
            <button type="button" className="button button--ghost" onClick={() => setConfirming(null)}>
              Cancel
            </button>
            <button
              type="button"
              className="button"
              data-testid="reopen-other-confirm"
              ref={confirmRef}
              onClick={() => {
                openVisit(confirming.id, staff.id);
                setConfirming(null);
              }}
            >
              Open {nameOf(confirming.providerId)}’s visit
            </button>
          </div>
        </div>
      ) : null}
      <ul className="list">
        {visits.map((v) => (
          <li key={v.id}>
            <button
              type="button"
              className="list__item"
              data-testid={`reopen-${v.id}`}
              onClick={() => reopen(v)}
            >
              <strong>{v.patientChartRef}</strong>
              <span data-testid={`reopen-provider-${v.id}`}>
                {v.providerId === staff.id ? 'Your visit' : nameOf(v.providerId)}
              </span>
              <span>
                {showDateTime(v.startedAt)} · {v.treatmentAreas.join(', ') || 'no areas'}
              </span>
            </button>
          </li>
        ))}
      </ul>
    </section>
  );
}
