import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { makeCorrection } from '../ledger/correction';
import { makeEvent } from '../ledger/fixtures';
import { lineCostCents } from '../money';
import type { Lot, Visit } from '../model';
import { visitSummary } from './visit';

const lot: Lot = {
  id: 'lot-1',
  orgId: 'org-1',
  productId: 'p1',
  lotNumber: 'L1',
  expiry: '2026-01-01',
  unitCostMicros: 0,
  status: 'available',
};
const visit = { id: 'v1', priceChargedCents: null } as Visit;

describe('visitSummary properties', () => {
  const draws = fc.array(fc.integer({ min: 1, max: 1_000_000 }), { maxLength: 20 });
  const cost = fc.integer({ min: 0, max: 500_000_000 });

  it('[C1] COGS = Σ half-even line costs, and correcting every draw nets to 0', () => {
    fc.assert(
      fc.property(draws, cost, fc.boolean(), (quantities, unitCostMicros, correctAll) => {
        const events = quantities.map((q) => makeEvent({ type: 'draw', visitId: 'v1', quantityMilli: -q }));
        const fixes = events.map((e) =>
          makeCorrection(e, {
            id: `fix-${e.id}`,
            actorId: 'a',
            deviceId: 'd',
            deviceTime: e.deviceTime,
            reason: 'r',
          }),
        );
        const lots = { 'lot-1': { ...lot, unitCostMicros } };
        const s = visitSummary({
          visit,
          events: correctAll ? [...events, ...fixes] : events,
          lots,
          products: {},
        });
        const expected = quantities.reduce((sum, q) => sum + lineCostCents(q, unitCostMicros), 0);
        expect(s.cogsCents).toBe(correctAll ? 0 : expected);
        expect(s.lines.reduce((sum, l) => sum + l.costCents, 0)).toBe(s.cogsCents);
      }),
    );
  });
});
