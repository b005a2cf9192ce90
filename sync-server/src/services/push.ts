/**
 * Push (SPEC [S4]): validate the whole batch, check every actor's role, then append in one
 * transaction. Any invalid or forbidden event rejects the batch before anything is written.
 * Beyond validateEvent: event times at most 24 h ahead and derived lot ids (event-bounds.ts,
 * [S24], [MD12]); a balance past the bound or a value the database refuses is a 400 naming the
 * event, never a 500 ([Q4], [S25]).
 *
 * Worked example (device of org O, manager M, front desk F):
 *   [draw d1 by M, draw d2 by F]                  → forbidden [{ id: d2, reason: … }], nothing stored
 *   [receive r1 by M]                             → accepted [r1]
 *   [receive r1 by M] again                       → duplicates [r1]
 *   [receive r1 by M with another quantity]       → conflicts [{ id: r1, … }], stored r1 unchanged
 */
import { sameEvent } from '../../../src/domain/ledger/reducer';
import { validateCorrection, validateEvent } from '../../../src/domain/ledger/rules';
import type { LedgerEvent, Role } from '../../../src/domain/model';
import { mayRecord } from '../../../src/domain/roles';
import type { EventPushResponse, Rejection } from '../../../src/domain/sync/wire';
import { BalanceBoundError } from '../store/balance-bound';
import type { DeviceStore } from '../store/device-store';
import type { EventStore } from '../store/event-store';
import type { ApprovalService } from './approvals';
import type { AuthedDevice } from './auth';
import { blameDataError, dataErrorOf } from './data-errors';
import { eventBoundsProblem } from './event-bounds';
import type { EventHub } from './hub';

export type PushOutcome =
  | { kind: 'invalid'; field: string; eventId: string | null; message: string }
  | { kind: 'forbidden'; rejected: Rejection[] }
  | ({ kind: 'ok' } & EventPushResponse);

export const ROLE_NAMES: Record<Role, string> = {
  injector: 'an injector',
  front_desk: 'front desk',
  manager: 'a manager',
  admin: 'an admin',
};

export const CONFLICT_REASON = 'an event with this id and different content is already stored';

/** The first domain error of the batch, naming its field and event ([L6]). */
function firstInvalid(events: readonly unknown[]): PushOutcome | null {
  for (const e of events) {
    const result = validateEvent(e);
    if (!result.ok) {
      const [error] = result.errors;
      const id = (e as { id?: unknown }).id;
      return {
        kind: 'invalid',
        field: error?.field ?? '',
        eventId: typeof id === 'string' ? id : null,
        message: error?.message ?? 'invalid event',
      };
    }
  }
  return null;
}

const invalidOutcome = (field: string, eventId: string | null, message: string) =>
  ({ kind: 'invalid', field, eventId, message }) as const;

/** First copy of each id wins; a later copy is a duplicate (same content) or a conflict. */
function dedupe(events: readonly LedgerEvent[]): {
  unique: LedgerEvent[];
  duplicates: string[];
  conflicts: Rejection[];
} {
  const first = new Map<string, LedgerEvent>();
  const duplicates: string[] = [];
  const conflicts: Rejection[] = [];
  for (const e of events) {
    const seen = first.get(e.id);
    if (!seen) first.set(e.id, e);
    else if (sameEvent(seen, e)) duplicates.push(e.id);
    else conflicts.push({ id: e.id, reason: CONFLICT_REASON });
  }
  return { unique: [...first.values()], duplicates, conflicts };
}

export class PushService {
  constructor(
    private readonly devices: DeviceStore,
    private readonly events: EventStore,
    private readonly hub: EventHub,
    private readonly approvals: ApprovalService,
    private readonly now: () => Date = () => new Date(),
  ) {}

