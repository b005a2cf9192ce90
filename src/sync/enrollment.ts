/** This tablet's enrollment with the clinic's sync server, kept in device-local settings. */
import type { ChairsideDatabase } from '../db/collections';
import { readSetting, writeSetting, type Enrollment } from '../db/repositories/settings';
import { enroll, type ApiClient } from './api';

export type { Enrollment };

export const ENROLLMENT_KEY = 'syncEnrollment';

export async function readEnrollment(db: ChairsideDatabase): Promise<Enrollment | null> {
  return readSetting(db, ENROLLMENT_KEY);
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
  await writeSetting(db, ENROLLMENT_KEY, enrollment);
  return enrollment;
}

/** Forgets the token; unsynced events stay on the tablet for the next enrollment. */
export async function forgetEnrollment(db: ChairsideDatabase): Promise<void> {
  await writeSetting(db, ENROLLMENT_KEY, null);
}
