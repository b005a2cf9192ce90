/**
 * Which locations' stock a person may look at, and which one Stock opens on (SPEC [ST1], [ST2]).
 *
 * - A person limited to locations (staff `locationIds`) sees only those; nobody else's fridge.
 * - A person limited to none works everywhere and may choose any of the clinic's locations.
 * - "All locations" (every location summed, with the split per location) is a management view:
 *   offered to those who may see costs (managers, admins) and are limited to no location.
 * - Stock opens on the person's own location: the first of theirs this tablet works at (its
 *   enrollment's, [S20]), else their first. For someone limited to none, that is the tablet's.
 *
 * Worked example (demo clinic, a tablet enrolled for Main St): Sam (front desk, Main St only) →
 * choices [Main St], opens on Main St, no "All". Casey (manager, no limit) → [Main St, Harbor] and
 * "All", opens on Main St. Jordan (injector, no limit) → [Main St, Harbor], no "All".
 */
import type { Location, Role } from '../model';
import { can } from '../roles';

/** The choice value of "All locations" (never a location id: those are UUIDs). */
export const ALL_LOCATIONS = 'all';

export interface StockPerson {
  role: Role;
  /** Empty = every location of the clinic. */
  locationIds: readonly string[];
}

export interface StockScope {
  /** The locations this person may choose, in the clinic's order. */
  locations: Location[];
  allowAll: boolean;
  /** Where Stock opens; null when the person may see no location at all. */
  defaultChoice: string | null;
}

export function stockScope(
  person: StockPerson,
  clinicLocations: readonly Location[],
  tabletLocationIds: readonly string[],
): StockScope {
  const unlimited = person.locationIds.length === 0;
  const locations = unlimited
    ? [...clinicLocations]
    : clinicLocations.filter((l) => person.locationIds.includes(l.id));
  const here = locations.find((l) => tabletLocationIds.includes(l.id)) ?? locations[0];
  return {
    locations,
    allowAll: unlimited && can(person.role, 'see_costs') && locations.length > 1,
    defaultChoice: here?.id ?? null,
  };
}

/**
 * The location ids a choice stands for: one location, or all of them for "All". A choice the
 * person may not make (another person's leftover, a location since taken away) falls back to
 * where Stock opens.
 */
export function locationsOfChoice(scope: StockScope, choice: string | null): string[] {
  if (choice === ALL_LOCATIONS && scope.allowAll) return scope.locations.map((l) => l.id);
  if (choice !== null && scope.locations.some((l) => l.id === choice)) return [choice];
  return scope.defaultChoice === null ? [] : [scope.defaultChoice];
}

/** The choice actually in effect (what the chooser shows selected). */
export function effectiveChoice(scope: StockScope, choice: string | null): string | null {
  if (choice === ALL_LOCATIONS && scope.allowAll) return ALL_LOCATIONS;
  if (choice !== null && scope.locations.some((l) => l.id === choice)) return choice;
  return scope.defaultChoice;
}

const SEPARATOR = ' — ';

/**
 * Short labels for column headers and totals: when every name starts with the same
 * "<clinic> — ", that part is dropped ("Lumen Aesthetics — Main St" → "Main St"); otherwise the
 * names as they are.
 */
export function shortLocationNames(locations: readonly Pick<Location, 'id' | 'name'>[]): Map<string, string> {
  const prefixes = locations.map((l) => {
    const at = l.name.indexOf(SEPARATOR);
    return at > 0 ? l.name.slice(0, at + SEPARATOR.length) : null;
  });
  const first = prefixes[0];
  const shared = first != null && prefixes.every((p) => p === first) ? first : null;
  return new Map(locations.map((l) => [l.id, shared ? l.name.slice(shared.length) : l.name]));
}
