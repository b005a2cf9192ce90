import { chartRefWarning } from '../../domain/treatment/chart-ref';
import { useState } from 'react';
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

/** Starts a visit: chart reference (never the patient's name), provider, areas, price. */
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
  const location = locationId || locations?.[0]?.id || '';
  const nameWarning = chartRefWarning(chartRef);

  async function start() {
    const org = locations?.find((l) => l.id === location)?.orgId;
    if (!chartRef.trim()) return setError('Enter the patient chart reference.');
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
    <div className="treat-start">
      <section className="card">
        <h2>New visit</h2>
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
            placeholder="e.g. CH-10482"
            aria-describedby={nameWarning ? 'chart-ref-warning' : undefined}
          />
        </label>
        {nameWarning ? (
          <p className="warning" id="chart-ref-warning" role="status" data-testid="chart-ref-warning">
            {nameWarning}
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
        <div className="field">
          <span>Treatment areas</span>
          <div className="chips">
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
        {error ? (
          <p role="alert" className="error">
            {error}
          </p>
        ) : null}
        <button type="button" className="button" data-testid="start-visit" onClick={() => void start()}>
          Start visit
        </button>
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
