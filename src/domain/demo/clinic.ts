/**
 * The demo clinic: one data set, defined once, used by the server's seed (`--demo`), the tablet's
 * "Load demo clinic" action and the tests. Dates are relative to `today` so the demo never rots:
 * one lot expires soon, one has expired, one is recalled — what a real fridge looks like.
 *
 * GTINs are fictional (GS1 prefix 0 + "99" demo company) with valid check digits; product names
 * and pack sizes are real-world. Demo PINs are documented in the README and are for the demo only.
 */
import { CATALOG_FIELD_DEFAULTS, type CatalogFields } from '../catalog/product-defaults';
import { addDays } from '../dates';
import type { Location, Lot, Organization, Product, Receipt, Staff } from '../model';

export interface DemoStaff extends Staff {
  /** Plain demo PIN; hashed with a slow KDF before it is stored anywhere. */
  demoPin: string;
}

export interface DemoClinic {
  organization: Organization;
  locations: Location[];
  staff: DemoStaff[];
  products: Product[];
  lots: Lot[];
  receipts: Receipt[];
}

/** Deterministic UUIDv7-shaped ids so every copy of the demo converges on the same records. */
export function demoId(kind: number, n: number): string {
  const tail = (kind * 1000 + n).toString(16).padStart(12, '0');
  return `0190a000-0000-7000-8000-${tail}`;
}

const ORG = demoId(1, 1);
const MAIN = demoId(2, 1);
const SATELLITE = demoId(2, 2);
const loc = (id: string, name: string, storage: string): Location => ({ id, orgId: ORG, name, storage });

function staff(
  n: number,
  name: string,
  role: Staff['role'],
  demoPin: string,
  locationIds: string[] = [],
): DemoStaff {
  return { id: demoId(3, n), orgId: ORG, name, role, locationIds, demoPin };
}

type Defaulted = 'hibccCodes' | 'drawStepMilli' | keyof CatalogFields;
type ProductSeed = Omit<Product, 'id' | 'orgId' | Defaulted> & Partial<Pick<Product, Defaulted>>;
function product(n: number, seed: ProductSeed): Product {
  return {
    id: demoId(4, n),
    orgId: ORG,
    hibccCodes: [],
    drawStepMilli: null,
    ...CATALOG_FIELD_DEFAULTS,
    ...seed,
  };
}

export const DEMO_IDS = { organization: ORG, mainLocation: MAIN, satelliteLocation: SATELLITE } as const;

