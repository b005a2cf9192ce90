/** Master-data push (SPEC [MD2], [MD3], [MD4], [MD6]) on every backend: merge, idempotence, 400s. */
import { describe, expect, it } from 'vitest';
import { formatHlc, lotIdFor } from '../../src/domain/replica';
import type { RecordData } from '../../src/domain/replica';
import type { StoreBackend } from './backends';
import {
  BOTOX,
  clock,
  created,
  edited,
  harnessPerTest,
  locationData,
  lotData,
  newLot,
  newId,
  NOW,
  productData,
  pulledOne,
  pullKind,
  pullRecords,
  pushRecords,
  recordCount,
  withApproval,
} from './records-fixtures';
import type { RecordsPage } from './records-fixtures';
import { LOTS, ORG, STAFF } from './sync-harness';

export function defineRecordsPushContract(backend: StoreBackend): void {
  describe(`records push (${backend.kind})`, () => {
    const harness = harnessPerTest(backend);

    it('[MD6][MD7] a pushed record comes back in a pull with its clocks; pushing it again is unchanged', async () => {
      const h = await harness();
      const device = await h.enroll();
      const location = created('products', newId(), productData(), clock(1), STAFF.manager);
      const first = await pushRecords(h, device, [location]);
      expect(first.statusCode).toBe(200);
      expect(first.json()).toEqual({ changed: [location.id], unchanged: [] });
      const page = (await pullRecords(h, device, { kind: 'products', limit: 1000 })).json<RecordsPage>();
      const pulled = page.documents.find((d) => d.id === location.id);
      expect(pulled).toEqual({
        kind: 'products',
        id: location.id,
        data: location.data,
        clocks: location.clocks,
        seq: page.checkpoint.seq,
      });
      const again = await pushRecords(h, device, [location, location]);
      expect(again.json()).toEqual({ changed: [], unchanged: [location.id] });
      const after = (
        await pullRecords(h, device, { kind: 'products', ...page.checkpoint })
      ).json<RecordsPage>();
      expect(after.documents).toEqual([]);
    });

    it('[MD3] concurrent edits of different fields on two devices both survive', async () => {
      const h = await harness();
      const [a, b] = [await h.enroll(), await h.enroll()];
      const lot = await pulledOne(h, a, 'lots', LOTS[0] ?? '');
      // Both tablets start from the same copy; neither has seen the other's edit.
      const hold = await withApproval(edited(lot, { status: 'hold' }, clock(1, 'tablet-a'), STAFF.manager));
      const cost = await withApproval(
        edited(lot, { unitCostMicros: 6_400_000 }, clock(2, 'tablet-b'), STAFF.admin),
      );
      expect((await pushRecords(h, a, [hold])).json()).toEqual({ changed: [lot.id], unchanged: [] });
      expect((await pushRecords(h, b, [cost])).json()).toEqual({ changed: [lot.id], unchanged: [] });
      const merged = await pulledOne(h, b, 'lots', lot.id);
      expect(merged.data).toEqual({ ...lot.data, status: 'hold', unitCostMicros: 6_400_000 });
      expect(merged.clocks).toEqual({
        ...lot.clocks,
        status: clock(1, 'tablet-a'),
        unitCostMicros: clock(2, 'tablet-b'),
      });
      expect(merged.seq).toBeGreaterThan(lot.seq);
    });

    it('[MD3] the later clock wins a field both devices changed, whatever order the pushes arrive in', async () => {
      const h = await harness();
      const [a, b] = [await h.enroll(), await h.enroll()];
      const lot = await pulledOne(h, a, 'lots', LOTS[1] ?? '');
      const later = await withApproval(
        edited(lot, { status: 'recalled' }, clock(5, 'tablet-b'), STAFF.admin),
      );
      const earlier = await withApproval(
        edited(lot, { status: 'quarantine' }, clock(4, 'tablet-a'), STAFF.manager),
      );
      expect((await pushRecords(h, b, [later])).json()).toEqual({ changed: [lot.id], unchanged: [] });
      expect((await pushRecords(h, a, [earlier])).json()).toEqual({ changed: [], unchanged: [lot.id] });
      expect((await pulledOne(h, a, 'lots', lot.id)).data.status).toBe('recalled');
      // Same millisecond on two tablets: the node id orders the clocks, so every replica agrees.
      const tieA = await withApproval(edited(lot, { status: 'hold' }, clock(6, 'tablet-a'), STAFF.manager));
      const tieB = await withApproval(
        edited(lot, { status: 'quarantine' }, clock(6, 'tablet-b'), STAFF.admin),
      );
      await pushRecords(h, b, [tieB]);
      expect((await pushRecords(h, a, [tieA])).json()).toEqual({ changed: [], unchanged: [lot.id] });
      expect((await pulledOne(h, a, 'lots', lot.id)).data.status).toBe('quarantine');
    });

    it('[MD4] the same new lot pushed from two tablets is one record', async () => {
      const h = await harness();
      const [a, b] = [await h.enroll(), await h.enroll()];
      const id = lotIdFor(ORG, BOTOX, 'new123');
      const fromA = created('lots', id, lotData(), clock(1, 'tablet-a'), STAFF.injector);
      const fromB = created('lots', id, lotData(), clock(2, 'tablet-b'), STAFF.frontDesk);
      expect((await pushRecords(h, a, [fromA])).json()).toEqual({ changed: [id], unchanged: [] });
      // Only the clocks would move (the values are the same), and front desk may not change a lot
      // ([A4]): the server keeps A's copy and answers it, so B takes it and both converge on it.
      const { kind: _kind, actorId: _actor, ...storedA } = fromA;
      expect((await pushRecords(h, b, [fromB])).json()).toEqual({
        changed: [],
        unchanged: [id],
        clocksNotTaken: [{ kind: 'lots', ...storedA }],
      });
      const lots = (await pullKind(h, a, 'lots')).filter((r) => r.id === id);
      expect(lots).toHaveLength(1);
      expect(lots[0]?.clocks.status).toBe(clock(1, 'tablet-a'));
      const typed = await h.store.driver.query('SELECT id FROM lots WHERE lot_number = $1', ['NEW123']);
      expect(typed).toEqual([{ id }]);
    });

    it('[MD10][T3] a product’s draw step replicates like any field; a copy without one is valid; 0 is refused', async () => {
      const h = await harness();
      const device = await h.enroll();
      const stepped = created(
        'products',
        newId(),
        productData({ drawStepMilli: 1000 }),
        clock(1),
        STAFF.manager,
      );
      const older = created(
        'products',
        newId(),
        productData({ gtins: ['00099000000981'] }),
        clock(1),
        STAFF.manager,
      );
      expect((await pushRecords(h, device, [stepped, older])).statusCode).toBe(200);
      expect((await pulledOne(h, device, 'products', stepped.id)).data.drawStepMilli).toBe(1000);
      expect((await pulledOne(h, device, 'products', older.id)).data).not.toHaveProperty('drawStepMilli');
      const zero = created(
        'products',
        newId(),
        productData({ gtins: ['00099000000974'], drawStepMilli: 0 }),
        clock(2),
        STAFF.manager,
      );
      const refused = await pushRecords(h, device, [zero]);
      expect(refused.statusCode).toBe(400);
      expect(refused.json()).toMatchObject({ field: 'drawStepMilli', recordId: zero.id });
    });

    it('[MD6][MD2] bad value, unknown field or kind, bad or future clock → 400 naming field and recordId; nothing of the batch is written', async () => {
      const h = await harness();
      const device = await h.enroll();
      const before = await recordCount(h);
      const good = created('locations', newId(), locationData(), clock(1), STAFF.admin);
      const lot = (o: RecordData) => newLot(o, clock(1), STAFF.manager);
      const bad = lot({ unitCostMicros: -1 });
      const colour = lot({ colour: 'red' });
      const proto = lot({ toString: 'x' });
      const kind = { ...lot({}), kind: 'patients' };
      const ahead = (hours: number) =>
        formatHlc({ ms: NOW.getTime() + hours * 3_600_000, counter: 0, node: 'tablet-a' });
      const withClock = (field: string, at: string) => {
        const r = lot({});
        return { ...r, clocks: { ...r.clocks, [field]: at } };
      };
      const future = withClock('expiry', ahead(25));
      const soon = withClock('expiry', ahead(23));
      const notHlc = withClock('status', 'yesterday');
      const noValue = withClock('lotNumber', clock(1));
      delete noValue.data.lotNumber;
      const missing = lot({});
      delete missing.data.expiry;
      delete missing.clocks.expiry;
      const badId = { ...lot({}), id: 'LOT-1' };
      const huge = created(
        'products',
        newId(),
        productData({ containersPerPack: 2 ** 31 }),
        clock(1),
        STAFF.admin,
      );
      const cases: { records: unknown; field: string; recordId: string | null }[] = [
        { records: [good, bad], field: 'unitCostMicros', recordId: bad.id },
        { records: [good, colour], field: 'colour', recordId: colour.id },
        { records: [good, proto], field: 'toString', recordId: proto.id },
        { records: [good, kind], field: 'kind', recordId: kind.id },
        { records: [good, future], field: 'clocks.expiry', recordId: future.id },
        { records: [good, notHlc], field: 'clocks.status', recordId: notHlc.id },
        { records: [good, noValue], field: 'clocks.lotNumber', recordId: noValue.id },
        { records: [good, missing], field: 'expiry', recordId: missing.id },
        { records: [good, badId], field: 'id', recordId: 'LOT-1' },
        { records: [good, huge], field: 'containersPerPack', recordId: huge.id },
        { records: Array.from({ length: 501 }, () => good), field: 'records', recordId: null },
        { records: 'all of them', field: 'records', recordId: null },
      ];
      for (const c of cases) {
        const res = await pushRecords(h, device, c.records);
        expect(res.statusCode, c.field).toBe(400);
        expect(res.json(), c.field).toEqual({
          error: 'invalid',
          field: c.field,
          recordId: c.recordId,
          message: expect.any(String),
        });
      }
      expect(await recordCount(h)).toBe(before);
      // 23 h ahead is within the allowed skew.
      expect((await pushRecords(h, device, [soon])).statusCode).toBe(200);
    });
  });
}
