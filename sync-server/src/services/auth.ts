/**
 * Who may call the API (SPEC [S1], [S2]): one-time enrollment codes, device enrollment, revocation
 * and bearer-token resolution. Admin tokens: admin-tokens.ts; every admin action here takes the
 * caller's scope and refuses another organization's codes and devices ([SEC1]).
 */
import { randomUUID } from 'node:crypto';
import type { EnrollCodeCreated, EnrollCodeStatus, EnrollResponse } from '../../../src/domain/sync/wire';
import type { DeviceRecord, DeviceStore } from '../store/device-store';
import type { AdminScope } from './admin-scope';
import { assertScope } from './admin-scope';
import { hashEnrollCode, newEnrollCode, newToken, sha256Hex } from './secrets';

export const DEFAULT_CODE_MINUTES = 24 * 60;

/** A device as the routes see it after authentication. */
export interface AuthedDevice {
  id: string;
  orgId: string;
  locationIds: string[];
}

export type DeviceAuth =
  { ok: true; device: AuthedDevice } | { ok: false; reason: 'missing_token' | 'unknown_token' | 'revoked' };

/** A request the caller got wrong, with the field to fix (routes answer 400). */
export class InputError extends Error {
  override name = 'InputError';
  constructor(
    readonly field: string,
    message: string,
  ) {
    super(message);
  }
}

export interface EnrollCodeRequest {
  locationIds: string[];
  /** Optional: must match the locations' organization when given. */
  orgId?: string;
  expiresInMinutes?: number;
}

/** What enrolling answers (the wire's EnrollResponse). */
export type Enrollment = EnrollResponse;

/** "Bearer abc" → "abc"; anything else → null. */
export function bearerToken(header: string | undefined): string | null {
  const match = /^Bearer\s+(\S+)\s*$/i.exec(header ?? '');
  return match?.[1] ?? null;
}

export class AuthService {
  constructor(
    private readonly devices: DeviceStore,
    private readonly now: () => Date = () => new Date(),
  ) {}

  async authenticateDevice(token: string | null): Promise<DeviceAuth> {
    if (token === null) return { ok: false, reason: 'missing_token' };
    const device = await this.devices.deviceByToken(sha256Hex(token));
    if (!device) return { ok: false, reason: 'unknown_token' };
    if (device.revokedAt) return { ok: false, reason: 'revoked' };
    return { ok: true, device: authed(device) };
  }

  /**
   * One-time code for the locations' organization; all locations must exist in one organization,
   * and `scope` (the admin token's, absent for the CLI and the demo route) must cover it.
   */
  async createEnrollCode(req: EnrollCodeRequest, scope?: AdminScope): Promise<EnrollCodeCreated> {
    const locationIds = [...new Set(req.locationIds)];
    if (locationIds.length === 0) throw new InputError('locationIds', 'name at least one location');
    const orgs = await this.devices.locationOrgs(locationIds);
    const missing = locationIds.find((id) => !orgs.has(id));
    if (missing) throw new InputError('locationIds', `no location ${missing}`);
    const orgIds = new Set(orgs.values());
    const [orgId] = orgIds;
    if (orgIds.size > 1 || !orgId) throw new InputError('locationIds', 'locations of one organization only');
    if (req.orgId !== undefined && req.orgId !== orgId) {
      throw new InputError('orgId', 'the locations belong to another organization');
    }
    if (scope) assertScope(scope, orgId);
    const minutes = req.expiresInMinutes ?? DEFAULT_CODE_MINUTES;
    const expiresAt = new Date(this.now().getTime() + minutes * 60_000);
    const code = newEnrollCode();
    const id = await this.devices.addEnrollCode({
      codeSha256: hashEnrollCode(code),
      orgId,
      locationIds,
      expiresAt,
    });
    return { id, code, expiresAt: expiresAt.toISOString(), locationIds };
  }

  /**
   * What became of the code with this id ([S22]): used (when, by which device), expired unused, or
   * still unused. Null when there is no such code.
   */
  async enrollCodeStatus(id: string, scope?: AdminScope): Promise<EnrollCodeStatus | null> {
    const row = await this.devices.enrollCode(id);
    if (!row) return null;
    if (scope) assertScope(scope, row.orgId);
    const device = row.deviceId ? { id: row.deviceId, name: row.deviceName ?? '' } : null;
    const state = row.usedAt ? 'used' : row.expiresAt <= this.now() ? 'expired' : 'unused';
    return {
      id: row.id,
      state,
      expiresAt: row.expiresAt.toISOString(),
      usedAt: row.usedAt?.toISOString() ?? null,
      device,
    };
  }

  /** Exchanges a code for a device token, once. Unknown, used or expired → InputError('code'). */
  async enroll(code: string, deviceName: string): Promise<Enrollment> {
    const token = newToken();
    const device = await this.devices.enroll(
      hashEnrollCode(code),
      { id: randomUUID(), name: deviceName, tokenSha256: sha256Hex(token) },
      this.now(),
    );
    if (!device) throw new InputError('code', 'this code is unknown, already used or expired');
    return { deviceId: device.id, token, orgId: device.orgId, locationIds: device.locationIds };
  }

  /** Null when there is no such device. Revoking twice keeps the first time. */
  async revoke(
    deviceId: string,
    scope?: AdminScope,
  ): Promise<{ deviceId: string; revokedAt: string } | null> {
    const found = await this.devices.deviceById(deviceId);
    if (!found) return null;
    if (scope) assertScope(scope, found.orgId);
    const device = await this.devices.revoke(deviceId, this.now());
    if (!device?.revokedAt) return null;
    return { deviceId: device.id, revokedAt: device.revokedAt.toISOString() };
  }
}

function authed(d: DeviceRecord): AuthedDevice {
  return { id: d.id, orgId: d.orgId, locationIds: d.locationIds };
}
