// @vitest-environment jsdom
import { cleanup, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { createData } from '../../platform/data';
import { DataProvider } from '../../platform/DataContext';
import { deviceToday } from '../../platform/clock';
import { loadDemoClinic } from '../../db/demo';
import { recordEvents } from '../../db/repositories/balances';
import { saveOrder } from '../../db/repositories/purchase-orders';
import { openTestDatabase } from '../../db/testing';
import { buildDemoClinic, DEMO_IDS } from '../../domain/demo/clinic';
import { makeEvent } from '../../domain/ledger/fixtures';
import type { PurchaseOrder, Supplier } from '../../domain/model';
import { SupplierPerformanceCard } from './SupplierPerformanceCard';

const demo = buildDemoClinic(deviceToday());
afterEach(cleanup);

describe('a supplier’s performance in the Catalog', () => {
  it('[PO7] shows what the orders sent and the receipts against them say', async () => {
    const { db } = await openTestDatabase();
    await loadDemoClinic(db, { today: deviceToday(), hashPin: async (pin) => `test$${pin}` });
    const botox = demo.products[0]!;
    const lot = demo.lots.find((l) => l.productId === botox.id)!;
    const manager = demo.staff.find((s) => s.role === 'manager')!;
    const order: PurchaseOrder = {
      id: '0190d000-0000-7000-8000-000000000001',
      orgId: DEMO_IDS.organization,
      locationId: DEMO_IDS.mainLocation,
      supplier: 'McKesson',
      reference: 'PO-77',
      status: 'sent',
      orderedOn: '2026-11-01',
      sentAt: '2026-11-02T09:00:00.000Z',
      lines: [
        {
          productId: botox.id,
          packs: 2,
          quantityMilli: 200_000,
          unitCostMicros: 5_900_000,
          expectedOn: '2026-11-05',
        },
      ],
      note: '',
    };
    await saveOrder(db, order, { deviceId: 'd1', actorId: manager.id, nowMs: Date.now() });
    await recordEvents(db, [
      makeEvent({
        id: '0190d000-0000-7000-8000-000000000002',
        orgId: DEMO_IDS.organization,
        type: 'receive',
        lotId: lot.id,
        locationId: DEMO_IDS.mainLocation,
        quantityMilli: 100_000,
        actorId: manager.id,
        deviceTime: '2026-11-04T15:00:00.000Z',
        payload: { supplier: 'McKesson', purchaseOrder: 'PO-77', purchaseOrderId: order.id },
      }),
    ]);
    const supplier: Supplier = {
      id: 'sup-1',
      orgId: DEMO_IDS.organization,
      name: 'McKesson',
      contact: '',
      accountNumber: '',
      leadTimeDays: 3,
      paymentTerms: '',
      notes: '',
    };
    render(
      <DataProvider value={createData(db, 'd1')}>
        <SupplierPerformanceCard
          supplier={supplier}
          suppliers={[supplier]}
          products={demo.products}
          seeCosts
        />
      </DataProvider>,
    );
    expect((await screen.findByTestId('perf-sent')).textContent).toBe('1');
    expect(screen.getByTestId('perf-delivered').textContent).toBe('1');
    expect(screen.getByTestId('perf-on-time').textContent).toBe('1 on time · 0 late');
    expect(screen.getByTestId('perf-lead').textContent).toBe('promised 3 days · actual 2 days');
    expect(screen.getByTestId('perf-short').textContent).toBe('1');
    expect(screen.getByTestId('perf-prices').textContent).toBe('none');
    await db.close();
  });
});
