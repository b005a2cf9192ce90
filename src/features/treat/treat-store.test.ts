// @vitest-environment jsdom
import { beforeEach, describe, expect, it } from 'vitest';
import { useTreat, type QueuedLine } from './treat-store';

const line = (id: string, productId: string): QueuedLine => ({
  id,
  templateName: 'Full face',
  productId,
  chartedMilli: 1_000,
});

describe('the template queue of the open visit ([TT2])', () => {
  beforeEach(() => useTreat.getState().openVisit('visit-1', 'staff-1'));

  it('[TT2] chooses each queued line’s product in turn, and keeps the last product once done', () => {
    const store = useTreat.getState();
    store.queueTemplate([line('a', 'botox'), line('b', 'juvederm')]);
    expect(useTreat.getState().productId).toBe('botox');
    useTreat.getState().finishQueued('a');
    expect(useTreat.getState()).toMatchObject({ productId: 'juvederm', queue: [line('b', 'juvederm')] });
    useTreat.getState().finishQueued('b');
    expect(useTreat.getState()).toMatchObject({ productId: 'juvederm', queue: [] });
  });

  it('[TT2] a new visit or closing this one leaves no queued draw behind', () => {
    useTreat.getState().queueTemplate([line('a', 'botox')]);
    useTreat.getState().openVisit('visit-2', 'staff-1');
    expect(useTreat.getState().queue).toEqual([]);
    useTreat.getState().queueTemplate([line('a', 'botox')]);
    useTreat.getState().closeVisit();
    expect(useTreat.getState().queue).toEqual([]);
  });
});
