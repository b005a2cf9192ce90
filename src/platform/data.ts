/**
 * What screens read and write: a facade over the repositories, bound to the open database and this
 * tablet's id (SPEC [ARCH4]). Screens get this object from `useData()`, never the database, so the
 * only code that touches collections stays in src/db (and replication in src/sync).
 *
 * Each group is the repository functions with the database applied, e.g.
 * `data.visits.watch(id)` = `watchVisit(db, id)`; settings are typed by key (`SETTINGS`).
 */
import type { ChairsideDatabase } from '../db/collections';
import { loadDemoClinic } from '../db/demo';
import { currentContainer, recordEvents } from '../db/repositories/balances';
import { watchProductCount, listProducts } from '../db/repositories/catalog';
import { findEvent } from '../db/repositories/events';
import { watchFefo } from '../db/repositories/fefo';
import { watchWorkableLocations } from '../db/repositories/locations';
import { createLotFromScan, lotsOfProduct, watchLots, watchOnHand } from '../db/repositories/lots';
import {
  addGtinToProduct,
  createProduct,
  importStarterCatalog,
  saveProducts,
  watchProducts,
} from '../db/repositories/products';
import { watchProductReceipts } from '../db/repositories/price-history';
import {
  saveSupplier,
  saveSupplierPrices,
  watchSupplierPrices,
  watchSuppliers,
} from '../db/repositories/suppliers';
import {
  markProductUsed,
  toggleFavourite,
  watchFavouriteProductIds,
  watchRecentProductIds,
} from '../db/repositories/recent';
import {
  readSetting,
  watchSetting,
  writeSetting,
  type SettingKey,
  type SettingOf,
} from '../db/repositories/settings';
import { listStaff, watchStaff } from '../db/repositories/staff';
import { storeReceipt, watchReceivedSerials } from '../db/repositories/receiving';
import { saveTemplate, watchTemplates } from '../db/repositories/treatment-templates';
import {
  saveOrder,
  watchOnHandByProduct,
  watchOrderDeliveries,
  watchOrderReceipts,
  watchOrders,
  watchSupplierFacts,
} from '../db/repositories/purchase-orders';
import { watchDiscrepancies, watchStockAt, watchStockLocations } from '../db/repositories/stock';
import { cancelTransfer, receiveTransfer, sendTransfer, watchTransfers } from '../db/repositories/transfers';
import { saveVisit, watchRecentVisits, watchVisit, watchVisitSummary } from '../db/repositories/visits';
import type { LedgerEvent, Product } from '../domain/model';
import {
  createEnrollCode,
  demoEnrollCode,
  demoServerInfo,
  enrollCodeStatus,
  type ApiClient,
} from '../sync/api';
import { enrollDevice, forgetEnrollment, readEnrollment } from '../sync/enrollment';
import { watchRejected } from '../db/repositories/syncmarks';
import { now } from './clock';

export type { StaffDoc as StaffMember } from '../db/collections';
export type { Enrollment } from '../db/repositories/settings';
export type { Discrepancy, StockAt } from '../db/repositories/stock';
export type { SyncMarkDoc as SyncMark } from '../db/schemas/syncmarks';
export type { DemoServerInfo, EnrollCodeCreated, EnrollCodeStatus } from '../domain/sync/wire';

/** The server this app was loaded from (it serves the PWA), with a token when one is needed. */
function thisServer(token: string | null = null): ApiClient {
  return { baseUrl: location.origin, token, fetch: (...args) => fetch(...args) };
}

/** `fn(db, ...args)` as `fn(...args)`. */
type Bound<F> = F extends (db: ChairsideDatabase, ...args: infer A) => infer R ? (...args: A) => R : never;

// The map holds functions of every signature whose first parameter is the database.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type DbFunctions = Record<string, (db: ChairsideDatabase, ...args: any[]) => unknown>;

function bind<T extends DbFunctions>(db: ChairsideDatabase, fns: T): { [K in keyof T]: Bound<T[K]> } {
  const out: Record<string, unknown> = {};
  for (const [name, fn] of Object.entries(fns)) out[name] = (...args: unknown[]) => fn(db, ...args);
  return out as { [K in keyof T]: Bound<T[K]> };
}

