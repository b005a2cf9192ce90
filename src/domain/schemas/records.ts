/**
 * Every replicated record kind, defined ONCE (SPEC [MD11]). From each definition come: its
 * TypeScript type (`Static<>`, re-exported by model.ts), the fields the server accepts and checks
 * (`RECORD_FIELDS`, `checkRecordData` in replica/kinds.ts), the tablet's RxDB schema
 * (src/db/schemas/derive.ts) and the server's typed projection columns (record-projection.ts).
 * Changing a field here changes the tablet's schema: schema-hashes.test.ts then asks for a version
 * bump and a migration.
 *
 * Units: quantities are integers in thousandths of the product's base unit (`*Milli`), money is
 * integer cents (`*Cents`), unit costs are integer micro-dollars per base unit (`*Micros`), dates
 * ISO strings ([Q1], [M1], [M2]). Every number and date is bounded by ../bounds.ts ([Q4], [D4]).
 */
import type { Static } from 'typebox';
import { ROLES } from '../model';
import {
  MAX_BALANCE_MILLI,
  MAX_BEYOND_USE_HOURS,
  MAX_CENTS,
  MAX_CONTAINERS_PER_PACK,
  MAX_QUANTITY_MILLI,
  MAX_UNIT_COST_MICROS,
} from '../bounds';
import { bool, gtin, int, isoDate, isoTime, list, nullable, oneOf, record, text, uuid } from './fields';

export const PRODUCT_CATEGORIES = ['neurotoxin', 'filler', 'biostimulator', 'skincare', 'supply'] as const;
export const BASE_UNITS = ['U', 'mL', 'each'] as const;
export const LOT_STATUSES = ['available', 'hold', 'quarantine', 'recalled'] as const;
/**
 * What staff set on a purchase order ([PO1]); "partially received" and "received" are not stored
 * but follow from the `receive` events against it (src/domain/purchasing/po-progress.ts, [RC3]).
 */
export const PURCHASE_ORDER_STATUSES = ['draft', 'sent', 'cancelled'] as const;
export const COUNT_STATUSES = ['open', 'closed'] as const;

export const LocationRecord = record({
  id: uuid(),
  orgId: uuid(),
  name: text(200, 1),
  /** e.g. "Fridge A, Room 2" — where staff physically find the stock. */
  storage: text(200),
});

export const StaffRecord = record({
  id: uuid(),
  orgId: uuid(),
  name: text(200, 1),
  role: oneOf(ROLES),
  /** Locations this person works at; empty = all locations of the organization. */
  locationIds: list(uuid(), 100),
  /** The PIN's PBKDF2 hash (never the PIN). */
  pinHash: text(300, 1),
});

export const ProductRecord = record({
  id: uuid(),
  orgId: uuid(),
  name: text(200, 1),
  manufacturer: text(200),
  category: oneOf(PRODUCT_CATEGORIES),
  /** The unit the product is counted and drawn in. */
  baseUnit: oneOf(BASE_UNITS),
  /** Base-unit thousandths in one container (vial/syringe): 100 U = 100_000. */
  containerSizeMilli: int(1, MAX_QUANTITY_MILLI),
  /** Containers per sellable pack (a box of 2 syringes = 2). */
  containersPerPack: int(1, MAX_CONTAINERS_PER_PACK),
  /** Unit-level and carton-level GTIN-14s. */
  gtins: list(gtin(), 20),
  /**
   * HIBCC identifiers of devices labelled the HIBC way: labeler code + product code (LIC + PCN,
   * e.g. "A123BJC5D6E7"); the unit-of-measure digit is the packaging level, not part of the id.
   * Added after the first products were written: older copies read as having none ([MD10]).
   */
  hibccCodes: list(text(22, 5), 20, { default: [] }),
  /** Price to the patient per base unit, for margin; null if priced per treatment. */
  patientPricePerUnitCents: nullable(int(0, MAX_CENTS)),
  /** Reorder point in base-unit thousandths. */
  minStockMilli: int(0, MAX_BALANCE_MILLI),
  /** Hours an opened/reconstituted container may be used; a clinic setting from label and policy. */
  beyondUseHours: nullable(int(1, MAX_BEYOND_USE_HOURS)),
  supplier: text(200),
  /**
   * The smallest amount drawn, in base-unit thousandths (a product setting, SPEC [T3]): e.g. 1_000
   * for a toxin drawn in whole units. Null = the unit's step (U 0.5, mL 0.01, each 1). Added after
   * the first products were written: older copies read as null ([MD10]).
   */
  drawStepMilli: nullable(int(1, MAX_QUANTITY_MILLI), { default: null }),
  /**
   * Archived products stay in history and reports but leave every picker ([CT3]); a product with
   * history is archived, never deleted. The four fields below were added after the first products
   * were written: older copies read with these defaults ([MD10]).
   */
  archived: bool({ default: false }),
  /** The variant family ("Botox" for the 50 U and 100 U vials), for grouping ([CT4]); '' = none. */
  family: text(200, 0, { default: '' }),
  /** What to order when stock falls below `minStockMilli`, base-unit thousandths; 0 = not set. */
  reorderQuantityMilli: int(0, MAX_BALANCE_MILLI, { default: 0 }),
  /** The supplier a suggested order goes to (a `suppliers` record); null = none chosen. */
  preferredSupplierId: nullable(uuid(), { default: null }),
});

