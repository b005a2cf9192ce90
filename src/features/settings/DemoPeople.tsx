import { useMemo } from 'react';
import { ROLE_NAMES } from '../../domain/access';
import { buildDemoClinic } from '../../domain/demo/clinic';
import { deviceToday } from '../../platform/clock';

/**
 * The demo clinic's people and their PINs, read from the demo data itself (src/domain/demo), so
 * the card and the data can never disagree. Demo PINs only: a real clinic's PINs are never shown.
 */
export function DemoPeople() {
  const clinic = useMemo(() => buildDemoClinic(deviceToday()), []);
  const placeName = (id: string) =>
    clinic.locations.find((l) => l.id === id)?.name.replace(/^.*— /, '') ?? 'one location';
  return (
    <table className="table table--compact" data-testid="demo-pins">
      <caption className="visually-hidden">Demo staff and PINs</caption>
      <thead>
        <tr>
          <th scope="col">Demo person</th>
          <th scope="col">Role</th>
          <th scope="col">PIN</th>
        </tr>
      </thead>
      <tbody>
        {clinic.staff.map((person) => (
          <tr key={person.id} data-testid={`demo-pin-${person.id}`}>
            <td>{person.name}</td>
            <td>
              {ROLE_NAMES[person.role].one}
              {person.locationIds.length > 0 ? ` (${person.locationIds.map(placeName).join(', ')} only)` : ''}
            </td>
            <td>
              <code className="pin">{person.demoPin}</code>
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
