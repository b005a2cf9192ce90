/**
 * Who may do what. The tablet uses it to decide what a screen offers; the sync server re-checks
 * every event's actor with the same table (SPEC [R1]).
 */
import type { LedgerEventType, Role } from './model';

export type Action =
  | 'treat' // start visits, record draws
  | 'waste'
  | 'receive'
  | 'transfer'
  | 'count'
  | 'adjust' // post adjustments and count variances
  | 'override_block' // draw from an expired/recalled/held lot
  | 'undo_others' // undo a draw someone else recorded
  | 'manage_catalog'
  | 'order' // create, send and cancel purchase orders ([PO2]); receiving against one is 'receive'
  | 'manage_devices'
  // Unit costs and stock value on screen (SPEC [ST3]). Never an event's permission: the server
  // re-checks events with ACTION_FOR_EVENT only, so adding a view right changes nothing there.
  | 'see_costs'
  | 'set_up_tablet' // connect this tablet to the clinic's server (or disconnect it), load the demo clinic
  | 'edit_clinic_settings' // the clinic's settings kept on this tablet (chart-number pattern)
  | 'view_reports'; // COGS, margins, valuation: the Reports screen

const MANAGER_ACTIONS: readonly Action[] = [
  'treat',
  'waste',
  'receive',
  'transfer',
  'count',
  'adjust',
  'override_block',
  'undo_others',
  'manage_catalog',
  'order',
  'see_costs',
  'set_up_tablet',
  'edit_clinic_settings',
  'view_reports',
];

/** Admins may do everything a manager may, and manage devices. */
const ALLOWED: Record<Role, readonly Action[]> = {
  injector: ['treat', 'waste', 'count'],
  front_desk: ['receive', 'count'],
  manager: MANAGER_ACTIONS,
  admin: [...MANAGER_ACTIONS, 'manage_devices'],
};

export function can(role: Role, action: Action): boolean {
  return ALLOWED[role].includes(action);
}

/** The permission an event of this type needs from its actor. */
export const ACTION_FOR_EVENT: Record<LedgerEventType, Action> = {
  receive: 'receive',
  open: 'treat',
  draw: 'treat',
  waste: 'waste',
  adjust: 'adjust',
  transfer_out: 'transfer',
  transfer_in: 'transfer',
  count: 'count',
};

export function mayRecord(role: Role, type: LedgerEventType): boolean {
  return can(role, ACTION_FOR_EVENT[type]);
}
