/**
 * Staff and locations change only here (SPEC [A2], [A8], [A9]): through the admin API, or a person
 * changing their own PIN with the old one checked by the server — never by a device push. Each
 * change is a record the server stamps with its own clock, so every tablet pulls it like any other.
 *
 * A PIN is never stored. Tablets get a verifier: the full PBKDF2 hash for people who cannot
 * approve, the 12-bit partial one for managers and admins ([A6]); the server keeps, for those who
 * can approve, the approval key the PIN derives ([A5]).
 *
 * Example: putStaff(org, casey, { name: "Casey Kim", role: "manager", locationIds: [], pin: "482915" })
 * → staff record { pinHash: "pbkdf2-sha256-t12$…" } at seq n, approval key stored; pin "4829" → 400
 * "a manager's PIN has at least 6 digits".
 */
import { decodeApprovalKey, deriveApprovalKey, encodeApprovalKey } from '../../../src/auth/approval';
import { hashPin, hashPinTag, isValidPinFormat, verifyPin } from '../../../src/auth/pin';
import type { Role } from '../../../src/domain/model';
import { ROLES } from '../../../src/domain/model';
import { formatHlc, parseHlc } from '../../../src/domain/replica';
import type { FieldClocks, RecordData, RecordKind } from '../../../src/domain/replica';
import { can } from '../../../src/domain/roles';
import { setApprovalKey, type ApprovalStore } from '../store/approval-store';
import type { SqlExecutor } from '../store/driver';
import type { RecordStore, StoredRecord } from '../store/record-store';
import { recordKey } from '../store/record-store';
import { InputError } from './auth';
import type { EventHub } from './hub';

export interface StaffInput {
  name: string;
  role: Role;
  /** Locations they work at; empty = all of the organization's. */
  locationIds: string[];
  /** Required for a new person; omitted = keep the current PIN. */
  pin?: string;
}

export interface LocationInput {
  name: string;
  storage: string;
}

/** Whether a role approves privileged work, and so needs a 6-digit PIN and an approval key. */
export const approves = (role: Role) => can(role, 'adjust') || can(role, 'override_block');
export const MIN_APPROVER_PIN_DIGITS = 6;
const ADMIN_NODE = 'server-admin';

/** The PIN rule for `role`: 4-8 digits, at least 6 for those who approve ([A2]). */
export function pinProblem(pin: string, role: Role): string | null {
  if (!isValidPinFormat(pin)) return 'a PIN is 4 to 8 digits';
  if (approves(role) && pin.length < MIN_APPROVER_PIN_DIGITS)
    return `a ${role === 'admin' ? 'admin' : 'manager'}'s PIN has at least ${MIN_APPROVER_PIN_DIGITS} digits`;
  return null;
}

/**
 * What the server stores for a person's PIN ([A5], [A6]): the verifier tablets get (partial for
 * those who approve, full for others) and, for those who approve, the approval key.
 */
export async function staffCredentials(
  orgId: string,
  staff: { id: string; role: Role },
  pin: string,
  iterations?: number,
): Promise<{ pinHash: string; approvalKey: string | null }> {
  if (!approves(staff.role)) return { pinHash: await hashPin(pin, { iterations }), approvalKey: null };
  const [pinHash, key] = await Promise.all([
    hashPinTag(pin, { iterations }),
    deriveApprovalKey(pin, orgId, staff.id, iterations),
  ]);
  return { pinHash, approvalKey: encodeApprovalKey(key) };
}

/** A clock later than every stored one and not behind the server's time. */
function nextClock(stored: StoredRecord | undefined, nowMs: number): string {
  const latest = Math.max(0, ...Object.values(stored?.clocks ?? {}).map((c) => parseHlc(c)?.ms ?? 0));
  return formatHlc({ ms: Math.max(nowMs, latest + 1), counter: 0, node: ADMIN_NODE });
}

export class StaffAdminService {
  constructor(
    private readonly records: RecordStore,
    private readonly approvals: ApprovalStore,
    private readonly hub: EventHub,
    private readonly iterations?: number,
    private readonly now: () => Date = () => new Date(),
  ) {}

