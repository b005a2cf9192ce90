import { useData } from '../../platform/DataContext';
import { verifyPin } from '../../auth/pin';
import { can } from '../../domain/roles';
import { PinPad } from '../signin/PinPad';

/**
 * A manager confirms, with their own PIN, drawing from a blocked (expired, recalled, held) lot.
 * The PIN is checked against every manager/admin on this tablet, offline.
 */
export function ManagerOverride({
  blockers,
  onApproved,
  onCancel,
}: {
  blockers: string[];
  onApproved: (managerId: string) => void;
  onCancel: () => void;
}) {
  const data = useData();
  async function verify(pin: string): Promise<boolean> {
    const staff = await data.staff.list();
    for (const person of staff) {
      if (!can(person.role, 'override_block')) continue;
      if (await verifyPin(pin, person.pinHash)) {
        onApproved(person.id);
        return true;
      }
    }
    return false;
  }
  return (
    <div className="card card--warn" data-testid="manager-override">
      <p>
        Blocked: <strong>{blockers.join(', ')}</strong>. A manager must approve this draw with their PIN; the
        approval is recorded on the draw.
      </p>
      <PinPad title="Manager PIN" verify={verify} onCancel={onCancel} />
    </div>
  );
}
