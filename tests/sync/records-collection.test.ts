/**
 * SPEC [DB6]: small kinds kept in the tablet's shared `records` collection replicate like any
 * other kind — a purchase order made on the tablet reaches the server, and the server's later
 * edit of it comes back into the same `records` document ([MD6], [MD9]).
 */
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findRecordDocs } from '../../src/db/repositories/record-docs';
import { saveRecords } from '../../src/db/repositories/records';
import { formatHlc } from '../../src/domain/replica';
import { pgliteBackend } from '../server/backends';
import { edited, pulledOne, pushRecords } from '../server/records-fixtures';
import { MAIN, ORG, STAFF, startHarness, type Harness } from '../server/sync-harness';
import { eventually } from './eventually';
import { BOTOX, openTablet, type Tablet } from './tablet';

const backend = pgliteBackend();
beforeAll(() => backend.assertReady());
afterAll(() => backend.cleanup());

describe('[DB6] a small kind in the records collection replicates', () => {
  let server: Harness;
  let baseUrl = '';
  let tablet: Tablet;

  beforeAll(async () => {
    server = await startHarness(await backend.createDatabase());
    await server.app.listen({ port: 0, host: '127.0.0.1' });
    const address = server.app.server.address();
    if (!address || typeof address === 'string') throw new Error('server did not listen on a port');
    baseUrl = `http://127.0.0.1:${address.port}`;
    tablet = await openTablet('records');
  });
  afterAll(async () => {
    await tablet.close();
    await server.close();
  });

  it('a purchase order goes up from records and the server’s edit of it comes back', async () => {
    const po = {
      id: randomUUID(),
      orgId: ORG,
      locationId: MAIN,
      supplier: 'Allergan',
      reference: 'PO-DB6',
      status: 'draft' as const,
      orderedOn: '2026-11-30',
      sentAt: null,
      lines: [
        {
          productId: BOTOX.id,
          packs: 2,
          quantityMilli: 200_000,
          unitCostMicros: 6_500_000,
          expectedOn: null,
        },
      ],
      note: '',
    };
    await saveRecords(tablet.db, 'purchase_orders', [po], {
      deviceId: tablet.deviceId,
      actorId: STAFF.manager,
      nowMs: Date.now(),
    });
    const device = await server.enroll();
    tablet.connect(baseUrl, (await server.enroll()).token);

    await eventually('the server has the purchase order', async () => {
      const found = await pulledOne(server, device, 'purchase_orders', po.id).catch(() => null);
      return found?.data.reference === 'PO-DB6';
    });
    const copy = await pulledOne(server, device, 'purchase_orders', po.id);
    const later = formatHlc({ ms: Date.now() + 60_000, counter: 0, node: 'tablet-elsewhere' });
    const res = await pushRecords(server, device, [edited(copy, { status: 'sent' }, later, STAFF.manager)]);
    expect(res.statusCode, res.body).toBe(200);

    await eventually('the tablet has the server’s edit', async () => {
      const stored = (await findRecordDocs(tablet.db, 'purchase_orders', [po.id])).get(po.id);
      return stored?.status === 'sent';
    });
    const doc = (await tablet.db.records.findOne(`purchase_orders:${po.id}`).exec())!.toMutableJSON();
    expect(doc).toMatchObject({ kind: 'purchase_orders', locationId: MAIN, sortKey: '2026-11-30' });
    expect(doc.data).toMatchObject({ ...(({ id: _id, ...rest }) => rest)(po), status: 'sent' });
    expect(tablet.errors).toEqual([]);
  });
});
