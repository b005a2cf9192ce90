import { deriveApprovalKey } from '../../auth/approval';
import { verifyPin } from '../../auth/pin';
import { useData } from '../../platform/DataContext';
import type { SessionStaff } from '../../platform/session';
import { PinPad, type PinVerdict } from '../signin/PinPad';

/**
 * The editor confirms a change of a price to patients with their own PIN ([A5]): the PIN derives
 * their approval key (memory only), which proves the edit to the server.
 */
export function OwnPin({
  staff,
  orgId,
  what,
  onApproved,
  onCancel,
}: {
  staff: SessionStaff;
  orgId: string;
  what: string;
  onApproved: (key: Uint8Array) => void;
  onCancel: () => void;
}) {
  const data = useData();
  async function verify(pin: string): Promise<PinVerdict> {
    const me = (await data.staff.list()).find((s) => s.id === staff.id);
    if (!me || !(await verifyPin(pin, me.pinHash))) return false;
    onApproved(await deriveApprovalKey(pin, orgId, staff.id));
    return true;
  }
  return (
    <div className="card card--warn" data-testid="catalog-approval">
      <p>{what} Confirm with your PIN; the approval is recorded with the change.</p>
      <PinPad title="Your PIN" submitLabel="Confirm" verify={verify} onCancel={onCancel} />
    </div>
  );
}
