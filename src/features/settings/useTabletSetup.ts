import { maySetUpTablet } from '../../domain/access';
import { now } from '../../platform/clock';
import type { StaffMember } from '../../platform/data';
import { useData } from '../../platform/DataContext';
import { activeStaff, useSession, type SessionStaff } from '../../platform/session';
import { useObservable } from '../../platform/useObservable';

export interface TabletSetup {
  /** Still reading the staff list: show neither the setup actions nor their refusal yet. */
  loading: boolean;
  /** No staff on the tablet: its first run (SPEC [R4]). */
  firstRun: boolean;
  /** Connecting, disconnecting and loading the demo are offered (SPEC [R4]). */
  allowed: boolean;
  staff: SessionStaff | null;
}

/** Who may set this tablet up right now: anyone on a first run, else managers and admins. */
export function useTabletSetup(): TabletSetup {
  const data = useData();
  const everyone = useObservable<StaffMember[] | null>(() => data.staff.watch(), null, [data]);
  const session = useSession();
  const staff = activeStaff(session, now());
  if (everyone === null) return { loading: true, firstRun: false, allowed: false, staff };
  const staffOnTablet = everyone.length;
  return {
    loading: false,
    firstRun: staffOnTablet === 0,
    allowed: maySetUpTablet({ role: staff?.role ?? null, staffOnTablet }),
    staff,
  };
}
