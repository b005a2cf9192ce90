import type { Visit } from '../../domain/model';
import { useData } from '../../platform/DataContext';
import { useObservable } from '../../platform/useObservable';
import { useTreat } from './treat-store';

/** Today's and recent visits on this tablet, to reopen one (a second area, a top-up). */
export function RecentVisits() {
  const data = useData();
  const visits = useObservable<Visit[]>(() => data.visits.watchRecent(), [], [data]);
  const openVisit = useTreat((s) => s.openVisit);
  if (visits.length === 0) return null;
  return (
    <section className="card">
      <h3>Recent visits</h3>
      <ul className="list">
        {visits.map((v) => (
          <li key={v.id}>
            <button
              type="button"
              className="list__item"
              data-testid={`reopen-${v.id}`}
              onClick={() => openVisit(v.id)}
            >
              <strong>{v.patientChartRef}</strong>
              <span>
                {new Date(v.startedAt).toLocaleString()} · {v.treatmentAreas.join(', ') || 'no areas'}
              </span>
            </button>
          </li>
        ))}
      </ul>
    </section>
  );
}
