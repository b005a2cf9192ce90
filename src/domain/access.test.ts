import { describe, expect, it } from 'vitest';
import { listInWords, maySetUpTablet, rolesThatMay, whoMay } from './access';
import { ROLES } from './model';
import { can } from './roles';

describe('who may set the tablet up [R4]', () => {
  it('anyone on a tablet with no staff (its first run: nobody can sign in yet)', () => {
    expect(maySetUpTablet({ role: null, staffOnTablet: 0 })).toBe(true);
    expect(maySetUpTablet({ role: 'front_desk', staffOnTablet: 0 })).toBe(true);
  });

  it('once staff are on it, only managers and admins — nobody while nobody is signed in', () => {
    expect(maySetUpTablet({ role: null, staffOnTablet: 5 })).toBe(false);
    expect(maySetUpTablet({ role: 'front_desk', staffOnTablet: 5 })).toBe(false);
    expect(maySetUpTablet({ role: 'injector', staffOnTablet: 5 })).toBe(false);
    expect(maySetUpTablet({ role: 'manager', staffOnTablet: 5 })).toBe(true);
    expect(maySetUpTablet({ role: 'admin', staffOnTablet: 5 })).toBe(true);
  });
});

describe('roles in words [R3]', () => {
  it('names who may do an action, in role order', () => {
    expect(rolesThatMay('treat')).toEqual(['injector', 'manager', 'admin']);
    expect(whoMay('treat')).toBe('injectors, managers and admins');
    expect(whoMay('manage_devices')).toBe('admins');
    expect(listInWords(['a', 'b'], 'or')).toBe('a or b');
    expect(listInWords([])).toBe('');
  });

  it('[R1] the new actions belong to managers and admins only', () => {
    for (const action of ['set_up_tablet', 'edit_clinic_settings', 'view_reports'] as const)
      expect(
        ROLES.filter((r) => can(r, action)),
        action,
      ).toEqual(['manager', 'admin']);
  });
});
