import { describe, expect, it } from 'vitest';
import { makeCorrection } from './correction';
import { makeEvent } from './fixtures';
import { isValidEvent, validateCorrection, validateEvent } from './rules';
import type { FieldError, ValidationResult } from './rules';
import type { LedgerEvent } from '../model';

function fields(result: ValidationResult): string[] {
  return result.ok ? [] : result.errors.map((e: FieldError) => e.field);
}

const undo = (original: LedgerEvent): LedgerEvent =>
  makeCorrection(original, {
    id: 'fix-1',
    actorId: 'staff-2',
    deviceId: 'tablet-2',
    deviceTime: '2025-03-01T16:00:00.000Z',
    reason: 'entered twice',
  });

describe('validateEvent', () => {
  it('[L6] accepts the fixture default of every type', () => {
    for (const type of [
      'receive',
      'draw',
      'waste',
      'adjust',
      'transfer_out',
      'transfer_in',
      'open',
      'count',
    ] as const) {
      expect(validateEvent(makeEvent({ type })), type).toEqual({ ok: true });
    }
  });

  it.each([
    ['receive', 0],
    ['receive', -1],
    ['draw', 40_000],
    ['draw', 0],
    ['waste', 1],
    ['transfer_out', 5],
    ['transfer_in', -5],
    ['adjust', 0],
    ['open', 1],
    ['count', -1],
  ] as const)('[L4] rejects a %s of %d (wrong sign)', (type, quantityMilli) => {
    expect(fields(validateEvent(makeEvent({ type, quantityMilli })))).toEqual(['quantityMilli']);
  });

  it('[L4] adjust goes either way', () => {
    expect(validateEvent(makeEvent({ type: 'adjust', quantityMilli: 2_000 })).ok).toBe(true);
    expect(validateEvent(makeEvent({ type: 'adjust', quantityMilli: -2_000 })).ok).toBe(true);
  });

  it('[Q1] rejects fractional and unsafe quantities', () => {
    expect(fields(validateEvent(makeEvent({ quantityMilli: 1.5 })))).toEqual(['quantityMilli']);
    expect(fields(validateEvent(makeEvent({ quantityMilli: 2 ** 53 })))).toEqual(['quantityMilli']);
    expect(fields(validateEvent(makeEvent({ quantityMilli: Number.NaN })))).toEqual(['quantityMilli']);
  });

  it('[L6] a draw needs a visit', () => {
    expect(fields(validateEvent(makeEvent({ type: 'draw', visitId: null })))).toEqual(['visitId']);
  });

  it('[L6] waste needs a reason from WASTE_REASONS', () => {
    expect(fields(validateEvent(makeEvent({ type: 'waste', payload: {} })))).toEqual(['payload.reason']);
    expect(fields(validateEvent(makeEvent({ type: 'waste', payload: { reason: 'oops' } })))).toEqual([
      'payload.reason',
    ]);
    expect(validateEvent(makeEvent({ type: 'waste', payload: { reason: 'beyond_use_leftover' } })).ok).toBe(
      true,
    );
  });

  it('[L6] adjust needs a reason', () => {
    expect(fields(validateEvent(makeEvent({ type: 'adjust', payload: { reason: '  ' } })))).toEqual([
      'payload.reason',
    ]);
  });

  it('[L8] open: capacity above 0 and containerId = its own id', () => {
    expect(fields(validateEvent(makeEvent({ type: 'open', payload: { capacityMilli: 0 } })))).toEqual([
      'payload.capacityMilli',
    ]);
    expect(fields(validateEvent(makeEvent({ type: 'open', id: 'o1', containerId: 'o2' })))).toEqual([
      'containerId',
    ]);
    expect(fields(validateEvent(makeEvent({ type: 'open', id: 'o1', containerId: null })))).toEqual([
      'containerId',
    ]);
  });

  it('[L6] count records countedMilli ≥ 0', () => {
    expect(fields(validateEvent(makeEvent({ type: 'count', payload: { countedMilli: -1 } })))).toEqual([
      'payload.countedMilli',
    ]);
    expect(validateEvent(makeEvent({ type: 'count', payload: { countedMilli: 0 } })).ok).toBe(true);
  });

  it('[L6] transfers name a different location', () => {
    const out = makeEvent({ type: 'transfer_out', payload: { toLocationId: 'loc-main' } });
    expect(fields(validateEvent(out))).toEqual(['payload.toLocationId']);
    expect(fields(validateEvent(makeEvent({ type: 'transfer_in', payload: {} })))).toEqual([
      'payload.fromLocationId',
    ]);
  });

  it('[L6] reports every shape problem of wire JSON, each by field', () => {
    const json = {
      ...makeEvent(),
      id: '',
      type: 'steal',
      deviceTime: '2025-03-01 10:00',
      payload: { x: [1] },
    };
    expect(fields(validateEvent(json)).sort()).toEqual(['deviceTime', 'id', 'payload.x', 'type']);
    expect(fields(validateEvent(null))).toEqual(['']);
    expect(fields(validateEvent({}))).toContain('orgId');
    expect(isValidEvent(json)).toBe(false);
    expect(isValidEvent(makeEvent())).toBe(true);
  });

  it('[L6] an event cannot correct itself', () => {
    expect(fields(validateEvent({ ...makeEvent({ id: 'a' }), correctsId: 'a' }))).toContain('correctsId');
  });
});

describe('corrections', () => {
  it('[L5] makeCorrection mirrors the original with the opposite quantity', () => {
    const draw = makeEvent({ type: 'draw', id: 'd1', quantityMilli: -40_000, containerId: 'o1' });
    const fix = undo(draw);
    expect(fix).toMatchObject({
      id: 'fix-1',
      type: 'draw',
      quantityMilli: 40_000,
      correctsId: 'd1',
      visitId: draw.visitId,
      containerId: 'o1',
      lotId: draw.lotId,
      locationId: draw.locationId,
      actorId: 'staff-2',
      payload: { reason: 'entered twice' },
    });
    expect(validateEvent(fix)).toEqual({ ok: true });
    expect(validateCorrection(fix, draw)).toEqual({ ok: true });
  });

  it('[L5] every type has a valid correction; an open correction names the voided container', () => {
    for (const type of [
      'receive',
      'draw',
      'waste',
      'adjust',
      'transfer_out',
      'transfer_in',
      'open',
      'count',
    ] as const) {
      const fix = undo(makeEvent({ type }));
      expect(validateEvent(fix), type).toEqual({ ok: true });
      expect(Object.is(fix.quantityMilli, -0), type).toBe(false);
    }
  });

  it('[L5] a correction keeps the opposite sign and needs a reason', () => {
    const draw = makeEvent({ type: 'draw' });
    expect(fields(validateEvent({ ...undo(draw), quantityMilli: -40_000 }))).toEqual(['quantityMilli']);
    expect(fields(validateEvent({ ...undo(draw), payload: {} }))).toEqual(['payload.reason']);
  });

  it('[L5] validateCorrection names what does not mirror the original', () => {
    const draw = makeEvent({ type: 'draw', id: 'd1' });
    const bad = { ...undo(draw), lotId: 'lot-2', quantityMilli: 30_000, correctsId: 'd2' };
    expect(fields(validateCorrection(bad, draw)).sort()).toEqual(['correctsId', 'lotId', 'quantityMilli']);
  });
});