export function createData(db: ChairsideDatabase, deviceId: string) {
  return {
    deviceId,
    products: bind(db, {
      watch: watchProducts,
      watchCount: watchProductCount,
      list: listProducts,
      create: createProduct,
      importStarter: importStarterCatalog,
      addGtin: addGtinToProduct,
      save: saveProducts,
      watchReceipts: watchProductReceipts,
    }),
    /** Suppliers and their price lists ([CT2], [CT6]). */
    suppliers: bind(db, {
      watch: watchSuppliers,
      save: saveSupplier,
      watchPrices: watchSupplierPrices,
      savePrices: saveSupplierPrices,
    }),
    /** Treatment templates ([TT1]-[TT3]): everyone reads them, managers and admins save them. */
    templates: bind(db, { watch: watchTemplates, save: saveTemplate }),
    lots: bind(db, {
      watch: watchLots,
      ofProduct: lotsOfProduct,
      createFromScan: createLotFromScan,
      watchOnHand,
    }),
    staff: bind(db, { watch: watchStaff, list: listStaff }),
    locations: bind(db, { watchWorkable: watchWorkableLocations }),
    visits: bind(db, {
      watch: watchVisit,
      watchRecent: watchRecentVisits,
      watchSummary: watchVisitSummary,
      save: saveVisit,
    }),
    /** FEFO for a product at a location, ranked at the device's clock. */
    fefo: {
      watch: (product: Product, locationId: string) => watchFefo(db, product, locationId, now),
    },
    ledger: {
      /** Resolves once the events are stored and in the live balances ([L10]). */
      record: (events: LedgerEvent[]) => recordEvents(db, events),
      find: (eventId: string) => findEvent(db, eventId),
      /** An opened container's state now (what is used, whether its opening stands). */
      container: (lotId: string, locationId: string, containerId: string) =>
        currentContainer(db, lotId, locationId, containerId),
    },
    /** The product picker's device-local lists. */
    picker: bind(db, {
      watchRecent: watchRecentProductIds,
      watchFavourites: watchFavouriteProductIds,
      markUsed: markProductUsed,
      toggleFavourite,
    }),
    /** Receipts: serials already received ([RC5]) and storing a confirmed one ([RC7]). */
    receiving: bind(db, { watchSerials: watchReceivedSerials, store: storeReceipt }),
    /** Purchase orders ([PO1]-[PO3]): the orders, what arrived against each, saving one. */
    orders: bind(db, {
      watch: watchOrders,
      watchReceipts: watchOrderReceipts,
      watchDeliveries: watchOrderDeliveries,
      save: saveOrder,
      watchOnHand: watchOnHandByProduct,
      watchSuppliers: watchSupplierFacts,
    }),
    /** Stock at chosen locations, one view at a time, and the locations to choose from ([ST1]). */
    stock: bind(db, { watchAt: watchStockAt, watchLocations: watchStockLocations, watchDiscrepancies }),
    /** Transfers between locations: in transit, received, cancelled ([TR1]-[TR4]). */
    transfers: bind(db, {
      watch: watchTransfers,
      send: sendTransfer,
      receive: receiveTransfer,
      cancel: cancelTransfer,
    }),
    settings: {
      read: <K extends SettingKey>(key: K) => readSetting(db, key),
      write: <K extends SettingKey>(key: K, value: SettingOf<K>) => writeSetting(db, key, value),
      watch: <K extends SettingKey>(key: K) => watchSetting(db, key),
    },
    sync: bind(db, {
      readEnrollment,
      enroll: enrollDevice,
      forget: forgetEnrollment,
      watchRejected,
    }),
    demo: bind(db, { load: loadDemoClinic }),
    /** Enrollment codes: an admin's (with the server's admin token) and a demo server's ([S22], [S23]). */
    codes: {
      create: (adminToken: string, locationIds: string[]) =>
        createEnrollCode(thisServer(adminToken), locationIds),
      status: (adminToken: string, id: string) => enrollCodeStatus(thisServer(adminToken), id),
      demoServer: () => demoServerInfo(thisServer()),
      demoCode: () => demoEnrollCode(thisServer()),
    },
  };
}

export type ChairsideData = ReturnType<typeof createData>;
