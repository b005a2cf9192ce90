import type { ReactNode } from 'react';
import { Link } from 'wouter';
import { ROLE_NAMES, whoMay } from '../../domain/access';
import { can, type Action } from '../../domain/roles';
import { now } from '../../platform/clock';
import { activeStaff, useSession, type SessionStaff } from '../../platform/session';
import { SCREENS, workScreensFor } from '../../platform/screens';
import { EmptyState } from '../../ui/EmptyState';

/** What each gated action is for, as "To <this>, …" says it. */
const WHAT: Partial<Record<Action, string>> = {
  treat: 'record a treatment',
  receive: 'receive stock',
  count: 'count the fridge',
  view_reports: 'see costs and margins',
};

/**
 * A screen the signed-in role may not use (SPEC [R3]): says who may, and links to what this person
 * can do instead, so front desk at Treat is one tap from Receive, Count or Stock.
 */
export function RoleBlocked({
  staff,
  action,
  screen = SCREENS.find((s) => s.action === action)?.label ?? 'This screen',
}: {
  staff: SessionStaff;
  action: Action;
  screen?: string;
}) {
  const options = workScreensFor(staff.role);
  return (
    <div data-testid="role-blocked">
      <EmptyState
        title={`${screen} is for ${whoMay(action)}`}
        action={
          <nav className="row row--center" aria-label="What you can do">
            {options.map((s) => (
              <Link key={s.id} href={s.path} className="button" data-testid={`role-next-${s.id}`}>
                {s.purpose}
              </Link>
            ))}
          </nav>
        }
      >
        <p>
          {staff.name} is signed in as {ROLE_NAMES[staff.role].one}.{' '}
          {WHAT[action] ? `To ${WHAT[action]}, one of them signs in (Switch). ` : ''}
          {options.length > 0 ? 'What you can do:' : 'Ask a manager what your role may do.'}
        </p>
      </EmptyState>
    </div>
  );
}

/**
 * A screen that needs no sign-in to look at, but is not for every role (SPEC [R2]): shown when
 * nobody is signed in or the signed-in role may use it; otherwise the way to what they can do.
 */
export function RoleGate({
  action,
  screen,
  children,
}: {
  action: Action;
  screen: string;
  children: ReactNode;
}) {
  const session = useSession();
  const staff = activeStaff(session, now());
  if (staff && !can(staff.role, action)) return <RoleBlocked staff={staff} action={action} screen={screen} />;
  return <>{children}</>;
}
