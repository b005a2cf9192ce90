import type { ReactNode } from 'react';
import { now } from '../../platform/clock';
import { activeStaff, useSession, type SessionStaff } from '../../platform/session';
import type { Action } from '../../domain/roles';
import { can } from '../../domain/roles';
import { EmptyState } from '../../ui/EmptyState';
import { SignInPanel } from './SignInPanel';

/**
 * Renders its children for a signed-in person allowed to `action`; otherwise the sign-in panel,
 * or a plain statement of what their role cannot do here.
 */
export function RequireStaff({
  action,
  children,
}: {
  action: Action;
  children: (staff: SessionStaff) => ReactNode;
}) {
  const session = useSession();
  const staff = activeStaff(session, now());
  if (!staff) return <SignInPanel />;
  if (!can(staff.role, action)) {
    return (
      <div data-testid="role-blocked">
        <EmptyState title="Not available for your role">
          <p>
            {staff.name} is signed in as {staff.role.replace('_', ' ')}. Ask an injector or a manager to sign
            in for this.
          </p>
        </EmptyState>
      </div>
    );
  }
  return <>{children(staff)}</>;
}
