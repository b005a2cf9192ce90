import { describe, expect, it } from 'vitest';
import { buildDemoClinic } from '../demo/clinic';
import { addArrivalScan, NO_ARRIVALS } from './arrival';
import type { Transfer } from './transfers';

const demo = buildDemoClinic('2025-06-15');
const botox = demo.products.find((p) => p.name.startsWith('Botox'))!;
const juvederm = demo.products.find((p) => p.name.startsWith('Juvéderm'))!;
const botoxLot = demo.lots.find((l) => l.productId === botox.id)!;
const juvedermLot = demo.lots.find((l) => l.productId === juvederm.id)!;
const transfer: Transfer = {
  transferId: 't',
  fromLocationId: 'a',
  toLocationId: 'b',
  sentAt: '2025-06-15T10:00:00.000Z',
  sentBy: 'm',
  receivedAt: null,
  receivedBy: null,
  reason: '',
  lines: [
    { lotId: botoxLot.id, sentMilli: 300_000, receivedMilli: null },
    { lotId: juvedermLot.id, sentMilli: 2_000, receivedMilli: null },
  ],
  status: 'in_transit',
};

describe('scanning a transfer on arrival [TR5]', () => {
  it('[TR5] adds a container per unit code, a pack per carton code; a serial counts once', () => {
    let count = NO_ARRIVALS;
    for (const serial of ['S1', 'S2', 'S2'])
      count = addArrivalScan(transfer, count, { product: botox, level: 'unit', lot: botoxLot, serial });
    expect(count.arrivedMilli.get(botoxLot.id)).toBe(200_000);
    expect(count.note).toBe(`Serial S2 of lot ${botoxLot.lotNumber} is counted already.`);
    count = addArrivalScan(transfer, count, { product: juvederm, level: 'carton', lot: juvedermLot });
    expect(count.arrivedMilli.get(juvedermLot.id)).toBe(
      juvederm.containersPerPack * juvederm.containerSizeMilli,
    );
  });

  it('[TR5] a lot the transfer does not carry, or a code naming no lot, is reported and not added', () => {
    const other = demo.lots.find((l) => l.id !== botoxLot.id && l.id !== juvedermLot.id)!;
    const product = demo.products.find((p) => p.id === other.productId)!;
    const count = addArrivalScan(transfer, NO_ARRIVALS, { product, level: 'unit', lot: other });
    expect(count.note).toBe(`Lot ${other.lotNumber} is not in this transfer.`);
    expect(count.arrivedMilli.size).toBe(0);
    expect(addArrivalScan(transfer, NO_ARRIVALS, { product: null, level: null, lot: null }).note).toBe(
      'This code names no lot on this tablet.',
    );
  });
});
