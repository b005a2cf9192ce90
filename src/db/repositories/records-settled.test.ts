import { afterEach, describe, expect, it } from 'vitest';
import { buildDemoClinic } from '../../domain/demo/clinic';
import { formatHlc, lotIdFor, type ReplicatedRecord } from '../../domain/replica';
import type { ChairsideDatabase } from '../collections';
import { openTestDatabase } from '../testing';
import { editedOn, mergePulledRecords, saveRecords, toReplicated, yieldAnsweredEdits } from './records';
import { settleRecordEdits } from './unsynced';

const T0 = Date.parse('2026-11-30T10:00:00.000Z');
const HOURS_3 = 3 * 3_600_000;
const clinic = buildDemoClinic('2026-11-30');
const botox = clinic.products[0]!;
const open: ChairsideDatabase[] = [];
afterEach(async () => Promise.all(open.splice(0).map((db) => db.close())));

const lot = {
  id: lotIdFor(clinic.organization.id, botox.id, 'F100'),
  orgId: clinic.organization.id,
  productId: botox.id,
  lotNumber: 'F100',
  expiry: '2027-06-30',
  unitCostMicros: 6_500_000,
  status: 'hold' as const,
};
/** This tablet's clock is 3 hours fast. */
const fast = { deviceId: 'tablet-fast', actorId: clinic.staff[1]!.id, nowMs: T0 + HOURS_3 };
const clamp = formatHlc({ ms: T0, counter: 0, node: 'server-clamp' });

async function editedWithFastClock(): Promise<{ db: ChairsideDatabase; local: ReplicatedRecord }> {
  const { db } = await openTestDatabase();
  open.push(db);
  await saveRecords(db, 'lots', [lot], fast);
  const local = toReplicated((await db.lots.findOne(lot.id).exec())!.toMutableJSON());
  return { db, local };
}

/** The server's copy after [A4]: every clock of the fast tablet restamped to the server's time. */
function restamped(local: ReplicatedRecord): ReplicatedRecord {
  return { ...local, clocks: Object.fromEntries(Object.keys(local.clocks).map((f) => [f, clamp])) };
}

describe('a settled edit yields to the server copy [S35]', () => {
  it('[S35] an answered edit made with a fast clock takes the server’s restamped clocks, so the copies converge', async () => {
    const { db, local } = await editedWithFastClock();
    await settleRecordEdits(db, 'lots', [local]);
    await mergePulledRecords(db, 'lots', [restamped(local)], { deviceId: fast.deviceId, nowMs: fast.nowMs });
    const after = (await db.lots.findOne(lot.id).exec())!.toMutableJSON();
    expect(toReplicated(after)).toEqual(restamped(local));
    expect(editedOn(after, fast.deviceId)).toBe(false);
  });

  it('[S35] a manager’s later recall from another tablet wins over an answered fast-clock edit', async () => {
    const { db, local } = await editedWithFastClock();
    await settleRecordEdits(db, 'lots', [local]);
    const server = restamped(local);
    const recall: ReplicatedRecord = {
      ...server,
      data: { ...server.data, status: 'recalled' },
      clocks: { ...server.clocks, status: formatHlc({ ms: T0 + 300_000, counter: 0, node: 'tablet-b' }) },
    };
    await mergePulledRecords(db, 'lots', [recall], { deviceId: fast.deviceId, nowMs: fast.nowMs });
    expect((await db.lots.findOne(lot.id).exec())!.status).toBe('recalled');
  });

  it('[S35] an edit no server has answered yet keeps its clock: a pulled copy never drops unsent work', async () => {
    const { db, local } = await editedWithFastClock();
    const older = { ...restamped(local), data: { ...local.data, status: 'available' } };
    await mergePulledRecords(db, 'lots', [older], { deviceId: fast.deviceId, nowMs: fast.nowMs });
    const after = (await db.lots.findOne(lot.id).exec())!.toMutableJSON();
    expect(after.status).toBe('hold');
    expect(after.clocks).toEqual(local.clocks);
  });

  it('[S35] a server copy pulled before the push was answered wins once the answer arrives', async () => {
    const { db, local } = await editedWithFastClock();
    // The stream's pull overtakes the push's answer: the edit is still unanswered here.
    await mergePulledRecords(db, 'lots', [restamped(local)], { deviceId: fast.deviceId, nowMs: fast.nowMs });
    expect((await db.lots.findOne(lot.id).exec())!.clocks).toEqual(local.clocks);
    await settleRecordEdits(db, 'lots', [local]);
    await yieldAnsweredEdits(db, 'lots', [lot.id], fast.deviceId);
    expect(toReplicated((await db.lots.findOne(lot.id).exec())!.toMutableJSON())).toEqual(restamped(local));
  });
});
