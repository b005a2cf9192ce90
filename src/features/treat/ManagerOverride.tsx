import { useData } from '../../platform/DataContext';
import { deriveApprovalKey } from '../../auth/approval';
import { verifyPin } from '../../auth/pin';
import { can } from '../../domain/roles';
import { PinPad, type PinVerdict } from '../signin/PinPad';

/**
 * A manager confirms, with their own PIN, drawing from a blocked (expired, recalled, held) lot.
 * The PIN is checked against the staff on this tablet, offline: a manager's or admin's approves.
 * The PIN also derives the manager's approval key (SPEC [A5]), kept in memory only until the draw
 * is recorded with its proof; the server checks that proof when the draw arrives.
 */
export function ManagerOverride({
  orgId,
  blockers,
  onApproved,
  onCancel,
}: {
  orgId: string;
  blockers: string[];
  onApproved: (managerId: string, approvalKey: Uint8Array) => void;
  onCancel: () => void;
}) {
  const data = useData();
  /** A manager's PIN approves; another person's valid PIN is told so, not counted as wrong. */
  async function verify(pin: string): Promise<PinVerdict> {
    const staff = await data.staff.list();
    let notManager: string | null = null;
    for (const person of staff) {
      const approves = can(person.role, 'override_block');
      if (!approves && notManager !== null) continue;
      if (!(await verifyPin(pin, person.pinHash))) continue;
      if (approves) {
        onApproved(person.id, await deriveApprovalKey(pin, orgId, person.id));
        return true;
      }
      notManager = person.name;
    }
    return notManager === null
      ? false
      : { refused: `${notManager} is not a manager. A manager must approve.` };
  }
  return (
    <div className="card card--warn" data-testid="manager-override">
      <p>
        Blocked: <strong>{blockers.join(', ')}</strong>. A manager must approve this draw with their PIN; the
        approval is recorded on the draw.
      </p>
      <PinPad title="Manager approval" submitLabel="Approve" verify={verify} onCancel={onCancel} />
    </div>
  );
}
