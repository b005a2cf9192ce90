import { describe, expect, it } from 'vitest';
import { LEDGER_EVENT_TYPES, ROLES } from './model';
import { ACTION_FOR_EVENT, can, mayRecord } from './roles';

describe('roles', () => {
  it('[R1] front desk cannot draw; injectors cannot adjust or override; managers can', () => {
    expect(mayRecord('front_desk', 'draw')).toBe(false);
    expect(mayRecord('injector', 'draw')).toBe(true);
    expect(mayRecord('injector', 'adjust')).toBe(false);
    expect(can('injector', 'override_block')).toBe(false);
    expect(can('manager', 'override_block')).toBe(true);
    expect(can('manager', 'manage_devices')).toBe(false);
    expect(can('admin', 'manage_devices')).toBe(true);
  });

  it('[R1] every role may record at least one event type and admins may record all', () => {
    for (const role of ROLES)
      expect(
        LEDGER_EVENT_TYPES.some((t) => mayRecord(role, t)),
        role,
      ).toBe(true);
    for (const type of LEDGER_EVENT_TYPES) expect(mayRecord('admin', type), type).toBe(true);
  });

  it('[ST3][R5] only managers and admins see costs; no event needs that right, so the server never asks it', () => {
    expect(ROLES.filter((role) => can(role, 'see_costs'))).toEqual(['manager', 'admin']);
    expect(Object.values(ACTION_FOR_EVENT)).not.toContain('see_costs');
  });
});
