/** This tablet's enrollment with the clinic's sync server, kept in device-local settings. */
import type { ChairsideDatabase } from '../db/collections';
import { getSetting, putSetting } from '../db/repositories/settings';
import { enroll, type ApiClient } from './api';

export const ENROLLMENT_KEY = 'syncEnrollment';

export interface Enrollment {
  baseUrl: string;
  token: string;
  serverDeviceId: string;
  orgId: string;
  locationIds: string[];
  deviceName: string;
}

export async function readEnrollment(db: ChairsideDatabase): Promise<Enrollment | null> {
  return enrollmentFrom(await getSetting(db, ENROLLMENT_KEY));
}

/** The enrollment a setting value holds (a JSON string), or null when not enrolled. */
export function enrollmentFrom(value: unknown): Enrollment | null {
  return typeof value === 'string' ? (JSON.parse(value) as Enrollment) : null;
}

export async function enrollDevice(
  db: ChairsideDatabase,
  client: ApiClient,
  code: string,
  deviceName: string,
): Promise<Enrollment> {
  const response = await enroll(client, code.trim(), deviceName);
  const enrollment: Enrollment = {
    baseUrl: client.baseUrl,
    token: response.token,
    serverDeviceId: response.deviceId,
    orgId: response.orgId,
    locationIds: response.locationIds,
    deviceName,
  };
  await putSetting(db, ENROLLMENT_KEY, JSON.stringify(enrollment));
  return enrollment;
}

/** Forgets the token; unsynced events stay on the tablet for the next enrollment. */
export async function forgetEnrollment(db: ChairsideDatabase): Promise<void> {
  await putSetting(db, ENROLLMENT_KEY, null);
}
