import { useState } from 'react';
import { now } from '../../platform/clock';
import { activeStaff, useSession } from '../../platform/session';
import { can } from '../../domain/roles';
import { useLocations } from '../treat/useLocations';

/**
 * For an admin signed in on this tablet: make a one-time enrollment code for another tablet. The
 * server's admin token is asked for each time and kept only in memory — never stored on a device.
 */
export function EnrollCodeCard() {
  const session = useSession();
  const staff = activeStaff(session, now());
  const locations = useLocations() ?? [];
  const [adminToken, setAdminToken] = useState('');
  const [locationId, setLocationId] = useState('');
  const [result, setResult] = useState<{ code: string; expiresAt: string } | null>(null);
  const [error, setError] = useState<string | null>(null);
  if (!staff || !can(staff.role, 'manage_devices')) return null;
  const location = locationId || locations[0]?.id || '';

  async function create() {
    setError(null);
    setResult(null);
    try {
      const response = await fetch('/api/v1/admin/enroll-codes', {
        method: 'POST',
        headers: { authorization: `Bearer ${adminToken.trim()}`, 'content-type': 'application/json' },
        body: JSON.stringify({ locationIds: [location] }),
      });
      const body = (await response.json().catch(() => null)) as {
        code?: string;
        expiresAt?: string;
        message?: string;
      } | null;
      if (response.status === 401) return setError('The server did not accept that admin token.');
      if (!response.ok || !body?.code || !body.expiresAt)
        return setError(`The server refused: ${body?.message ?? response.statusText}`);
      setResult({ code: body.code, expiresAt: body.expiresAt });
    } catch {
      setError('Cannot reach the sync server from this tablet right now.');
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
      {result ? (
        <p role="status">
          Code <strong data-testid="new-enroll-code">{result.code}</strong> — valid once, until{' '}
          {new Date(result.expiresAt).toLocaleString()}.
        </p>
      ) : null}
      {error ? (
        <p role="alert" className="error">
          {error}
        </p>
      ) : null}
    </section>
  );
}
