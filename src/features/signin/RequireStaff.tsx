import type { ReactNode } from 'react';
import { now } from '../../platform/clock';
import { activeStaff, useSession, type SessionStaff } from '../../platform/session';
import type { Action } from '../../domain/roles';
import { can } from '../../domain/roles';
import { RoleBlocked } from './RoleBlocked';
import { SignInPanel } from './SignInPanel';

/**
 * Renders its children for a signed-in person allowed to `action`; otherwise the sign-in panel,
 * or, for a role that may not, who may and what this person can do instead (SPEC [R3]).
 */
export function RequireStaff({
  action,
  screen,
  children,
}: {
  action: Action;
  /** The screen's name for a blocked role ("Treat is for …"); default: the screen needing `action`. */
  screen?: string;
  children: (staff: SessionStaff) => ReactNode;
}) {
  const session = useSession();
  const staff = activeStaff(session, now());
  if (!staff) return <SignInPanel />;
  if (!can(staff.role, action)) return <RoleBlocked staff={staff} action={action} screen={screen} />;
  return <>{children(staff)}</>;
}