export function buildDemoClinic(today: string): DemoClinic {
  const products: Product[] = [
    product(1, {
      name: 'Botox Cosmetic 100 U',
      manufacturer: 'Allergan Aesthetics',
      category: 'neurotoxin',
      baseUnit: 'U',
      containerSizeMilli: 100_000,
      containersPerPack: 1,
      gtins: ['00099000000011'],
      patientPricePerUnitCents: 1400,
      minStockMilli: 300_000,
      beyondUseHours: 24,
      supplier: 'Allergan Aesthetics',
    }),
    product(2, {
      name: 'Dysport 300 U',
      manufacturer: 'Galderma',
      category: 'neurotoxin',
      baseUnit: 'U',
      containerSizeMilli: 300_000,
      containersPerPack: 1,
      gtins: ['00099000000028'],
      patientPricePerUnitCents: 500,
      minStockMilli: 300_000,
      beyondUseHours: 24,
      supplier: 'Galderma',
    }),
    product(3, {
      name: 'Xeomin 100 U',
      manufacturer: 'Merz Aesthetics',
      category: 'neurotoxin',
      baseUnit: 'U',
      containerSizeMilli: 100_000,
      containersPerPack: 1,
      gtins: ['00099000000035'],
      patientPricePerUnitCents: 1200,
      minStockMilli: 200_000,
      beyondUseHours: 24,
      supplier: 'Merz Aesthetics',
    }),
    product(4, {
      name: 'Juvéderm Ultra XC 1 mL',
      manufacturer: 'Allergan Aesthetics',
      category: 'filler',
      baseUnit: 'mL',
      containerSizeMilli: 1_000,
      containersPerPack: 2,
      gtins: ['00099000000042', '10099000000049'],
      patientPricePerUnitCents: 75_000,
      minStockMilli: 4_000,
      beyondUseHours: null,
      supplier: 'Allergan Aesthetics',
    }),
    product(5, {
      name: 'Restylane Lyft 1 mL',
      manufacturer: 'Galderma',
      category: 'filler',
      baseUnit: 'mL',
      containerSizeMilli: 1_000,
      containersPerPack: 1,
      gtins: ['00099000000059'],
      patientPricePerUnitCents: 80_000,
      minStockMilli: 3_000,
      beyondUseHours: null,
      supplier: 'Galderma',
    }),
    product(6, {
      name: 'Sculptra vial',
      manufacturer: 'Galderma',
      category: 'biostimulator',
      baseUnit: 'each',
      containerSizeMilli: 1_000,
      containersPerPack: 1,
      gtins: ['00099000000066'],
      // Fictional HIBC labeler A999 ('demo'), product code SCULPTRA: its cartons may carry HIBC too.
      hibccCodes: ['A999SCULPTRA'],
      patientPricePerUnitCents: 95_000,
      minStockMilli: 2_000,
      beyondUseHours: 72,
      supplier: 'Galderma',
    }),
  ];
  const [botox, dysport, xeomin, juvederm, restylane, sculptra] = products.map((p) => p.id) as [
    string,
    string,
    string,
    string,
    string,
    string,
  ];
  const lot = (
    n: number,
    productId: string,
    lotNumber: string,
    expiresInDays: number,
    unitCostMicros: number,
    status: Lot['status'] = 'available',
  ): Lot => ({
    id: demoId(5, n),
    orgId: ORG,
    productId,
    lotNumber,
    expiry: addDays(today, expiresInDays),
    unitCostMicros,
    status,
  });
  const lots: Lot[] = [
    lot(1, botox, 'C8123AC4', 20, 6_500_000), // $6.50/U: the worked example in the seeds; expires soon
    lot(2, botox, 'C8377AD2', 240, 6_800_000),
    lot(3, dysport, 'P47512', 180, 1_966_667), // $590 / 300 U
    lot(4, xeomin, '283947', -3, 5_200_000), // expired three days ago: must be blocked
    lot(5, juvederm, 'V20LA81402', 400, 310_000_000), // $310/mL
    lot(6, restylane, '19218-1', 300, 325_000_000, 'recalled'),
    lot(7, restylane, '19533-2', 330, 330_000_000),
    lot(8, sculptra, 'SC24M07', 500, 410_000_000),
  ];
  const receivedAt = `${addDays(today, -14)}T15:00:00.000Z`;
  const receipt = (
    n: number,
    lotIndex: number,
    locationId: string,
    quantityMilli: number,
    purchaseOrder: string,
  ): Receipt => {
    const received = lots[lotIndex - 1];
    if (!received) throw new Error(`demo receipt ${n} names a missing lot ${lotIndex}`);
    const supplier = products.find((p) => p.id === received.productId)?.supplier ?? 'unknown';
    return {
      id: demoId(6, n),
      lotId: received.id,
      locationId,
      quantityMilli,
      receivedAt,
      supplier,
      purchaseOrder,
      actorId: demoId(3, 2),
    };
  };
  return {
    organization: { id: ORG, name: 'Lumen Aesthetics (demo)' },
    locations: [
      loc(MAIN, 'Lumen Aesthetics — Main St', 'Med fridge, Room 2'),
      loc(SATELLITE, 'Lumen Aesthetics — Harbor', 'Med fridge, back office'),
    ],
    staff: [
      staff(1, 'Morgan Lee', 'admin', '246813'),
      staff(2, 'Casey Kim', 'manager', '369024'),
      staff(3, 'Priya Shah, RN', 'injector', '1357', [MAIN]),
      staff(4, 'Jordan Alvarez, NP', 'injector', '2580'),
      staff(5, 'Sam Rivera', 'front_desk', '1470', [MAIN]),
    ],
    products,
    lots,
    receipts: [
      receipt(1, 1, MAIN, 100_000, 'PO-1001'),
      receipt(2, 2, MAIN, 300_000, 'PO-1001'),
      receipt(3, 3, MAIN, 300_000, 'PO-1002'),
      receipt(4, 4, MAIN, 100_000, 'PO-0950'),
      receipt(5, 5, MAIN, 4_000, 'PO-1003'),
      receipt(6, 6, MAIN, 2_000, 'PO-1004'),
      receipt(7, 7, MAIN, 2_000, 'PO-1004'),
      receipt(8, 8, MAIN, 3_000, 'PO-1005'),
      receipt(9, 2, SATELLITE, 200_000, 'PO-1006'),
      receipt(10, 5, SATELLITE, 2_000, 'PO-1006'),
    ],
  };
}
