import { describe, expect, it } from 'vitest';
import { validateEvent } from '../ledger/rules';
import { BOTOX, makeContainer, makeLot } from './fixtures';
import { beyondUseLeftovers, leftoverWasteEvent } from './leftovers';

const lots = [makeLot({ id: 'A' }), makeLot({ id: 'D', productId: 'prod-dysport' })];
const containers = [
  makeContainer({
    containerId: 'old',
    lotId: 'A',
    openedAt: '2025-03-01T09:00:00.000Z',
    remainingMilli: 30_000,
  }),
  makeContainer({
    containerId: 'older',
    lotId: 'A',
    openedAt: '2025-03-01T08:00:00.000Z',
    remainingMilli: 5_000,
  }),
  makeContainer({
    containerId: 'used-up',
    lotId: 'A',
    openedAt: '2025-03-01T08:00:00.000Z',
    remainingMilli: 0,
  }),
  makeContainer({ containerId: 'fresh', lotId: 'A', openedAt: '2025-03-02T08:00:00.000Z' }),
  makeContainer({ containerId: 'dysport', lotId: 'D', openedAt: '2025-03-01T08:00:00.000Z' }),
  makeContainer({
    containerId: 'harbor',
    lotId: 'A',
    locationId: 'loc-harbor',
    openedAt: '2025-03-01T07:00:00.000Z',
  }),
];

describe('beyondUseLeftovers', () => {
  it('[F4] lists this product’s containers past beyond-use with something left, oldest first', () => {
    const nowMs = Date.parse('2025-03-02T09:00:00.001Z');
    const leftovers = beyondUseLeftovers({ product: BOTOX, lots, containers, nowMs, locationId: 'loc-main' });
    expect(leftovers.map((l) => [l.containerId, l.remainingMilli])).toEqual([
      ['older', 5_000],
      ['old', 30_000],
    ]);
    expect(beyondUseLeftovers({ product: BOTOX, lots, containers, nowMs }).map((l) => l.containerId)).toEqual(
      ['harbor', 'older', 'old'],
    );
    const atLimit = Date.parse('2025-03-02T09:00:00.000Z');
    expect(
      beyondUseLeftovers({ product: BOTOX, lots, containers, nowMs: atLimit, locationId: 'loc-main' }),
    ).toHaveLength(1);
  });

  it('[F4] a product without a beyond-use limit never has leftovers', () => {
    const product = { ...BOTOX, beyondUseHours: null };
    expect(
      beyondUseLeftovers({ product, lots, containers, nowMs: Date.parse('2030-01-01T00:00:00Z') }),
    ).toEqual([]);
  });

  it('[F4][L6] the leftover becomes a valid waste event that empties the container', () => {
    const [first] = beyondUseLeftovers({
      product: BOTOX,
      lots,
      containers,
      nowMs: Date.parse('2025-03-03T00:00:00Z'),
      locationId: 'loc-main',
    });
    if (!first) throw new Error('expected a leftover');
    const waste = leftoverWasteEvent(first, {
      id: 'w1',
      orgId: 'org-1',
      actorId: 'staff-1',
      deviceId: 'tablet-1',
      deviceTime: '2025-03-03T00:00:00.000Z',
    });
    expect(waste).toMatchObject({
      type: 'waste',
      quantityMilli: -5_000,
      containerId: 'older',
      lotId: 'A',
      payload: { reason: 'beyond_use_leftover' },
    });
    expect(validateEvent(waste)).toEqual({ ok: true });
  });
});
