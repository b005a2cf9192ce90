// @vitest-environment jsdom
import { cleanup, renderHook, waitFor } from '@testing-library/react';
import type { ReactNode } from 'react';
import { afterEach, describe, expect, it } from 'vitest';
import { createData } from '../../platform/data';
import { DataProvider } from '../../platform/DataContext';
import { deviceToday } from '../../platform/clock';
import { loadDemoClinic } from '../../db/demo';
import { saveRecords } from '../../db/repositories/records';
import { openTestDatabase } from '../../db/testing';
import { buildDemoClinic, DEMO_IDS } from '../../domain/demo/clinic';
import { useFefo } from './useVisitData';

afterEach(cleanup);

describe('useFefo', () => {
  it('[F2] a lot recalled elsewhere (arriving by sync) leaves the suggestion at once', async () => {
    const { db } = await openTestDatabase();
    const today = deviceToday();
    await loadDemoClinic(db, { today, hashPin: async (pin) => `test$${pin}` });
    const demo = buildDemoClinic(today);
    const botox = demo.products[0]!;
    const data = createData(db, 'd1');
    const wrapper = ({ children }: { children: ReactNode }) => (
      <DataProvider value={data}>{children}</DataProvider>
    );
    const { result } = renderHook(() => useFefo(botox, DEMO_IDS.mainLocation), { wrapper });
    await waitFor(() => expect(result.current?.suggestion).toBeTruthy());
    const suggested = result.current!.suggestion!.lotId;
    const lot = (await db.lots.findOne(suggested).exec())!.toMutableJSON();
    const { clocks: _c, editor: _e, ...fields } = lot;
    await saveRecords(db, 'lots', [{ ...fields, status: 'recalled' }], {
      deviceId: 'other-tablet',
      actorId: demo.staff[1]!.id,
      nowMs: Date.now(),
    });
    await waitFor(() => expect(result.current?.suggestion?.lotId).not.toBe(suggested));
    const recalled = result.current!.candidates.find((c) => c.lotId === suggested);
    expect(recalled?.blockers.length).toBeGreaterThan(0);
    await db.close();
  });
});
