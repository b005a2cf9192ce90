/**
 * Carton serials are received once (SPEC [RC8]) on every backend: a second receive of a product's
 * serial — from another tablet that was offline, or a re-labelled box — is answered as a conflict
 * and not stored; a re-sent copy of the same event is a duplicate; a voided receipt frees its serials.
 */
import { describe, expect, it } from 'vitest';
import { makeCorrection } from '../../src/domain/ledger/correction';
import type { StoreBackend } from './backends';
import { BACKFILL_SERIALS_SQL } from '../../sync-server/src/store/schema-008-received-serials';
import { harnessPerTest, newId } from './records-fixtures';
import { LOTS, serverEvent, STAFF } from './sync-harness';

export function defineSerialsContract(backend: StoreBackend): void {
  describe(`received serials (${backend.kind})`, () => {
    const harness = harnessPerTest(backend);
    const receive = (serials: string, lotId = LOTS[0] ?? '') =>
      serverEvent({ id: newId(), lotId, payload: { supplier: 'Allergan', serials } });

    it('[RC8] the same carton from a second tablet is refused with the reason; the rest of its batch is stored', async () => {
      const h = await harness();
      const [a, b] = [await h.enroll(), await h.enroll()];
      const first = receive('S1 S2');
      expect((await h.push(a, [first])).json()).toMatchObject({ accepted: [first.id] });
      const again = receive('S2 S3');
      const other = receive('S4');
      const answer = (await h.push(b, [again, other])).json();
      expect(answer).toMatchObject({
        accepted: [other.id],
        conflicts: [
          { id: again.id, reason: expect.stringContaining('carton S2 of this product was already received') },
        ],
      });
      const [row] = await h.store.driver.query<{ n: number }>(
        'SELECT count(*)::integer AS n FROM events WHERE id = $1',
        [again.id],
      );
      expect(row?.n).toBe(0);
      // Sent again, the stored event is a duplicate, not a clash with its own serials.
      expect((await h.push(a, [first])).json()).toMatchObject({ duplicates: [first.id], conflicts: [] });
    });

    it('[RC8] two receives of one serial in one batch: the first is stored; another lot of the same product clashes too', async () => {
      const h = await harness();
      const device = await h.enroll();
      const one = receive('X1');
      const two = receive('X1', LOTS[1] ?? '');
      const answer = (await h.push(device, [one, two])).json();
      expect(answer.accepted).toEqual([one.id]);
      expect(answer.conflicts.map((c: { id: string }) => c.id)).toEqual([two.id]);
    });

    it('[RC8] a voided receipt gives its serials back: the carton may be received again', async () => {
      const h = await harness();
      const device = await h.enroll();
      const first = receive('V1');
      await h.push(device, [first]);
      const undo = makeCorrection(first, {
        id: newId(),
        actorId: STAFF.manager,
        deviceId: 'tablet-test',
        deviceTime: first.deviceTime,
        reason: 'entered on the wrong lot',
      });
      expect((await h.push(device, [undo])).json()).toMatchObject({ accepted: [undo.id] });
      const again = receive('V1');
      expect((await h.push(device, [again])).json()).toMatchObject({ accepted: [again.id], conflicts: [] });
    });

    it('[RC8][SV1] migration 8 derives the serials of receives stored before it, leaving out voided ones', async () => {
      const h = await harness();
      const device = await h.enroll();
      const kept = receive('M1 M2');
      const voided = receive('M3');
      const undo = makeCorrection(voided, {
        id: newId(),
        actorId: STAFF.manager,
        deviceId: 'tablet-test',
        deviceTime: voided.deviceTime,
        reason: 'wrong lot',
      });
      await h.push(device, [kept, voided, undo]);
      const rows = () =>
        h.store.driver.query<{ serial: string; event_id: string }>(
          'SELECT serial, event_id::text AS event_id FROM received_serials ORDER BY serial',
        );
      const live = await rows();
      expect(live).toEqual([
        { serial: 'M1', event_id: kept.id },
        { serial: 'M2', event_id: kept.id },
      ]);
      await h.store.driver.query('DELETE FROM received_serials');
      await h.store.driver.query(BACKFILL_SERIALS_SQL);
      expect(await rows()).toEqual(live);
    });
  });
}
