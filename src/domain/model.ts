/**
 * The records Chairside keeps, shared by the tablet (RxDB) and the sync server (SQL).
 *
 * Units: quantities are integers in thousandths of the product's base unit (`*Milli`),
 * money is integer cents (`*Cents`), unit costs are integer micro-dollars per base unit
 * (`*Micros`, so $1.9667/U stays exact enough), dates are ISO strings.
 * See SPEC.md [Q1], [M1], [M2].
 */

export type Role = 'injector' | 'front_desk' | 'manager' | 'admin';
export const ROLES: readonly Role[] = ['injector', 'front_desk', 'manager', 'admin'];

/** The unit a product is counted and drawn in. */
export type BaseUnit = 'U' | 'mL' | 'each';

export type ProductCategory = 'neurotoxin' | 'filler' | 'biostimulator' | 'skincare' | 'supply';

export type LotStatus = 'available' | 'hold' | 'quarantine' | 'recalled';

export interface Organization {
  id: string;
  name: string;
}

export interface Location {
  id: string;
  orgId: string;
  name: string;
  /** e.g. "Fridge A, Room 2" — where staff physically find the stock. */
  storage: string;
}

export interface Staff {
  id: string;
  orgId: string;
  name: string;
  role: Role;
  /** Locations this person works at; empty = all locations of the organization. */
  locationIds: string[];
}

export interface Product {
  id: string;
  orgId: string;
  name: string;
  manufacturer: string;
  category: ProductCategory;
  baseUnit: BaseUnit;
  /** Base-unit thousandths in one container (vial/syringe): 100 U = 100_000. */
  containerSizeMilli: number;
  /** Containers per sellable pack (a box of 2 syringes = 2). */
  containersPerPack: number;
  /** Unit-level and carton-level GTIN-14s. */
  gtins: string[];
  /**
   * HIBCC identifiers of devices labelled the HIBC way: labeler code + product code (LIC + PCN,
   * e.g. "A123BJC5D6E7"); the unit-of-measure digit is the packaging level, not part of the id.
   */
  hibccCodes: string[];
  /** Price to the patient per base unit, for margin; null if priced per treatment. */
  patientPricePerUnitCents: number | null;
  /** Reorder point in base-unit thousandths. */
  minStockMilli: number;
  /** Hours an opened/reconstituted container may be used; a clinic setting from label and policy. */
  beyondUseHours: number | null;
  supplier: string;
}

export interface Lot {
  id: string;
  orgId: string;
  productId: string;
  lotNumber: string;
  /** Expiry date as printed (YYYY-MM-DD); the lot is usable through the end of that local day. */
  expiry: string;
  unitCostMicros: number;
  status: LotStatus;
}

/** A stock receipt from the demo data set; at runtime it becomes a `receive` ledger event. */
export interface Receipt {
  id: string;
  lotId: string;
  locationId: string;
  quantityMilli: number;
  /** ISO timestamp the stock arrived. */
  receivedAt: string;
  supplier: string;
  purchaseOrder: string;
  actorId: string;
}

/** Kinds of stock movement. SPEC.md [L1]: every movement is one immutable event. */
export type LedgerEventType =
  'receive' | 'open' | 'draw' | 'waste' | 'adjust' | 'transfer_out' | 'transfer_in' | 'count';

export const LEDGER_EVENT_TYPES: readonly LedgerEventType[] = [
  'receive',
  'open',
  'draw',
  'waste',
  'adjust',
  'transfer_out',
  'transfer_in',
  'count',
];

/**
 * One stock movement. Written once with a client-generated id, never updated or deleted;
 * a correction is a new event whose `correctsId` names the event it compensates.
 */
export interface LedgerEvent {
  id: string;
  orgId: string;
  type: LedgerEventType;
  lotId: string;
  locationId: string;
  /** Signed change in base-unit thousandths as seen by this lot × location (draws are negative). */
  quantityMilli: number;
  actorId: string;
  deviceId: string;
  /** ISO timestamp on the device's clock when it happened. */
  deviceTime: string;
  /** Visit the draw belongs to, when there is one. */
  visitId: string | null;
  /**
   * The opened vial/syringe this movement concerns. An `open` event starts a container whose id is
   * the open event's own id; draws and leftover waste from it carry that id. Null otherwise.
   */
  containerId: string | null;
  correctsId: string | null;
  /** Type-specific facts (supplier, PO, waste reason, override, FEFO deviation reason…). */
  payload: Record<string, string | number | boolean | null>;
}

/** Every field of a ledger event except `payload`, in one place for schemas and comparisons. */
export const LEDGER_EVENT_SCALAR_FIELDS = [
  'id',
  'orgId',
  'type',
  'lotId',
  'locationId',
  'quantityMilli',
  'actorId',
  'deviceId',
  'deviceTime',
  'visitId',
  'containerId',
  'correctsId',
] as const satisfies readonly (keyof LedgerEvent)[];

/** Why an event exists beyond its type: waste reasons (SPEC [L1]). */
export type WasteReason = 'spill' | 'expired' | 'damaged' | 'beyond_use_leftover' | 'other';
export const WASTE_REASONS: readonly WasteReason[] = [
  'spill',
  'expired',
  'damaged',
  'beyond_use_leftover',
  'other',
];

/** A treatment: draws attach to it. The chart reference identifies the patient without a name. */
export interface Visit {
  id: string;
  orgId: string;
  locationId: string;
  patientChartRef: string;
  providerId: string;
  treatmentAreas: string[];
  /** What the patient was charged, for margin; null if not entered. */
  priceChargedCents: number | null;
  /** ISO timestamp on the device when the visit started. */
  startedAt: string;
  deviceId: string;
}

/** One ordered product on a purchase order. */
export interface PurchaseOrderLine {
  productId: string;
  /** Ordered amount in base-unit thousandths. */
  quantityMilli: number;
  /** Agreed cost per base unit, micro-dollars; receiving defaults the lot's cost to it. */
  unitCostMicros: number;
}

export type PurchaseOrderStatus = 'open' | 'received' | 'cancelled';

/**
 * An order to a supplier. Receiving against it writes `receive` ledger events (they carry the PO
 * reference); the order itself is master data: its fields replicate last-writer-wins ([MD1]).
 */
export interface PurchaseOrder {
  id: string;
  orgId: string;
  locationId: string;
  supplier: string;
  /** The clinic's or supplier's PO number as printed. */
  reference: string;
  status: PurchaseOrderStatus;
  /** YYYY-MM-DD. */
  orderedOn: string;
  /** Replaced as a whole when edited (one field for the merge). */
  lines: PurchaseOrderLine[];
  note: string;
}

export type CountStatus = 'open' | 'closed';

/**
 * A fridge count session at one location. The counted quantities are `count` ledger events
 * (append-only, so counts from two tablets never conflict); the session record only says who
 * started it, whether it is finished and when ([MD1]).
 */
export interface CountSession {
  id: string;
  orgId: string;
  locationId: string;
  startedBy: string;
  /** ISO timestamp on the device. */
  startedAt: string;
  status: CountStatus;
  closedAt: string | null;
  note: string;
}
