import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { buildDemoClinic } from '../../../domain/demo/clinic';
import type { PurchaseOrder } from '../../../domain/model';
import { orderLine } from '../../../domain/purchasing';
import { orderCsv, orderCsvName } from './order-csv';

const clinic = buildDemoClinic('2026-12-02');
const [first, second] = clinic.products;
const products = new Map(clinic.products.map((p) => [p.id, p]));

const order: PurchaseOrder = {
  id: '0190a000-0000-7000-8000-0000000000a1',
  orgId: clinic.organization.id,
  locationId: clinic.locations[0]!.id,
  supplier: 'Allergan, "Aesthetics"',
  reference: 'PO 7/2026',
  status: 'sent',
  orderedOn: '2026-12-01',
  sentAt: '2026-12-02T10:00:00.000Z',
  lines: [
    orderLine(first!.id, first!, 2, 6_500_000, '2026-12-10'),
    orderLine(second!.id, second!, 1, 1_234_567),
  ],
  note: '',
};

describe('[PO4] a purchase order as CSV', () => {
  const csv = orderCsv(order, products);
  it('is UTF-8 with a BOM, CRLF, and quotes what needs quoting (RFC 4180)', () => {
    expect(csv.startsWith('\uFEFFpo_number,supplier,')).toBe(true);
    expect(csv.split('\r\n')).toHaveLength(4);
    expect(csv).toContain('"Allergan, ""Aesthetics"""');
  });
  it('reads back as one row per line and a total, in base units and dollars', () => {
    const parsed = Papa.parse<Record<string, string>>(csv.slice(1), { header: true });
    expect(parsed.errors).toEqual([]);
    const [a, b, total] = parsed.data;
    expect(a).toMatchObject({
      po_number: 'PO 7/2026',
      supplier: 'Allergan, "Aesthetics"',
      product: first!.name,
      packs: '2',
      quantity: String((2 * first!.containerSizeMilli * first!.containersPerPack) / 1000),
      unit_cost: '6.500000',
      expected_on: '2026-12-10',
    });
    expect(b?.expected_on).toBe('');
    const sum = Number(a!.line_total) * 100 + Number(b!.line_total) * 100;
    expect(Math.round(Number(total!.line_total) * 100)).toBe(Math.round(sum));
  });
  it('names the file after the PO number', () => {
    expect(orderCsvName(order)).toBe('PO_7_2026.csv');
  });
});
