import { useEffect, useState } from 'react';
import { can } from '../../domain/roles';
import { now, showDateTime } from '../../platform/clock';
import type { EnrollCodeCreated, EnrollCodeStatus } from '../../platform/data';
import { useData } from '../../platform/DataContext';
import { activeStaff, useSession } from '../../platform/session';
import { useLocations } from '../treat/useLocations';

/** How often an unused code's state is asked again while the card shows it. */
export const CODE_STATUS_POLL_MS = 4000;

const when = (iso: string) => showDateTime(iso);

const unauthorized = (e: unknown) =>
  typeof e === 'object' && e !== null && 'kind' in e && e.kind === 'unauthorized';

/**
 * For an admin signed in on this tablet: make a one-time enrollment code for another tablet, and
 * see what became of it — used by which tablet and when, or expired ([S22]). The server's admin
 * token is asked for each time and kept only in memory — never stored on a device.
 */
export function EnrollCodeCard({ pollMs = CODE_STATUS_POLL_MS }: { pollMs?: number }) {
  const data = useData();
  const session = useSession();
  const staff = activeStaff(session, now());
  const locations = useLocations() ?? [];
  const [adminToken, setAdminToken] = useState('');
  const [locationId, setLocationId] = useState('');
  const [created, setCreated] = useState<{ code: EnrollCodeCreated; token: string } | null>(null);
  const [error, setError] = useState<string | null>(null);
  const status = useCodeStatus(created, pollMs);
  if (!staff || !can(staff.role, 'manage_devices')) return null;
  const location = locationId || locations[0]?.id || '';

  async function create() {
    setError(null);
    setCreated(null);
    const token = adminToken.trim();
    try {
      setCreated({ code: await data.codes.create(token, [location]), token });
    } catch (e) {
      if (unauthorized(e)) return setError('The server did not accept that admin token.');
      setError(e instanceof Error ? e.message : String(e));
    }
  }

  return (
    <section className="card" data-testid="enroll-code-card">
      <h3>Enroll another tablet</h3>
      <label className="field">
        <span>Server admin token</span>
        <input
          type="password"
          data-testid="admin-token"
          value={adminToken}
          onChange={(e) => setAdminToken(e.target.value)}
          autoComplete="off"
        />
      </label>
      <label className="field">
        <span>Location</span>
        <select value={location} onChange={(e) => setLocationId(e.target.value)}>
          {locations.map((l) => (
            <option key={l.id} value={l.id}>
              {l.name}
            </option>
          ))}
        </select>
      </label>
      <button
        type="button"
        className="button"
        data-testid="make-enroll-code"
        disabled={!adminToken.trim() || !location}
        onClick={() => void create()}
      >
        Make a one-time code
      </button>
      {created ? <CodeState code={created.code} status={status} /> : null}
      {error ? (
        <p role="alert" className="error">
          {error}
        </p>
      ) : null}
    </section>
  );
}

/** The code's state as the server last reported it; until then, as made. */
function CodeState({ code, status }: { code: EnrollCodeCreated; status: EnrollCodeStatus | null }) {
  const state = status?.state ?? 'unused';
  return (
    <p role="status" data-testid="enroll-code-state" data-state={state}>
      Code{' '}
      <strong data-testid="new-enroll-code" className={state === 'unused' ? undefined : 'code--spent'}>
        {code.code}
      </strong>{' '}
      {state === 'used' && status?.usedAt
        ? `— used by ${status.device?.name ?? 'a tablet'} at ${when(status.usedAt)}. It cannot be used again.`
        : state === 'expired'
          ? `— expired at ${when(code.expiresAt)} without being used. Make a new one.`
          : `— valid once, until ${when(code.expiresAt)}. Not used yet.`}
    </p>
  );
}

/**
 * Asks the server what became of the code every few seconds while it is unused ([S22]); stops once
 * it is used or expired, or the card goes away. A failed ask keeps the last answer.
 */
function useCodeStatus(
  created: { code: EnrollCodeCreated; token: string } | null,
  pollMs: number,
): EnrollCodeStatus | null {
  const data = useData();
  const [status, setStatus] = useState<EnrollCodeStatus | null>(null);
  useEffect(() => {
    setStatus(null);
    if (!created) return;
    let live = true;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const ask = async () => {
      const next = await data.codes.status(created.token, created.code.id).catch(() => null);
      if (!live) return;
      if (next) setStatus(next);
      if (!next || next.state === 'unused') timer = setTimeout(() => void ask(), pollMs);
    };
    timer = setTimeout(() => void ask(), pollMs);
    return () => {
      live = false;
      clearTimeout(timer);
    };
  }, [created, data, pollMs]);
  return status;
}
