import { describe, expect, it } from 'vitest';
import { buildDemoClinic } from '../demo/clinic';
import type { LedgerEvent, Product } from '../model';
import { lotIdFor } from '../replica/lot-id';
import { confirmReceipt, type ReceiptHeader, type Stamp } from './confirm';
import {
  addScan,
  EMPTY_RECEIPT,
  editLine,
  type ReceiptDraft,
  type ReceiptScan,
  type ScanContext,
} from './draft';
import { receivedSerials } from './serials';

const TODAY = '2026-12-02';
const demo = buildDemoClinic(TODAY);
const product = (prefix: string): Product => {
  const found = demo.products.find((p) => p.name.startsWith(prefix));
  if (!found) throw new Error(`no demo product ${prefix}`);
  return found;
};
const botox = product('Botox');
const juvederm = product('Juvéderm');
const [main, harbor] = demo.locations;
const ctx = (o: Partial<ScanContext> = {}): ScanContext => ({
  today: TODAY,
  shortDatedDays: 90,
  receivedSerials: new Map(),
  ...o,
});
const carton = (p: Product, o: Partial<ReceiptScan> = {}): ReceiptScan => ({
  product: p,
  level: 'carton',
  lotNumber: 'J1',
  expiry: '2027-12-31',
  knownLot: null,
  ...o,
});

function scanAll(scans: ReceiptScan[], c = ctx()): { draft: ReceiptDraft; messages: string[] } {
  let draft = EMPTY_RECEIPT;
  const messages: string[] = [];
  for (const s of scans) {
    const r = addScan(draft, s, c);
    draft = r.draft;
    if (r.kind === 'refused') messages.push(r.message);
  }
  return { draft, messages };
}

describe('scanning a receipt [RC4]-[RC6]', () => {
  it('[RC4] follows the worked example: cartons count their containers, one line per lot', () => {
    const { draft, messages } = scanAll([
      carton(juvederm, { serial: 'S1' }),
      carton(juvederm, { serial: 'S2' }),
      carton(juvederm, { serial: 'S1' }),
      carton(botox, { lotNumber: 'C1', level: 'unit' }),
    ]);
    expect(messages).toEqual(['Carton S1 is already on this receipt.']);
    expect(draft.lines.map((l) => [l.lotNumber, l.containers, l.serials.map((s) => s.serial)])).toEqual([
      ['J1', 4, ['S1', 'S2']],
      ['C1', 1, []],
    ]);
  });

  it('[RC5] a serial received before is refused, naming when; a voided receipt frees it', () => {
    const lot = { id: 'lot-j1', productId: juvederm.id, lotNumber: 'J1' };
    const earlier = {
      id: 'r1',
      type: 'receive',
      lotId: lot.id,
      deviceTime: '2026-11-03T10:00:00Z',
      correctsId: null,
      payload: { serials: 'S7 S8' },
    } as unknown as LedgerEvent;
    const seen = receivedSerials([earlier], new Map([[lot.id, lot]]));
    const r = addScan(EMPTY_RECEIPT, carton(juvederm, { serial: 'S8' }), ctx({ receivedSerials: seen }));
    expect(r).toMatchObject({
      kind: 'refused',
      message: 'Carton S8 was already received (lot J1, 2026-11-03): a duplicate or re-labelled box.',
    });
    const voidedBy = { ...earlier, id: 'c1', correctsId: 'r1', payload: {} } as LedgerEvent;
    expect(receivedSerials([earlier, voidedBy], new Map([[lot.id, lot]])).size).toBe(0);
  });

  it('[RC6] a known lot with another expiry is refused, never merged; expired and short-dated lots warn', () => {
    const known = { ...demo.lots[0]!, productId: juvederm.id, lotNumber: 'J1', expiry: '2027-06-30' };
    const r = addScan(EMPTY_RECEIPT, carton(juvederm, { knownLot: known }), ctx());
    expect(r.kind).toBe('refused');
    expect(r.draft).toBe(EMPTY_RECEIPT);
    const { draft } = scanAll([
      carton(juvederm, { lotNumber: 'OLD', expiry: '2026-12-01' }),
      carton(juvederm, { lotNumber: 'SOON', expiry: '2027-03-01' }),
      carton(juvederm, { lotNumber: 'FINE', expiry: '2027-03-03' }),
    ]);
    expect(draft.lines.map((l) => l.warnings)).toEqual([['expired'], ['short-dated'], []]);
  });

  it('refuses a code without a product or without its lot label, saying what to do', () => {
    expect(addScan(EMPTY_RECEIPT, carton(juvederm, { product: null }), ctx())).toMatchObject({
      message: expect.stringMatching(/not in the catalog/),
    });
    expect(addScan(EMPTY_RECEIPT, carton(juvederm, { lotNumber: undefined }), ctx())).toMatchObject({
      message: expect.stringMatching(/scan the lot\/expiry label/),
    });
  });
});

