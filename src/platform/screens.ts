/**
 * The screens and who may use them (SPEC [R2]). The shell's navigation lists only the screens the
 * signed-in role may use; a screen someone cannot use points them to the ones they can (RoleBlocked).
 * Nobody signed in: every screen is listed, and each asks for a sign-in where it needs one.
 */
import type { Role } from '../domain/model';
import { can, type Action } from '../domain/roles';
import type { IconName } from '../ui/icons';

export interface ScreenInfo {
  id: IconName;
  path: string;
  label: string;
  /** What the screen is for, as a link to it says ("Receive stock"). */
  purpose: string;
  /** The action a role needs to use the screen; null = every role. */
  action: Action | null;
}

/** The navigation, in the order staff use it through a day. */
export const SCREENS: readonly ScreenInfo[] = [
  { id: 'treat', path: '/treat', label: 'Treat', purpose: 'Record a treatment', action: 'treat' },
  { id: 'receive', path: '/receive', label: 'Receive', purpose: 'Receive stock', action: 'receive' },
  { id: 'count', path: '/count', label: 'Count', purpose: 'Count the fridge', action: 'count' },
  { id: 'stock', path: '/stock', label: 'Stock', purpose: 'Look up stock', action: null },
  // Everyone reads the catalog; editing it is for managers and admins ([CT2]), checked inside.
  { id: 'catalog', path: '/catalog', label: 'Catalog', purpose: 'Look up products', action: null },
  { id: 'reports', path: '/reports', label: 'Reports', purpose: 'See reports', action: 'view_reports' },
  { id: 'settings', path: '/settings', label: 'Settings', purpose: 'Settings', action: null },
];

export function mayUseScreen(role: Role | null, screen: ScreenInfo): boolean {
  return role === null || screen.action === null || can(role, screen.action);
}

/** The screens `role` may use (all of them when nobody is signed in). */
export function screensFor(role: Role | null): ScreenInfo[] {
  return SCREENS.filter((s) => mayUseScreen(role, s));
}

/**
 * Where someone who may not use a screen can go instead: their working screens, Settings and the
 * Catalog left out (both are always in the navigation, and neither is work at the chair or the
 * fridge). Front desk → Receive, Count, Stock.
 */
export function workScreensFor(role: Role): ScreenInfo[] {
  return screensFor(role).filter((s) => s.id !== 'settings' && s.id !== 'catalog');
}

export function screenById(id: IconName): ScreenInfo {
  const screen = SCREENS.find((s) => s.id === id);
  if (!screen) throw new Error(`no screen ${id}`);
  return screen;
}
