import { describe, expect, it } from 'vitest';
import { makeEvent } from '../ledger/fixtures';
import { eventApprover, fieldsNeedingApproval } from './required';

describe('[A5] what needs a proven approval', () => {
  it('every adjust by its actor, and a draw from a blocked lot by the manager named on it', () => {
    expect(eventApprover(makeEvent({ type: 'adjust', actorId: 'casey', payload: { reason: 'x' } }))).toEqual({
      staffId: 'casey',
      action: 'adjust',
    });
    const override = makeEvent({
      type: 'draw',
      actorId: 'priya',
      quantityMilli: -1,
      payload: { overrideBy: 'casey' },
    });
    expect(eventApprover(override)).toEqual({ staffId: 'casey', action: 'override_block' });
    expect(eventApprover(makeEvent({ type: 'draw', quantityMilli: -1 }))).toBeNull();
    expect(eventApprover(makeEvent({ type: 'receive' }))).toBeNull();
  });

  it('a lot’s status or cost, a product’s price — not its other fields', () => {
    expect(fieldsNeedingApproval('lots', ['status', 'expiry'])).toEqual(['status']);
    expect(fieldsNeedingApproval('lots', ['unitCostMicros'])).toEqual(['unitCostMicros']);
    expect(fieldsNeedingApproval('products', ['name', 'patientPricePerUnitCents'])).toEqual([
      'patientPricePerUnitCents',
    ]);
    expect(fieldsNeedingApproval('visits', ['priceChargedCents'])).toEqual([]);
  });
});
