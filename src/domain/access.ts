/**
 * What the tablet offers to whom, on top of the action table in roles.ts (SPEC [R2]–[R4]).
 *
 * Setting the tablet up — connecting it to the clinic's server, disconnecting it, loading the demo
 * clinic — needs `set_up_tablet` (managers, admins). A tablet with no staff at all is the one
 * exception: nobody can sign in on it yet, so its first run must be able to connect or load the
 * demo without anyone signed in (SPEC [R4]).
 *
 * Example: no staff on the tablet → anyone may set it up; the demo loaded, nobody signed in →
 * nobody may (a manager or admin signs in first); Sam (front desk) signed in → no; Casey
 * (manager) → yes.
 */
import { ROLES, type Role } from './model';
import { can, type Action } from './roles';

export interface TabletState {
  /** The signed-in person's role; null when nobody is signed in. */
  role: Role | null;
  /** Staff records on this tablet (synced or from the demo). */
  staffOnTablet: number;
}

export function maySetUpTablet({ role, staffOnTablet }: TabletState): boolean {
  if (staffOnTablet === 0) return true;
  return role !== null && can(role, 'set_up_tablet');
}

/** The roles that may do `action`, in the order roles are listed everywhere. */
export function rolesThatMay(action: Action): Role[] {
  return ROLES.filter((role) => can(role, action));
}

export const ROLE_NAMES: Record<Role, { one: string; many: string }> = {
  injector: { one: 'injector', many: 'injectors' },
  front_desk: { one: 'front desk', many: 'front desk staff' },
  manager: { one: 'manager', many: 'managers' },
  admin: { one: 'admin', many: 'admins' },
};

/** "a, b and c" (or "a or b"), the way a sentence lists names. */
export function listInWords(items: readonly string[], last = 'and'): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} ${last} ${items[items.length - 1]}`;
}

/** Who may do `action`, in words: 'treat' → "injectors, managers and admins". */
export function whoMay(action: Action): string {
  return listInWords(rolesThatMay(action).map((role) => ROLE_NAMES[role].many));
}
