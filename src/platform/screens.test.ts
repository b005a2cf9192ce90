import { describe, expect, it } from 'vitest';
import { SCREENS, screensFor, workScreensFor } from './screens';

const ids = (screens: readonly { id: string }[]) => screens.map((s) => s.id);

describe('screens by role [R2]', () => {
  it('front desk sees Receive, Count, Stock, Catalog and Settings — not Treat or Reports', () => {
    expect(ids(screensFor('front_desk'))).toEqual(['receive', 'count', 'stock', 'catalog', 'settings']);
    expect(ids(workScreensFor('front_desk'))).toEqual(['receive', 'count', 'stock']);
  });

  it('injectors treat, count and look up stock; managers and admins see every screen', () => {
    expect(ids(screensFor('injector'))).toEqual(['treat', 'count', 'stock', 'catalog', 'settings']);
    expect(ids(screensFor('manager'))).toEqual(ids(SCREENS));
    expect(ids(screensFor('admin'))).toEqual(ids(SCREENS));
  });

  it('with nobody signed in every screen is listed (each asks for a sign-in where it needs one)', () => {
    expect(ids(screensFor(null))).toEqual(ids(SCREENS));
  });
});