describe('confirming a receipt [RC7]', () => {
  const stamp = (): Stamp => {
    let n = 0;
    return {
      receiptId: 'rcpt',
      actorId: 'me',
      deviceId: 'tab',
      deviceTime: '2026-12-02T09:00:00.000Z',
      newId: () => `id-${++n}`,
    };
  };
  const header = (o: Partial<ReceiptHeader> = {}): ReceiptHeader => ({
    orgId: demo.organization.id,
    supplier: 'Allergan',
    purchaseOrder: 'PO-7',
    locationId: main!.id,
    splits: new Map(),
    warningsAccepted: false,
    ...o,
  });
  const products = new Map(demo.products.map((p) => [p.id, p]));

  it('follows the worked example: free goods spread over every unit, split across two locations', () => {
    let { draft } = scanAll(
      Array.from({ length: 11 }, (_, i) => carton(botox, { lotNumber: 'C9', serial: `B${i}` })),
    );
    const key = draft.lines[0]!.key;
    draft = editLine(draft, key, { freeContainers: 1, priceCentsPerContainer: 54_000 });
    const splits = new Map([
      [
        key,
        [
          { locationId: main!.id, containers: 6 },
          { locationId: harbor!.id, containers: 5 },
        ],
      ],
    ]);
    const r = confirmReceipt(draft, header({ splits }), products, stamp());
    if (!r.ok) throw new Error(JSON.stringify(r.problems));
    expect(r.lines[0]?.cost).toEqual({
      unitCostMicros: 4_909_091,
      quantityMilli: 1_100_000,
      valuedCents: 540_000,
      roundingCents: 0,
    });
    expect(r.lots).toEqual([
      expect.objectContaining({
        id: lotIdFor(demo.organization.id, botox.id, 'C9'),
        unitCostMicros: 4_909_091,
      }),
    ]);
    expect(r.events.map((e) => [e.locationId, e.quantityMilli, e.payload.serials])).toEqual([
      [main!.id, 600_000, 'B0 B1 B2 B3 B4 B5'],
      [harbor!.id, 500_000, 'B6 B7 B8 B9 B10'],
    ]);
    expect(r.events[0]?.payload).toMatchObject({
      supplier: 'Allergan',
      purchaseOrder: 'PO-7',
      receiptId: 'rcpt',
      lineInvoiceCents: 540_000,
      lineFreeMilli: 100_000,
    });
    expect(r.totalCents).toBe(540_000);
  });

  it('builds nothing while any line has a problem, and names each one', () => {
    const { draft } = scanAll([
      carton(juvederm, { expiry: '2026-12-20' }),
      carton(botox, { lotNumber: 'C2' }),
    ]);
    const priced = editLine(draft, draft.lines[1]!.key, { priceCentsPerContainer: 100, freeContainers: 1 });
    const r = confirmReceipt(priced, header({ supplier: ' ' }), products, stamp());
    expect(r).toEqual({
      ok: false,
      problems: [
        { key: null, message: 'Name the supplier.' },
        { key: null, message: 'Accept the expired or short-dated lots first, or remove them.' },
        { key: draft.lines[0]!.key, message: 'Lot J1: enter its price from the invoice (0 for samples).' },
        { key: draft.lines[1]!.key, message: 'Lot C2: free containers must be fewer than those received.' },
      ],
    });
  });

  it('receives more of a lot on file under that lot, creating no new one', () => {
    const known = demo.lots.find((l) => l.productId === botox.id)!;
    const { draft } = scanAll([
      carton(botox, { lotNumber: known.lotNumber, expiry: known.expiry, knownLot: known, level: 'unit' }),
    ]);
    const priced = editLine(draft, draft.lines[0]!.key, { priceCentsPerContainer: 0 });
    const r = confirmReceipt(priced, header({ warningsAccepted: true }), products, stamp());
    if (!r.ok) throw new Error(JSON.stringify(r.problems));
    expect(r.lots).toEqual([]);
    expect(r.events.map((e) => e.lotId)).toEqual([known.id]);
  });
});
