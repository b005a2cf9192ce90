import { useState } from 'react';
import { verifyPin } from '../../auth/pin';
import { now } from '../../platform/clock';
import type { StaffMember } from '../../platform/data';
import { useData } from '../../platform/DataContext';
import { useSession } from '../../platform/session';
import { useObservable } from '../../platform/useObservable';
import { FirstRun } from '../settings/FirstRun';
import { PinPad } from './PinPad';

const ROLE_LABEL = {
  injector: 'Injector',
  front_desk: 'Front desk',
  manager: 'Manager',
  admin: 'Admin',
} as const;

/** Shared-tablet sign-in: tap your name, enter your PIN. Works offline (hashes are local). */
export function SignInPanel() {
  const data = useData();
  const staff = useObservable<StaffMember[] | null>(() => data.staff.watch(), null, [data]);
  const [chosen, setChosen] = useState<StaffMember | null>(null);
  const signIn = useSession((s) => s.signIn);

  if (staff === null) return <div aria-busy="true" />;
  // No staff yet: nobody can sign in, so the first run shows how to get some ([PWA6]).
  if (staff.length === 0) return <FirstRun />;
  if (chosen) {
    return (
      <PinPad
        title={`PIN for ${chosen.name}`}
        onCancel={() => setChosen(null)}
        verify={async (pin) => {
          const ok = await verifyPin(pin, chosen.pinHash);
          if (ok) signIn({ id: chosen.id, name: chosen.name, role: chosen.role }, now());
          return ok;
        }}
      />
    );
  }
  return (
    <section className="signin" data-testid="sign-in">
      <h2>Who is using the tablet?</h2>
      <div className="tiles">
        {staff.map((s) => (
          <button
            key={s.id}
            type="button"
            className="tile"
            data-testid={`staff-${s.id}`}
            onClick={() => setChosen(s)}
          >
            <strong>{s.name}</strong>
            <span>{ROLE_LABEL[s.role]}</span>
          </button>
        ))}
      </div>
    </section>
  );
}
