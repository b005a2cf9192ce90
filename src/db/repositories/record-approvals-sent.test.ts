import { afterEach, describe, expect, it } from 'vitest';
import type { ChairsideDatabase } from '../collections';
import { openTestDatabase } from '../testing';
import { approvalsOf, forgetApprovals, noteApprovals } from './record-approvals';

const open: ChairsideDatabase[] = [];
afterEach(async () => Promise.all(open.splice(0).map((db) => db.close())));

describe('record approvals kept until their push is answered [A5]', () => {
  it('[S34] an answer forgets only the proofs its push carried; a later edit’s proof stays for the next push', async () => {
    const { db } = await openTestDatabase();
    open.push(db);
    await noteApprovals(db, 'lots', [
      { id: 'lot-1', approval: { by: 'manager', fields: ['status'], proof: 'first' } },
    ]);
    const sent = await approvalsOf(db, 'lots', ['lot-1']);
    // The manager edits the lot again while the first push is on its way.
    await noteApprovals(db, 'lots', [
      { id: 'lot-1', approval: { by: 'manager', fields: ['status'], proof: 'second' } },
    ]);
    await forgetApprovals(db, 'lots', ['lot-1'], sent);
    expect((await approvalsOf(db, 'lots', ['lot-1'])).get('lot-1')).toEqual({
      by: 'manager',
      fields: ['status'],
      proof: 'second',
    });
    await forgetApprovals(db, 'lots', ['lot-1'], await approvalsOf(db, 'lots', ['lot-1']));
    expect((await approvalsOf(db, 'lots', ['lot-1'])).size).toBe(0);
  });
});