/** Longest lead time a supplier may promise, in days (a year). */
export const MAX_LEAD_TIME_DAYS = 366;

/** A supplier the clinic buys from (master data, last-writer-wins per field, [MD1]). */
export const SupplierRecord = record({
  id: uuid(),
  orgId: uuid(),
  name: text(200, 1),
  /** Person, phone, e-mail — as the clinic writes it. */
  contact: text(500),
  /** The clinic's account number with this supplier. */
  accountNumber: text(100),
  /** Days from order to delivery the supplier promises; null = not known. */
  leadTimeDays: nullable(int(0, MAX_LEAD_TIME_DAYS)),
  /** e.g. "Net 30". */
  paymentTerms: text(200),
  /** Contract notes. */
  notes: text(2000),
});

/**
 * One supplier's price for one product from a given day (a price list line, [CT6]). A new price on
 * another day is a new record (id derived from supplier, product and day), so the records of one
 * supplier × product are that pair's price history; the same day's import overwrites its own line.
 */
export const SupplierPriceRecord = record({
  id: uuid(),
  orgId: uuid(),
  supplierId: uuid(),
  productId: uuid(),
  /** The supplier's own code for the product ('' if none). */
  supplierSku: text(60),
  /** The price per base unit, micro-dollars (a pack price divided by the pack's base units). */
  unitCostMicros: int(0, MAX_UNIT_COST_MICROS),
  /** The fewest packs the supplier sells at this price (1 = any). */
  minPacks: int(1, MAX_CONTAINERS_PER_PACK),
  /** The day the price list says the price holds from (YYYY-MM-DD). */
  updatedOn: isoDate(),
});

/** Most lines one treatment template pre-fills ([TT1]). */
export const MAX_TEMPLATE_LINES = 10;

/** One product and the amount a template charts for it ([TT1]). */
export const TemplateLineSchema = record({
  productId: uuid(),
  /** The charted amount in base-unit thousandths: "20 U" = 20_000. */
  quantityMilli: int(1, MAX_QUANTITY_MILLI),
});

/**
 * A treatment template ([TT1]): "Glabellar lines — toxin, 20 U" names an area and what is usually
 * drawn for it. Picking one at the chair adds the area to the visit and pre-fills each line's draw
 * for the injector to confirm or change ([TT2]); it never records anything by itself. Master data
 * written by managers and admins; archived templates leave the picker, like archived products.
 */
export const TreatmentTemplateRecord = record({
  id: uuid(),
  orgId: uuid(),
  name: text(200, 1),
  /** The area added to the visit's treatment areas, as the Start visit screen lists them. */
  treatmentArea: text(100, 1),
  /** Replaced as a whole when edited (one field for the merge, [MD3]). */
  lines: list(TemplateLineSchema, MAX_TEMPLATE_LINES),
  archived: bool(),
});

export const LotRecord = record({
  id: uuid(),
  orgId: uuid(),
  productId: uuid(),
  lotNumber: text(20, 1),
  /** Expiry date as printed (YYYY-MM-DD); the lot is usable through the end of that local day. */
  expiry: isoDate(),
  unitCostMicros: int(0, MAX_UNIT_COST_MICROS),
  status: oneOf(LOT_STATUSES),
});