  async push(device: AuthedDevice, input: readonly unknown[]): Promise<PushOutcome> {
    const invalid = firstInvalid(input);
    if (invalid) return invalid;
    const events = input as readonly LedgerEvent[];
    const outOfBounds = eventBoundsProblem(events, this.now().getTime());
    if (outOfBounds) return outOfBounds;
    const badCorrection = await this.invalidCorrection(device, events);
    if (badCorrection) return badCorrection;
    const rejected = await this.forbidden(device, events);
    if (rejected.length > 0) return { kind: 'forbidden', rejected };

    const { unique, duplicates, conflicts } = dedupe(events);
    const appended = await this.append(device.orgId, unique);
    if (appended.kind === 'invalid') return appended;
    const { inserted, existing } = appended;
    conflicts.push(...appended.refused);
    const stored = new Map(existing.map((e) => [e.id, e]));
    for (const e of unique) {
      const copy = stored.get(e.id);
      if (!copy) continue;
      // Another organization's copy is reported like any conflict: its content is never revealed ([S2]).
      if (copy.orgId === device.orgId && sameEvent(copy, e)) duplicates.push(e.id);
      else conflicts.push({ id: e.id, reason: CONFLICT_REASON });
    }
    const last = inserted.at(-1);
    if (last) this.hub.committed(device.orgId, last.seq);
    const byId = new Set(inserted.map((r) => r.id));
    return {
      kind: 'ok',
      accepted: unique.filter((e) => byId.has(e.id)).map((e) => e.id),
      duplicates,
      conflicts,
    };
  }

  /**
   * Appends, turning what the database refuses as data into a 400 naming the event ([Q4], [S25]):
   * a balance past the bound, or a value it cannot hold.
   */
  private async append(orgId: string, events: readonly LedgerEvent[]) {
    try {
      return { kind: 'ok' as const, ...(await this.events.append(orgId, events)) };
    } catch (error) {
      if (error instanceof BalanceBoundError)
        return invalidOutcome('quantityMilli', error.eventId, error.message);
      const data = dataErrorOf(error);
      if (!data) throw error;
      const blame = blameDataError(data, events as unknown as Record<string, unknown>[], 'events');
      return invalidOutcome(blame.field, blame.id, `the database cannot store this: ${data.message}`);
    }
  }

  /**
   * A correction must mirror the event it corrects ([L5]) when that event is known — in this batch
   * or stored. One whose original has not arrived yet is accepted: the ledger records what
   * happened, and the tablet built it from the original it held.
   */
  private async invalidCorrection(
    device: AuthedDevice,
    events: readonly LedgerEvent[],
  ): Promise<PushOutcome | null> {
    const corrections = events.filter((e) => e.correctsId !== null);
    if (corrections.length === 0) return null;
    const originals = new Map(events.map((e) => [e.id, e] as const));
    const missing = corrections.map((c) => c.correctsId as string).filter((id) => !originals.has(id));
    for (const stored of await this.events.byIds(device.orgId, missing)) originals.set(stored.id, stored);
    for (const correction of corrections) {
      const original = originals.get(correction.correctsId as string);
      if (!original) continue;
      const result = validateCorrection(correction, original);
      if (!result.ok) {
        const [error] = result.errors;
        return {
          kind: 'invalid',
          field: error?.field ?? 'correctsId',
          eventId: correction.id,
          message: error?.message ?? 'the correction does not mirror the event it corrects',
        };
      }
    }
    return null;
  }

  /**
   * Events of another organization or of a location this device is not enrolled for, unknown actors
   * and roles that may not record the type ([R1], [S20]).
   */
  private async forbidden(device: AuthedDevice, events: readonly LedgerEvent[]): Promise<Rejection[]> {
    const roles = await this.devices.staffRoles(device.orgId, [...new Set(events.map((e) => e.actorId))]);
    const rejected: Rejection[] = [];
    for (const e of events) {
      const role = roles.get(e.actorId);
      if (e.orgId !== device.orgId) {
        rejected.push({ id: e.id, reason: "the event belongs to another organization than this device's" });
      } else if (!device.locationIds.includes(e.locationId)) {
        rejected.push({ id: e.id, reason: 'this tablet is not enrolled for the location of the event' });
      } else if (!role) {
        rejected.push({ id: e.id, reason: `unknown staff member ${e.actorId}` });
      } else if (!mayRecord(role, e.type)) {
        rejected.push({ id: e.id, reason: `${ROLE_NAMES[role]} may not record a ${e.type}` });
      }
    }
    if (rejected.length > 0) return rejected;
    // A privileged event is accepted on its approver's proof, never on the staff id alone ([A5]).
    const approvers = events.flatMap((e) => {
      const by = e.payload.overrideBy;
      return typeof by === 'string' ? [by] : [];
    });
    const approverRoles = await this.devices.staffRoles(device.orgId, approvers);
    return this.approvals.checkEvents(device.orgId, events, new Map([...roles, ...approverRoles]));
  }
}
