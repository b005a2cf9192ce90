import { useData } from '../../platform/DataContext';
import { newId, now } from '../../platform/clock';
import type { SessionStaff } from '../../platform/session';
import type { Stamp } from '../../domain/transfers';

/** Who, on which tablet and when, for a transfer's events: read when the button is pressed. */
export function useTransferStamp(staff: SessionStaff, orgId: string): () => Stamp {
  const data = useData();
  return () => ({
    orgId,
    actorId: staff.id,
    deviceId: data.deviceId,
    deviceTime: new Date(now()).toISOString(),
    newId,
  });
}