/** A treatment: draws attach to it. The chart reference identifies the patient without a name. */
export const VisitRecord = record({
  id: uuid(),
  orgId: uuid(),
  locationId: uuid(),
  patientChartRef: text(100),
  providerId: uuid(),
  treatmentAreas: list(text(100), 30),
  /** What the patient was charged, for margin; null if not entered. */
  priceChargedCents: nullable(int(0, MAX_CENTS)),
  /** ISO timestamp on the device when the visit started. */
  startedAt: isoTime(),
  deviceId: text(64, 1),
});

/** One ordered product on a purchase order ([PO1]). */
export const PurchaseOrderLineSchema = record({
  productId: uuid(),
  /** Whole packs ordered, as on the supplier's order form; 0 when ordered in loose base units. */
  packs: int(0, MAX_QUANTITY_MILLI),
  /** Ordered amount in base-unit thousandths (the packs' units and any loose ones). */
  quantityMilli: int(1, MAX_QUANTITY_MILLI),
  /** Agreed cost per base unit, micro-dollars; receiving defaults the lot's cost to it. */
  unitCostMicros: int(0, MAX_UNIT_COST_MICROS),
  /** When the supplier said this line arrives (YYYY-MM-DD), or null if not said. */
  expectedOn: nullable(isoDate()),
});

/**
 * An order to a supplier ([PO1]-[PO3]). Receiving against it writes `receive` ledger events that
 * carry its id; the order itself is master data: its fields replicate last-writer-wins ([MD1]).
 * Only managers and admins write it ([PO2]); its totals are computed, never stored.
 */
export const PurchaseOrderRecord = record({
  id: uuid(),
  orgId: uuid(),
  locationId: uuid(),
  supplier: text(200, 1),
  /** The clinic's or supplier's PO number as printed. */
  reference: text(60, 1),
  status: oneOf(PURCHASE_ORDER_STATUSES),
  /** YYYY-MM-DD the draft was started. */
  orderedOn: isoDate(),
  /** When it was sent to the supplier (device time), null while a draft. */
  sentAt: nullable(isoTime(), { default: null }),
  /** Replaced as a whole when edited (one field for the merge, [MD3]). */
  lines: list(PurchaseOrderLineSchema, 200),
  note: text(1000),
});

/**
 * A fridge count session at one location. The counted quantities are `count` ledger events
 * (append-only, so counts from two tablets never conflict); the session record only says who
 * started it, whether it is finished and when ([MD1]).
 */
export const CountSessionRecord = record({
  id: uuid(),
  orgId: uuid(),
  locationId: uuid(),
  startedBy: uuid(),
  /** ISO timestamp on the device. */
  startedAt: isoTime(),
  status: oneOf(COUNT_STATUSES),
  closedAt: nullable(isoTime()),
  note: text(1000),
});

/** Each replicated kind's definition, in the order kinds are listed everywhere. */
export const RECORD_SCHEMAS = {
  locations: LocationRecord,
  staff: StaffRecord,
  products: ProductRecord,
  lots: LotRecord,
  visits: VisitRecord,
  purchase_orders: PurchaseOrderRecord,
  counts: CountSessionRecord,
  suppliers: SupplierRecord,
  supplier_prices: SupplierPriceRecord,
  treatment_templates: TreatmentTemplateRecord,
} as const;

export type LocationFields = Static<typeof LocationRecord>;
export type StaffFields = Static<typeof StaffRecord>;
export type ProductFields = Static<typeof ProductRecord>;
export type LotFields = Static<typeof LotRecord>;
export type VisitFields = Static<typeof VisitRecord>;
export type PurchaseOrderLineFields = Static<typeof PurchaseOrderLineSchema>;
export type PurchaseOrderFields = Static<typeof PurchaseOrderRecord>;
export type CountSessionFields = Static<typeof CountSessionRecord>;
export type SupplierFields = Static<typeof SupplierRecord>;
export type SupplierPriceFields = Static<typeof SupplierPriceRecord>;
export type TemplateLineFields = Static<typeof TemplateLineSchema>;
export type TreatmentTemplateFields = Static<typeof TreatmentTemplateRecord>;
