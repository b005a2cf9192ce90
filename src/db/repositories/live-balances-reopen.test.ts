import { afterEach, describe, expect, it } from 'vitest';
import type { ChairsideDatabase } from '../collections';
import { loadDemoClinic } from '../demo';
import { openTestDatabase, reopenTestDatabase } from '../testing';
import { currentBalances } from './balances';

const open: ChairsideDatabase[] = [];
afterEach(async () => Promise.all(open.splice(0).map((db) => (db.closed ? undefined : db.close()))));

describe('balances after a reopen with no snapshot written', () => {
  it('[S31][L11] are ready with their lots’ products, so the first FEFO lookup after a crash finds the lots', async () => {
    const opened = await openTestDatabase();
    open.push(opened.db);
    await loadDemoClinic(opened.db, { today: '2026-12-02', hashPin: async (p) => `test$${p}` });
    // Closed before the snapshot writer ran (as a tablet killed within seconds of its work).
    const again = await reopenTestDatabase(opened);
    open.push(again.db);
    const balances = await currentBalances(again.db);
    expect(balances.length).toBeGreaterThan(0);
    expect(balances.filter((b) => b.productId === '')).toEqual([]);
  });
});
