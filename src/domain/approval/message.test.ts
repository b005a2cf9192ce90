import { describe, expect, it } from 'vitest';
import { makeEvent } from '../ledger/fixtures';
import { APPROVAL_BY, APPROVAL_PROOF, eventApprovalText, recordApprovalText } from './message';

describe('[A5] what an approval signs', () => {
  const adjust = makeEvent({
    id: 'e1',
    type: 'adjust',
    quantityMilli: -5_000,
    payload: { reason: 'damage' },
  });

  it('names every field of the event, and not the approval itself', () => {
    const text = eventApprovalText(adjust);
    expect(text.split('\n')[0]).toBe('chairside-approval-v1');
    expect(text).toContain('id="e1"');
    expect(text).toContain('quantityMilli=-5000');
    expect(text).toContain('payload.reason="damage"');
    const approved = {
      ...adjust,
      payload: { ...adjust.payload, [APPROVAL_BY]: 'casey', [APPROVAL_PROOF]: 'xyz' },
    };
    expect(eventApprovalText(approved)).toBe(text);
  });

  it('changes with any field, so a proof cannot be moved to another event', () => {
    const base = eventApprovalText(adjust);
    expect(eventApprovalText({ ...adjust, quantityMilli: -50_000 })).not.toBe(base);
    expect(eventApprovalText({ ...adjust, payload: { reason: 'damage', extra: 1 } })).not.toBe(base);
    // A value cannot smuggle a second line in: values are JSON-encoded.
    const sneaky = { ...adjust, payload: { reason: 'damage"\npayload.x="1' } };
    expect(eventApprovalText(sneaky).split('\n')).toHaveLength(base.split('\n').length);
  });

  it('binds the approved fields’ values and clocks, field order aside; other fields may change', () => {
    const edit = {
      kind: 'lots',
      id: 'l1',
      actorId: 'casey',
      data: { status: 'available', unitCostMicros: 6_500_000, expiry: '2027-01-31' },
      clocks: { unitCostMicros: 'c2', status: 'c1', expiry: 'c0' },
    };
    const text = recordApprovalText(edit, ['status', 'unitCostMicros']);
    expect(recordApprovalText(edit, ['unitCostMicros', 'status'])).toBe(text);
    expect(
      recordApprovalText({ ...edit, clocks: { ...edit.clocks, status: 'c3' } }, ['status', 'unitCostMicros']),
    ).not.toBe(text);
    expect(
      recordApprovalText({ ...edit, data: { ...edit.data, status: 'hold' } }, ['status', 'unitCostMicros']),
    ).not.toBe(text);
    const synced = {
      ...edit,
      data: { ...edit.data, expiry: '2027-02-28' },
      clocks: { ...edit.clocks, expiry: 'c9' },
    };
    expect(recordApprovalText(synced, ['status', 'unitCostMicros'])).toBe(text);
    expect(recordApprovalText(edit, ['status'])).not.toBe(text);
  });
});