  async putStaff(orgId: string, id: string, input: StaffInput): Promise<{ id: string; seq: number }> {
    if (!(ROLES as readonly string[]).includes(input.role)) throw new InputError('role', 'unknown role');
    if (input.name.trim() === '') throw new InputError('name', 'a name is required');
    if (input.pin !== undefined) {
      const problem = pinProblem(input.pin, input.role);
      if (problem) throw new InputError('pin', problem);
    }
    const data: RecordData = {
      orgId,
      name: input.name.trim(),
      role: input.role,
      locationIds: input.locationIds,
    };
    let key: string | null = null;
    if (input.pin !== undefined) {
      const credentials = await staffCredentials(orgId, { id, role: input.role }, input.pin, this.iterations);
      data.pinHash = credentials.pinHash;
      key = credentials.approvalKey;
    }
    const [stored] = await this.records.byIds(orgId, 'staff', [id]);
    if (!stored && input.pin === undefined) throw new InputError('pin', 'a new staff member needs a PIN');
    // Becoming someone who approves means a new, longer PIN and an approval key with it.
    if (stored && input.pin === undefined && approves(input.role) && !approves(stored.data.role as Role))
      throw new InputError(
        'pin',
        `a new manager or admin sets a PIN of at least ${MIN_APPROVER_PIN_DIGITS} digits`,
      );
    return this.write(orgId, 'staff', id, data, async (tx) => {
      if (key) await setApprovalKey(tx, orgId, id, key);
    });
  }

  async putLocation(orgId: string, id: string, input: LocationInput): Promise<{ id: string; seq: number }> {
    if (input.name.trim() === '') throw new InputError('name', 'a name is required');
    return this.write(orgId, 'locations', id, { orgId, name: input.name.trim(), storage: input.storage });
  }

  /**
   * A person's own PIN change, online ([A9]): the old PIN is checked here — against the approval
   * key for those who approve (the tablets hold only a partial verifier), the PIN hash otherwise.
   */
  async changeOwnPin(
    orgId: string,
    staffId: string,
    oldPin: string,
    newPin: string,
  ): Promise<{ id: string; seq: number }> {
    const [stored] = await this.records.byIds(orgId, 'staff', [staffId]);
    if (!stored) throw new InputError('staffId', 'no such staff member');
    const role = stored.data.role as Role;
    const row = (await this.approvals.keys(orgId, [staffId])).get(staffId);
    const key = row ? decodeApprovalKey(row.key) : null;
    const oldMatches = key
      ? encodeApprovalKey(await deriveApprovalKey(oldPin, orgId, staffId, this.iterations)) === row?.key
      : await verifyPin(oldPin, String(stored.data.pinHash ?? ''));
    if (!oldMatches) throw new InputError('oldPin', 'the current PIN is not right');
    return this.putStaff(orgId, staffId, {
      name: String(stored.data.name),
      role,
      locationIds: stored.data.locationIds as string[],
      pin: newPin,
    });
  }

  private async write(
    orgId: string,
    kind: RecordKind,
    id: string,
    data: RecordData,
    also?: (tx: SqlExecutor) => Promise<void>,
  ): Promise<{ id: string; seq: number }> {
    const nowMs = this.now().getTime();
    const { written } = await this.records.applyBatch(
      orgId,
      { ids: [id], actorIds: [] },
      (ctx) => {
        const stored = ctx.stored.get(recordKey(kind, id));
        const clock = nextClock(stored, nowMs);
        const clocks: FieldClocks = { ...(stored?.clocks ?? {}) };
        for (const field of Object.keys(data)) clocks[field] = clock;
        return {
          result: null,
          writes: [{ kind, id, data: { ...(stored?.data ?? {}), ...data }, clocks, actorId: null }],
        };
      },
      also,
    );
    const seq = written[0]?.seq ?? 0;
    if (seq > 0) this.hub.committed(orgId, seq, 'records');
    return { id, seq };
  }
}
