import { useState } from 'react';
import { checkChartRef, type ChartRule } from '../../domain/treatment/chart-ref';
import { newId, now } from '../../platform/clock';
import type { StaffMember } from '../../platform/data';
import { useData } from '../../platform/DataContext';
import type { SessionStaff } from '../../platform/session';
import { useObservable } from '../../platform/useObservable';
import { can } from '../../domain/roles';
import { parseMoney } from '../../domain/money';
import { RecentVisits } from './RecentVisits';
import { useTreat } from './treat-store';
import { useLocations } from './useLocations';

export const TREATMENT_AREAS = [
  'Glabella',
  'Forehead',
  "Crow's feet",
  'Lips',
  'Cheeks',
  'Jawline',
  'Chin',
  'Neck',
  'Other',
];

function areaTestId(area: string): string {
  return `area-${area.replace(/[^A-Za-z]/g, '')}`;
}

/**
 * Starts a visit: chart reference (never the patient's name), provider, areas, price. The reference
 * is checked as typed against the clinic's chart-number pattern on this tablet ([T4], [T8]): a
 * mismatch is a warning, or keeps Start visit disabled with the reason beside it when the clinic
 * requires the pattern. On a landscape tablet the form uses the width: who and where on the left,
 * areas and price on the right, Start visit under both.
 */
export function StartVisit({ staff }: { staff: SessionStaff }) {
  const data = useData();
  const { deviceId } = data;
  const locations = useLocations();
  const openVisit = useTreat((s) => s.openVisit);
  const [chartRef, setChartRef] = useState('');
  const [locationId, setLocationId] = useState<string>('');
  const [areas, setAreas] = useState<string[]>([]);
  const [price, setPrice] = useState('');
  const [providerId, setProviderId] = useState(staff.id);
  const allStaff = useObservable<StaffMember[]>(() => data.staff.watch(), [], [data]);
  const [error, setError] = useState<string | null>(null);
  const chartRule = useObservable<ChartRule | null>(() => data.settings.watch('clinic.chartRule'), null, [
    data,
  ]);
  const location = locationId || locations?.[0]?.id || '';
  const refCheck = checkChartRef(chartRef, chartRule);
  const refBlocked = refCheck.level === 'error';

  async function start() {
    const org = locations?.find((l) => l.id === location)?.orgId;
    if (!chartRef.trim()) return setError('Enter the patient chart reference.');
    if (refBlocked) return;
    if (!org) return setError('Choose a location.');
    let priceChargedCents: number | null = null;
    if (price.trim()) {
      const parsed = parseMoney(price.trim());
      if (!parsed.ok) return setError(`Price: ${parsed.error.message}`);
      priceChargedCents = parsed.value;
    }
    const visit = {
      id: newId(),
      orgId: org,
      locationId: location,
      patientChartRef: chartRef.trim(),
      providerId,
      treatmentAreas: areas,
      priceChargedCents,
      startedAt: new Date(now()).toISOString(),
      deviceId,
    };
    await data.visits.save(visit, { deviceId, actorId: staff.id, nowMs: now() });
    openVisit(visit.id, staff.id);
  }

  const toggle = (area: string) =>
    setAreas((a) => (a.includes(area) ? a.filter((x) => x !== area) : [...a, area]));
  return (
    <div className="start-visit">
      <section className="card start-visit__form">
        <h2>New visit</h2>
        <div className="start-visit__grid">
          <div>
            <label className="field">
              <span>Patient chart reference</span>
              <input
                data-testid="visit-chart-ref"
                value={chartRef}
                onChange={(e) => {
                  setChartRef(e.target.value);
                  setError(null);
                }}
                autoComplete="off"
                placeholder={chartRule ? `e.g. ${chartRule.pattern}` : 'e.g. CH-10482'}
                aria-invalid={refBlocked || undefined}
                aria-describedby={refCheck.level === 'none' ? undefined : 'chart-ref-check'}
              />
            </label>
            {refCheck.level !== 'none' ? (
              <p
                className={refCheck.level === 'error' ? 'error' : 'warning'}
                id="chart-ref-check"
                role="status"
                data-testid={refCheck.level === 'error' ? 'chart-ref-error' : 'chart-ref-warning'}
              >
                {refCheck.message}
              </p>
            ) : null}
            <label className="field">
              <span>Location</span>
              <select
                data-testid="visit-location"
                value={location}
                onChange={(e) => setLocationId(e.target.value)}
              >
                {(locations ?? []).map((l) => (
                  <option key={l.id} value={l.id}>
                    {l.name}
                  </option>
                ))}
              </select>
            </label>
            <label className="field">
              <span>Provider</span>
              <select
                data-testid="visit-provider"
                value={providerId}
                onChange={(e) => setProviderId(e.target.value)}
              >
                {providersAt(allStaff, location, staff).map((p) => (
                  <option key={p.id} value={p.id}>
                    {p.name}
                    {p.id === staff.id ? ' (you)' : ''}
                  </option>
                ))}
              </select>
            </label>
          </div>
          <div>
            <div className="field">
              <span id="visit-areas-label">Treatment areas</span>
              <div className="chips" role="group" aria-labelledby="visit-areas-label">
                {TREATMENT_AREAS.map((area) => (
                  <button
                    key={area}
                    type="button"
                    className="chip"
                    aria-pressed={areas.includes(area)}
                    data-testid={areaTestId(area)}
                    onClick={() => toggle(area)}
                  >
                    {area}
                  </button>
                ))}
              </div>
            </div>
            <label className="field">
              <span>Price charged (optional, $)</span>
              <input
                data-testid="visit-price"
                inputMode="decimal"
                value={price}
                onChange={(e) => {
                  setPrice(e.target.value);
                  setError(null);
                }}
                placeholder="optional"
              />
            </label>
          </div>
        </div>
        <div className="start-visit__actions">
          <button
            type="button"
            className="button"
            data-testid="start-visit"
            disabled={refBlocked}
            aria-describedby={refBlocked ? 'start-visit-reason' : undefined}
            onClick={() => void start()}
          >
            Start visit
          </button>
          {refBlocked && chartRule ? (
            <p className="muted" id="start-visit-reason" data-testid="start-visit-reason">
              This clinic requires chart numbers like {chartRule.pattern}.
            </p>
          ) : null}
          {error ? (
            <p role="alert" className="error">
              {error}
            </p>
          ) : null}
        </div>
      </section>
      <RecentVisits staff={staff} />
    </div>
  );
}

/**
 * Who may be named as the visit's provider: staff who may treat and work at this location (empty
 * `locationIds` = every location), the signed-in person first — the default.
 */
function providersAt(
  all: StaffMember[],
  locationId: string,
  me: SessionStaff,
): { id: string; name: string }[] {
  const others = all
    .filter((s) => s.id !== me.id && can(s.role, 'treat'))
    .filter((s) => s.locationIds.length === 0 || s.locationIds.includes(locationId))
    .sort((a, b) => a.name.localeCompare(b.name));
  return [{ id: me.id, name: me.name }, ...others];
}
