/**
 * Credentials' SQL: one-time enrollment codes and device tokens (admin tokens: admin-token-store.ts). Every secret arrives
 * here already hashed (SHA-256 hex, services/secrets.ts); plain secrets never reach the database.
 */
import type { Role } from '../../../src/domain/model';
import type { SqlDriver } from './driver';

export interface DeviceRecord {
  id: string;
  orgId: string;
  name: string;
  locationIds: string[];
  revokedAt: Date | null;
}

export interface NewEnrollCode {
  codeSha256: string;
  orgId: string;
  locationIds: string[];
  expiresAt: Date;
}

/** An enrollment code as the status route reports it ([S22]); the device is null until used. */
export interface EnrollCodeRow {
  id: string;
  orgId: string;
  expiresAt: Date;
  usedAt: Date | null;
  deviceId: string | null;
  deviceName: string | null;
}

export interface NewDevice {
  id: string;
  name: string;
  tokenSha256: string;
}

const DEVICE_COLUMNS = `id::text AS id, org_id::text AS "orgId", name, location_ids::text[] AS "locationIds",
  revoked_at AS "revokedAt"`;

export class DeviceStore {
  constructor(private readonly driver: SqlDriver) {}

  /** location id → org id, for the ids that exist. */
  async locationOrgs(locationIds: readonly string[]): Promise<Map<string, string>> {
    const rows = await this.driver.query<{ id: string; org_id: string }>(
      'SELECT id::text AS id, org_id::text AS org_id FROM locations WHERE id = ANY($1::uuid[])',
      [locationIds],
    );
    return new Map(rows.map((r) => [r.id, r.org_id]));
  }

  /** Stores the code's hash; returns the code's id (what the status route is asked with). */
  async addEnrollCode(code: NewEnrollCode): Promise<string> {
    const [row] = await this.driver.query<{ id: string }>(
      `INSERT INTO enroll_codes (code_sha256, org_id, location_ids, expires_at) VALUES ($1, $2, $3::uuid[], $4)
       RETURNING id::text AS id`,
      [code.codeSha256, code.orgId, code.locationIds, code.expiresAt],
    );
    if (!row) throw new Error('enrollment code was not stored');
    return row.id;
  }

  /** The code with this id and the device that used it (if any); null when there is none. */
  async enrollCode(id: string): Promise<EnrollCodeRow | null> {
    const [row] = await this.driver.query<EnrollCodeRow>(
      `SELECT c.id::text AS id, c.org_id::text AS "orgId", c.expires_at AS "expiresAt", c.used_at AS "usedAt",
              d.id::text AS "deviceId", d.name AS "deviceName"
       FROM enroll_codes c LEFT JOIN devices d ON d.id = c.used_by_device_id
       WHERE c.id = $1`,
      [id],
    );
    return row ?? null;
  }

  /**
   * Uses the code (once: the UPDATE … WHERE used_at IS NULL is atomic) and creates the device in the
   * same transaction. Null when the code is unknown, used or expired at `now`.
   */
  enroll(codeSha256: string, device: NewDevice, now: Date): Promise<DeviceRecord | null> {
    return this.driver.transaction(async (tx) => {
      const [code] = await tx.query<{ org_id: string; location_ids: string[] }>(
        `UPDATE enroll_codes SET used_at = $2, used_by_device_id = $3
         WHERE code_sha256 = $1 AND used_at IS NULL AND expires_at > $2
         RETURNING org_id::text AS org_id, location_ids::text[] AS location_ids`,
        [codeSha256, now, device.id],
      );
      if (!code) return null;
      const [row] = await tx.query<DeviceRecord>(
        `INSERT INTO devices (id, org_id, name, token_sha256, location_ids, created_at)
         VALUES ($1, $2, $3, $4, $5::uuid[], $6) RETURNING ${DEVICE_COLUMNS}`,
        [device.id, code.org_id, device.name, device.tokenSha256, code.location_ids, now],
      );
      return row ?? null;
    });
  }

  async deviceByToken(tokenSha256: string): Promise<DeviceRecord | null> {
    const [row] = await this.driver.query<DeviceRecord>(
      `SELECT ${DEVICE_COLUMNS} FROM devices WHERE token_sha256 = $1`,
      [tokenSha256],
    );
    return row ?? null;
  }

  async deviceById(id: string): Promise<DeviceRecord | null> {
    const [row] = await this.driver.query<DeviceRecord>(
      `SELECT ${DEVICE_COLUMNS} FROM devices WHERE id = $1`,
      [id],
    );
    return row ?? null;
  }

  /** Sets revoked_at once; returns the device, or null if there is no such device. */
  async revoke(deviceId: string, now: Date): Promise<DeviceRecord | null> {
    const [row] = await this.driver.query<DeviceRecord>(
      `UPDATE devices SET revoked_at = COALESCE(revoked_at, $2) WHERE id = $1 RETURNING ${DEVICE_COLUMNS}`,
      [deviceId, now],
    );
    return row ?? null;
  }

  /** Roles of the given staff ids within one organization (others are simply absent). */
  async staffRoles(orgId: string, staffIds: readonly string[]): Promise<Map<string, Role>> {
    const rows = await this.driver.query<{ id: string; role: Role }>(
      'SELECT id::text AS id, role FROM staff WHERE org_id = $1 AND id = ANY($2::uuid[])',
      [orgId, staffIds],
    );
    return new Map(rows.map((r) => [r.id, r.role]));
  }
}
