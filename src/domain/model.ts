/**
 * The records Chairside keeps, shared by the tablet (RxDB) and the sync server (SQL).
 *
 * Units: quantities are integers in thousandths of the product's base unit (`*Milli`),
 * money is integer cents (`*Cents`), unit costs are integer micro-dollars per base unit
 * (`*Micros`, so $1.9667/U stays exact enough), dates are ISO strings.
 * See SPEC.md [Q1], [M1], [M2].
 */
import type {
  BASE_UNITS,
  COUNT_STATUSES,
  CountSessionFields,
  LocationFields,
  LOT_STATUSES,
  LotFields,
  PRODUCT_CATEGORIES,
  ProductFields,
  PURCHASE_ORDER_STATUSES,
  PurchaseOrderFields,
  PurchaseOrderLineFields,
  StaffFields,
  SupplierFields,
  SupplierPriceFields,
  TemplateLineFields,
  TreatmentTemplateFields,
  VisitFields,
} from './schemas/records';

export type Role = 'injector' | 'front_desk' | 'manager' | 'admin';
export const ROLES: readonly Role[] = ['injector', 'front_desk', 'manager', 'admin'];

/** The unit a product is counted and drawn in. */
export type BaseUnit = (typeof BASE_UNITS)[number];
export type ProductCategory = (typeof PRODUCT_CATEGORIES)[number];
export type LotStatus = (typeof LOT_STATUSES)[number];

export interface Organization {
  id: string;
  name: string;
}

/*
 * The replicated master-data records: defined once as TypeBox schemas in schemas/records.ts
 * (field comments there, SPEC [MD11]); these are their derived types.
 */
export type Location = LocationFields;
export type Staff = Omit<StaffFields, 'pinHash'>;
export type Product = ProductFields;
export type Lot = LotFields;

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

export type Visit = VisitFields;
export type PurchaseOrderLine = PurchaseOrderLineFields;
export type PurchaseOrderStatus = (typeof PURCHASE_ORDER_STATUSES)[number];
export type PurchaseOrder = PurchaseOrderFields;
export type CountStatus = (typeof COUNT_STATUSES)[number];
export type CountSession = CountSessionFields;
export type Supplier = SupplierFields;
export type SupplierPrice = SupplierPriceFields;
export type TemplateLine = TemplateLineFields;
export type TreatmentTemplate = TreatmentTemplateFields;
