import { describe, expect, it } from 'vitest';
import { buildDemoClinic, DEMO_IDS } from '../demo/clinic';
import { ALL_LOCATIONS, effectiveChoice, locationsOfChoice, shortLocationNames, stockScope } from './scope';

const demo = buildDemoClinic('2026-12-02');
const MAIN = DEMO_IDS.mainLocation;
const HARBOR = DEMO_IDS.satelliteLocation;
const person = (prefix: string) => {
  const s = demo.staff.find((p) => p.name.startsWith(prefix));
  if (!s) throw new Error(prefix);
  return s;
};

describe('stock scope', () => {
  it('[ST1] the docblock example: front desk limited to Main St sees Main St only, no All', () => {
    const scope = stockScope(person('Sam'), demo.locations, [MAIN]);
    expect(scope.locations.map((l) => l.id)).toEqual([MAIN]);
    expect(scope.allowAll).toBe(false);
    expect(scope.defaultChoice).toBe(MAIN);
    // Asking for another location or All falls back to their own.
    expect(locationsOfChoice(scope, HARBOR)).toEqual([MAIN]);
    expect(locationsOfChoice(scope, ALL_LOCATIONS)).toEqual([MAIN]);
    expect(effectiveChoice(scope, HARBOR)).toBe(MAIN);
  });

  it('[ST2] a manager limited to no location may choose each one or All, and opens on the tablet’s', () => {
    const scope = stockScope(person('Casey'), demo.locations, [HARBOR]);
    expect(scope.locations.map((l) => l.id)).toEqual([MAIN, HARBOR]);
    expect(scope.allowAll).toBe(true);
    expect(scope.defaultChoice).toBe(HARBOR);
    expect(locationsOfChoice(scope, ALL_LOCATIONS)).toEqual([MAIN, HARBOR]);
    expect(locationsOfChoice(scope, null)).toEqual([HARBOR]);
    expect(effectiveChoice(scope, ALL_LOCATIONS)).toBe(ALL_LOCATIONS);
  });

  it('[ST2] an injector working everywhere chooses between locations but gets no All', () => {
    const scope = stockScope(person('Jordan'), demo.locations, [MAIN, HARBOR]);
    expect(scope.locations).toHaveLength(2);
    expect(scope.allowAll).toBe(false);
    expect(scope.defaultChoice).toBe(MAIN);
  });

  it('[ST1] a manager limited to one location gets no All; nobody is offered a location that is not theirs', () => {
    const limited = { role: 'manager' as const, locationIds: [HARBOR] };
    const scope = stockScope(limited, demo.locations, [MAIN]);
    expect(scope.locations.map((l) => l.id)).toEqual([HARBOR]);
    expect(scope.allowAll).toBe(false);
    // The tablet works at Main St only: the person's own location is still where Stock opens.
    expect(scope.defaultChoice).toBe(HARBOR);
    const nowhere = stockScope({ role: 'injector', locationIds: ['gone'] }, demo.locations, [MAIN]);
    expect(nowhere.locations).toEqual([]);
    expect(nowhere.defaultChoice).toBeNull();
    expect(locationsOfChoice(nowhere, MAIN)).toEqual([]);
  });

  it('short names drop the shared clinic name, and keep names that do not share it', () => {
    expect([...shortLocationNames(demo.locations).values()]).toEqual(['Main St', 'Harbor']);
    expect([
      ...shortLocationNames([
        { id: 'a', name: 'North — Room 1' },
        { id: 'b', name: 'South clinic' },
      ]).values(),
    ]).toEqual(['North — Room 1', 'South clinic']);
  });
});
