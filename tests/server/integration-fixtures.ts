/**
 * Shared pieces of the integration API contract suites (integration-contract.ts,
 * integration-recall-contract.ts): demo lots and GTIN, event builders, a harness per test.
 */
import { randomUUID } from 'node:crypto';
import type { LightMyRequestResponse } from 'fastify';
import { afterEach, expect } from 'vitest';
import { DEMO_IDS } from '../../src/domain/demo/clinic';
import type { LedgerEvent } from '../../src/domain/model';
import type { StoreBackend } from './backends';
import { deviceHeaders, LOTS, serverEvent, STAFF, startHarness } from './sync-harness';
import type { Device, Harness } from './sync-harness';

export const BOTOX_LOT = LOTS[0] ?? ''; // C8123AC4, $6.50/U, 100 U at Main
export const JUVEDERM_LOT = LOTS[3] ?? ''; // V20LA81402, $310/mL, 4 mL at Main, 2 mL at Harbor
export const SATELLITE = DEMO_IDS.satelliteLocation;
export const BOTOX_GTIN = '00099000000011';

/** A draw of `quantityMilli` (positive: what the patient received) by the demo injector. */
export function draw(
  visitId: string,
  lotId: string,
  quantityMilli: number,
  extra: Partial<LedgerEvent> = {},
) {
  return serverEvent({
    type: 'draw',
    lotId,
    quantityMilli: -quantityMilli,
    actorId: STAFF.injector,
    visitId,
    payload: {},
    ...extra,
  });
}

/** The correction that undoes `original` ([L5]). */
export function undo(original: LedgerEvent): LedgerEvent {
  return serverEvent({
    ...original,
    id: randomUUID(),
    quantityMilli: -original.quantityMilli,
    correctsId: original.id,
    payload: { reason: 'entered twice' },
  });
}

export interface IntegrationKit {
  harness(): Promise<Harness>;
  /** GET with the device's headers; without a device, only the protocol header. */
  get(h: Harness, device: Device | null, url: string): Promise<LightMyRequestResponse>;
  pushOk(h: Harness, device: Device, events: LedgerEvent[]): Promise<void>;
}

/** Call inside a describe: fresh harnesses per test, closed after each. */
export function integrationKit(backend: StoreBackend): IntegrationKit {
  const harnesses: Harness[] = [];
  afterEach(async () => {
    await Promise.all(harnesses.splice(0).map((h) => h.close()));
  });
  return {
    async harness() {
      const h = await startHarness(await backend.createDatabase());
      harnesses.push(h);
      return h;
    },
    get: (h, device, url) =>
      h.app.inject({
        method: 'GET',
        url,
        headers: device ? deviceHeaders(device.token) : { 'x-chairside-protocol': '1' },
      }),
    async pushOk(h, device, events) {
      const res = await h.push(device, events);
      expect(res.statusCode, res.body).toBe(200);
    },
  };
}
