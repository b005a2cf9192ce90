// Talking to the sync server from the test process as another device would: make enrollment
// codes with the admin token, enroll a headless "device", push its ledger events. Used when a
// browser test needs data to arrive on the tablet the way sync delivers it.
import type { Page } from 'playwright-core';
import { PROTOCOL_VERSION } from '../../../src/domain/sync/wire';
import type { LedgerEvent } from '../../../src/domain/model';
import { clickTestId } from './app';
import { byTestId, demoStaff, signIn } from './treat';

export interface RemoteDevice {
  deviceId: string;
  token: string;
  orgId: string;
}

export async function enrollCode(url: string, adminToken: string, locationIds: string[]): Promise<string> {
  const response = await fetch(`${url}/api/v1/admin/enroll-codes`, {
    method: 'POST',
    headers: { authorization: `Bearer ${adminToken}`, 'content-type': 'application/json' },
    body: JSON.stringify({ locationIds }),
  });
  if (response.status !== 201) throw new Error(`enroll-codes answered HTTP ${response.status}`);
  return ((await response.json()) as { code: string }).code;
}

/** Enrolls a device without a browser (the test process plays it). */
export async function enrollDevice(
  url: string,
  adminToken: string,
  locationIds: string[],
  deviceName: string,
): Promise<RemoteDevice> {
  const code = await enrollCode(url, adminToken, locationIds);
  const response = await fetch(`${url}/api/v1/devices/enroll`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ code, deviceName }),
  });
  if (response.status !== 201) throw new Error(`enroll answered HTTP ${response.status}`);
  return (await response.json()) as RemoteDevice;
}

export async function pushEvents(url: string, device: RemoteDevice, events: LedgerEvent[]): Promise<void> {
  const response = await fetch(`${url}/api/v1/events/push`, {
    method: 'POST',
    headers: {
      authorization: `Bearer ${device.token}`,
      'x-chairside-protocol': String(PROTOCOL_VERSION),
      'content-type': 'application/json',
    },
    body: JSON.stringify({ events }),
  });
  if (response.status !== 200)
    throw new Error(`push answered HTTP ${response.status}: ${await response.text()}`);
}

/**
 * Settings → Sync on a tablet that holds the demo clinic: connecting is for managers and admins
 * (SPEC [R4]), so the demo admin signs in, types a fresh code, waits until the tablet says it is
 * enrolled, and hands the tablet back (Switch).
 */
export async function enrollTablet(
  page: Page,
  url: string,
  adminToken: string,
  locationIds: string[],
  name: string,
): Promise<void> {
  const code = await enrollCode(url, adminToken, locationIds);
  await signIn(page, demoStaff('Morgan Lee'));
  await clickTestId(page, 'nav-settings');
  await byTestId(page, 'enroll-code').fill(code);
  await byTestId(page, 'enroll-name').fill(name);
  await clickTestId(page, 'enroll-submit');
  await byTestId(page, 'sync-enrolled').waitFor({ timeout: 30_000 });
  await clickTestId(page, 'switch-staff');
}

/**
 * The documents of one RxDB collection as stored in the page's IndexedDB, read directly (not
 * through the app). Couples to RxDB's Dexie layout: database
 * `rxdb-dexie-chairside--<schemaVersion>--<collection>`, object store `docs`.
 */
export async function storedDocs<T>(page: Page, collection: string, schemaVersion: number): Promise<T[]> {
  return page.evaluate(
    (name) =>
      new Promise<T[]>((resolve, reject) => {
        const request = indexedDB.open(name);
        request.onerror = () => reject(new Error(`cannot open ${name}: ${String(request.error)}`));
        request.onsuccess = () => {
          const idb = request.result;
          if (!idb.objectStoreNames.contains('docs')) {
            idb.close();
            return resolve([]);
          }
          const read = idb.transaction('docs', 'readonly').objectStore('docs').getAll();
          read.onsuccess = () => {
            idb.close();
            resolve(read.result as T[]);
          };
          read.onerror = () => reject(new Error(String(read.error)));
        };
      }),
    `rxdb-dexie-chairside--${schemaVersion}--${collection}`,
  );
}
