import { describe, expect, it } from 'vitest';
import { BOTOX } from '../fefo/fixtures';
import type { Candidate } from '../fefo/rank';
import { reduceLedger } from '../ledger/reducer';
import { validateEvent } from '../ledger/rules';
import type { Visit } from '../model';
import { buildDrawEvents, checkDraw, type DrawRequest } from './draw';

const visit: Visit = {
  id: 'visit-1',
  orgId: 'org-1',
  locationId: 'loc-main',
  patientChartRef: 'CH-1001',
  providerId: 'staff-1',
  treatmentAreas: ['Glabella'],
  priceChargedCents: 52_000,
  startedAt: '2026-11-23T15:00:00.000Z',
  deviceId: 'tablet-1',
};

function candidate(overrides: Partial<Candidate> = {}): Candidate {
  return {
    kind: 'lot',
    lotId: 'lot-1',
    containerId: null,
    lotNumber: 'C8123',
    expiry: '2027-01-01',
    availableMilli: 300_000,
    blockers: [],
    overridable: false,
    openedAt: null,
    useByMs: 0,
    ...overrides,
  };
}

function request(overrides: Partial<DrawRequest> = {}): DrawRequest {
  let n = 0;
  return {
    product: BOTOX,
    visit,
    candidate: candidate(),
    quantityMilli: 40_000,
    actorId: 'staff-1',
    deviceId: 'tablet-1',
    deviceTime: '2026-11-23T15:05:00.000Z',
    newId: () => `id-${++n}`,
    deviationReason: null,
    override: null,
    ...overrides,
  };
}

describe('draw events', () => {
  it('[T1] a draw from an unopened lot opens a container, then draws from it', () => {
    const events = buildDrawEvents(request());
    expect(events.map((e) => [e.type, e.quantityMilli, e.containerId])).toEqual([
      ['open', 0, 'id-1'],
      ['draw', -40_000, 'id-1'],
    ]);
    for (const e of events) expect(validateEvent(e)).toEqual({ ok: true });
    const container = reduceLedger(events).containers.get('id-1');
    expect(container?.remainingMilli).toBe(BOTOX.containerSizeMilli - 40_000);
  });

  it('[T1] a draw from an opened container is a single draw event', () => {
    const events = buildDrawEvents(
      request({ candidate: candidate({ kind: 'container', containerId: 'vial-9', availableMilli: 60_000 }) }),
    );
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({
      type: 'draw',
      containerId: 'vial-9',
      visitId: 'visit-1',
      quantityMilli: -40_000,
    });
  });

  it('[TT2] a draw pre-filled by a template keeps the charted amount beside what was drawn; others carry none', () => {
    const [, draw] = buildDrawEvents(request({ quantityMilli: 22_000, chartedMilli: 20_000 }));
    expect(draw).toMatchObject({ quantityMilli: -22_000, payload: { chartedMilli: 20_000 } });
    expect(validateEvent(draw)).toEqual({ ok: true });
    const [, plain] = buildDrawEvents(request());
    expect(plain?.payload).not.toHaveProperty('chartedMilli');
  });

  it('[F5] records the FEFO deviation reason and a manager override on the draw', () => {
    const [, draw] = buildDrawEvents(
      request({
        deviationReason: 'patient_preference',
        override: { managerId: 'mgr-1', blockers: ['expired'] },
      }),
    );
    expect(draw?.payload).toEqual({
      fefoDeviationReason: 'patient_preference',
      overrideBy: 'mgr-1',
      overriddenBlockers: 'expired',
    });
  });

  it('[F5] checkDraw: amount, capacity, blockers and the deviation reason', () => {
    expect(checkDraw(request({ quantityMilli: 0 }), false, null)?.code).toBe('not_positive');
    expect(checkDraw(request({ quantityMilli: 120_000 }), false, null)).toMatchObject({
      code: 'exceeds_available',
      availableMilli: 100_000,
    });
    const expired = candidate({ blockers: ['expired'], overridable: true });
    expect(checkDraw(request({ candidate: expired }), false, null)?.code).toBe('blocked');
    expect(
      checkDraw(
        request({ candidate: expired, override: { managerId: 'm', blockers: ['expired'] } }),
        false,
        null,
      ),
    ).toBeNull();
    const beyondUse = candidate({
      kind: 'container',
      containerId: 'c',
      blockers: ['beyond_use'],
      overridable: false,
    });
    expect(
      checkDraw(
        request({ candidate: beyondUse, override: { managerId: 'm', blockers: ['beyond_use'] } }),
        false,
        null,
      )?.code,
    ).toBe('blocked');
    expect(checkDraw(request(), true, null)?.code).toBe('reason_required');
    expect(checkDraw(request(), true, 'patient_preference')).toBeNull();
    expect(checkDraw(request(), true, 'other', '')).toMatchObject({
      code: 'reason_required',
      message: 'Say why in a few words.',
    });
    expect(checkDraw(request(), true, 'other', 'fridge door stuck')).toBeNull();
  });

  it('[F5] keeps the words given with "Other" on the draw', () => {
    const [, draw] = buildDrawEvents(
      request({ deviationReason: 'other', deviationNote: 'fridge door stuck' }),
    );
    expect(draw?.payload).toEqual({ fefoDeviationReason: 'other', fefoDeviationNote: 'fridge door stuck' });
  });
});
