/** This tablet's enrollment with the clinic's sync server, kept in device-local settings. */
import type { ChairsideDatabase } from '../db/collections';
import { getSetting, putSetting } from '../db/repositories/settings';
import { enroll, type ApiClient } from './api';

const KEY = 'syncEnrollment';

export interface Enrollment {
  baseUrl: string;
  token: string;
  serverDeviceId: string;
  orgId: string;
  locationIds: string[];
  deviceName: string;
}

export async function readEnrollment(db: ChairsideDatabase): Promise<Enrollment | null> {
  const raw = await getSetting(db, KEY);
  return typeof raw === 'string' ? (JSON.parse(raw) as Enrollment) : null;
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
  await putSetting(db, KEY, JSON.stringify(enrollment));
  return enrollment;
}

/** Forgets the token; unsynced events stay on the tablet for the next enrollment. */
export async function forgetEnrollment(db: ChairsideDatabase): Promise<void> {
  await putSetting(db, KEY, null);
}
