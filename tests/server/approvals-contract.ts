/**
 * Who did it must be proven (SPEC [A2], [A4]-[A9]; issue #11 "High"), on every backend: a device token
 * alone cannot act as a manager, edit staff, or freeze a field with its clock.
 */
import { describe, expect, it } from 'vitest';
import { formatHlc, lotIdFor } from '../../src/domain/replica';
import { ADMIN_ONLY_REASON, CLAMPED_NODE } from '../../sync-server/src/services/record-plan';
import type { StoreBackend } from './backends';
import {
  BOTOX,
  clock,
  created,
  edited,
  lotData,
  harnessPerTest,
  newId,
  NOW,
  pulledOne,
  pushRecords,
  putStaff,
  withApproval,
} from './records-fixtures';
import { approved, deviceHeaders, LOTS, ORG, serverEvent, STAFF } from './sync-harness';

const CASEY_PIN = '369024';

export function defineApprovalsContract(backend: StoreBackend): void {
  describe(`proven approvals (${backend.kind})`, () => {
    const harness = harnessPerTest(backend);

    it('[A5] an adjust claiming the manager is refused without the manager’s proof, with another’s, or for another event', async () => {
      const h = await harness();
      const device = await h.enroll();
      const adjust = serverEvent({ type: 'adjust', quantityMilli: -5_000, payload: { reason: 'damage' } });
      const bare = await h.push(device, [adjust]);
      expect(bare.statusCode).toBe(403);
      expect(bare.json()).toMatchObject({
        rejected: [{ id: adjust.id, reason: expect.stringMatching(/proven approval/) }],
      });
      // The injector's own valid PIN makes a proof, but not Casey's.
      const byPriya = await approved(adjust, STAFF.manager, '1357');
      expect((await h.push(device, [byPriya])).json()).toMatchObject({
        rejected: [{ reason: `the approval by ${STAFF.manager} could not be verified` }],
      });
      const proofOfOther = (await approved({ ...adjust, quantityMilli: -1_000 }, STAFF.manager)).payload;
      expect((await h.push(device, [{ ...adjust, payload: proofOfOther }])).statusCode).toBe(403);
      expect((await h.push(device, [await approved(adjust, STAFF.manager)])).json()).toMatchObject({
        accepted: [adjust.id],
      });
    });

    it('[A5] a draw from a blocked lot needs the named manager’s proof; an injector cannot approve', async () => {
      const h = await harness();
      const device = await h.enroll();
      const draw = serverEvent({
        type: 'draw',
        quantityMilli: -10_000,
        actorId: STAFF.injector,
        visitId: newId(),
        containerId: newId(),
        payload: { overrideBy: STAFF.manager, overriddenBlockers: 'expired' },
      });
      expect((await h.push(device, [draw])).statusCode).toBe(403);
      const self = { ...draw, id: newId(), payload: { ...draw.payload, overrideBy: STAFF.injector } };
      expect((await h.push(device, [await approved(self, STAFF.injector)])).json()).toMatchObject({
        rejected: [{ reason: 'an injector may not approve this' }],
      });
      expect((await h.push(device, [await approved(draw, STAFF.manager)])).statusCode).toBe(200);
    });

    it('[A7] five failed proofs lock a person’s approvals, even a right one, until the lock ends', async () => {
      const h = await harness();
      const device = await h.enroll();
      for (let i = 0; i < 5; i++) {
        const guess = serverEvent({ type: 'adjust', quantityMilli: -1_000, payload: { reason: 'r' } });
        await h.push(device, [await approved(guess, STAFF.manager, String(100_000 + i))]);
      }
      const right = serverEvent({ type: 'adjust', quantityMilli: -1_000, payload: { reason: 'r' } });
      expect((await h.push(device, [await approved(right, STAFF.manager)])).json()).toMatchObject({
        rejected: [{ reason: expect.stringMatching(/locked after repeated failed proofs/) }],
      });
    });

    it('[A8][A2] a device push setting a role or a PIN hash is 403 whoever it names; the admin API does it', async () => {
      const h = await harness();
      const device = await h.enroll();
      const priya = await pulledOne(h, device, 'staff', STAFF.injector);
      for (const change of [{ role: 'admin' }, { pinHash: 'pbkdf2-sha256$1$AAAA$AAAA' }]) {
        const res = await pushRecords(h, device, [edited(priya, change, clock(1), STAFF.admin)]);
        expect(res.json()).toEqual({
          error: 'forbidden',
          rejected: [{ kind: 'staff', id: priya.id, reason: ADMIN_ONLY_REASON }],
        });
      }
      expect((await pulledOne(h, device, 'staff', STAFF.injector)).data.role).toBe('injector');
      // The admin API, with the admin token.
      const body = { name: 'Priya Shah, RN', role: 'manager', locationIds: [] };
      const short = await putStaff(h, STAFF.injector, { ...body, pin: '1357' });
      expect(short.statusCode).toBe(400);
      expect(short.json()).toMatchObject({ field: 'pin', message: "a manager's PIN has at least 6 digits" });
      expect(
        (await putStaff(h, STAFF.injector, { ...body, pin: '135790' }, 'not-the-token')).statusCode,
      ).toBe(401);
      expect((await putStaff(h, STAFF.injector, { ...body, pin: '135790' })).statusCode).toBe(200);
      expect((await pulledOne(h, device, 'staff', STAFF.injector)).data.role).toBe('manager');
    });

    it('[A9] a person changes their own PIN online, with the old PIN checked by the server', async () => {
      const h = await harness();
      const device = await h.enroll();
      const change = (oldPin: string, newPin: string) =>
        h.app.inject({
          method: 'POST',
          url: `/api/v1/staff/${STAFF.manager}/pin`,
          headers: deviceHeaders(device.token),
          payload: { oldPin, newPin },
        });
      expect((await change('000000', '482915')).json()).toMatchObject({ field: 'oldPin' });
      expect((await change(CASEY_PIN, '4829')).json()).toMatchObject({ field: 'pin' });
      expect((await change(CASEY_PIN, '482915')).statusCode).toBe(200);
      // The new PIN's proofs verify; the old one's do not.
      const adjust = serverEvent({ type: 'adjust', quantityMilli: -1_000, payload: { reason: 'r' } });
      expect((await h.push(device, [await approved(adjust, STAFF.manager, CASEY_PIN)])).statusCode).toBe(403);
      const again = { ...adjust, id: newId() };
      expect((await h.push(device, [await approved(again, STAFF.manager, '482915')])).statusCode).toBe(200);
    });

    it('[A4] a clock-only change needs the permission a value change needs: an injector’s far-ahead re-send is not taken, so the manager’s recall a moment later wins', async () => {
      const h = await harness();
      const device = await h.enroll();
      const lot = await pulledOne(h, device, 'lots', LOTS[1] ?? '');
      const at = (ms: number, node: string) => formatHlc({ ms: NOW.getTime() + ms, counter: 0, node });
      const hours = (n: number) => n * 3_600_000;
      // Jordan (injector) re-sends the same status 23.9 h ahead: the server keeps its copy and
      // answers it, so the tablet can take it back.
      const base = edited(lot, {}, at(0, 'tablet-x'), STAFF.injector);
      const frozen = { ...base, clocks: { ...lot.clocks, status: at(hours(23.9), 'tablet-x') } };
      const answer = await pushRecords(h, device, [frozen]);
      expect(answer.json()).toEqual({
        changed: [],
        unchanged: [lot.id],
        clocksNotTaken: [{ kind: 'lots', id: lot.id, data: lot.data, clocks: lot.clocks }],
      });
      expect((await pulledOne(h, device, 'lots', lot.id)).clocks.status).toBe(lot.clocks.status);
      // The manager recalls it a second later by their clock: recalled everywhere.
      const recall = await withApproval(
        edited(lot, { status: 'recalled' }, at(1_000, 'tablet-m'), STAFF.manager),
      );
      expect((await pushRecords(h, device, [recall])).json()).toEqual({ changed: [lot.id], unchanged: [] });
      expect((await pulledOne(h, device, 'lots', lot.id)).data.status).toBe('recalled');
      // Lifting it needs a manager's proven edit. An injector's a day ahead is restamped and loses
      // to the later recall; two minutes ahead it would win, and is refused.
      const recalled = await pulledOne(h, device, 'lots', lot.id);
      const farLift = edited(recalled, { status: 'available' }, at(hours(23.9), 'tablet-x'), STAFF.injector);
      expect((await pushRecords(h, device, [farLift])).json()).toEqual({ changed: [], unchanged: [lot.id] });
      const nearLift = edited(recalled, { status: 'available' }, at(120_000, 'tablet-x'), STAFF.injector);
      expect((await pushRecords(h, device, [nearLift])).json()).toMatchObject({
        rejected: [{ reason: 'an injector may not change a lot' }],
      });
      // A manager's proven re-send of the same value, three minutes ahead: a clock-only change they
      // may make, so it is taken; the release after it goes through.
      const reSent = edited(recalled, {}, at(0, 'tablet-m'), STAFF.manager);
      const reRecall = await withApproval(
        { ...reSent, clocks: { ...recalled.clocks, status: at(180_000, 'tablet-m') } },
        undefined,
        ['status'],
      );
      expect((await pushRecords(h, device, [reRecall])).json()).toEqual({ changed: [lot.id], unchanged: [] });
      const stamped = await pulledOne(h, device, 'lots', lot.id);
      expect(stamped.clocks.status).toBe(at(180_000, 'tablet-m'));
      const release = await withApproval(
        edited(stamped, { status: 'available' }, at(200_000, 'tablet-m'), STAFF.manager),
      );
      expect((await pushRecords(h, device, [release])).json()).toEqual({ changed: [lot.id], unchanged: [] });
      expect((await pulledOne(h, device, 'lots', lot.id)).data.status).toBe('available');
      // A new lot made on a tablet whose clock is a day fast is stored at the server's time.
      const id = lotIdFor(ORG, BOTOX, 'FAST1');
      const fast = created(
        'lots',
        id,
        lotData({ lotNumber: 'FAST1' }),
        at(hours(23.9), 'tablet-x'),
        STAFF.injector,
      );
      expect((await pushRecords(h, device, [fast])).json()).toEqual({ changed: [id], unchanged: [] });
      const stored = await pulledOne(h, device, 'lots', id);
      expect(new Set(Object.values(stored.clocks))).toEqual(new Set([at(0, CLAMPED_NODE)]));
    });
  });
}
