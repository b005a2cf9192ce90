/**
 * The receipt being scanned on this screen ([RC4]-[RC7]): the draft lines, the header (supplier,
 * PO, location), splits across locations, the last scan's result, and confirming. The rules are
 * the domain's (src/domain/receiving); this hook only holds the state and stores the result.
 */
import { useMemo, useState } from 'react';
import { confirmReceipt, type Allocation, type ConfirmResult } from '../../domain/receiving/confirm';
import {
  addScan,
  EMPTY_RECEIPT,
  editLine,
  removeLine,
  type ReceiptDraft,
  type ReceiptLine,
  type ReceiptScan,
} from '../../domain/receiving/draft';
import { packagingLevel } from '../../scan/match';
import type { Location, Product, PurchaseOrder } from '../../domain/model';
import { lineCostCents } from '../../domain/money';
import { orderProgress, packingSlip, type ReceivedAgainstOrder } from '../../domain/purchasing';
import { can } from '../../domain/roles';
import { deviceToday, newId, now } from '../../platform/clock';
import { useData } from '../../platform/DataContext';
import type { SessionStaff } from '../../platform/session';
import { useObservable } from '../../platform/useObservable';
import type { ScanOutcome } from '../../scan/flow';
import { receiptScanOf } from './scan-to-receipt';

export type ScanNote = { tone: 'added' | 'refused'; text: string; seq: number };

export interface Received {
  result: Extract<ConfirmResult, { ok: true }>;
  locationNames: string[];
}

const EMPTY_SERIALS = new Map<string, string>();
const NO_RECEIPTS = new Map<string, ReceivedAgainstOrder[]>();

/**
 * What a container costs at the order line's agreed cost per base unit ([PO3]), or null — also for
 * whoever may not see costs ([ST3]): front desk types the invoice's price as without an order.
 */
function orderPriceCents(
  order: PurchaseOrder | null,
  product: Product | undefined,
  seeCosts: boolean,
): number | null {
  const line = seeCosts && order && product ? order.lines.find((l) => l.productId === product.id) : undefined;
  return line && product ? lineCostCents(product.containerSizeMilli, line.unitCostMicros) : null;
}

export function useReceipt(staff: SessionStaff, locations: readonly Location[]) {
  const data = useData();
  const products = useObservable<Product[]>(() => data.products.watch(), [], [data]);
  const serials = useObservable(() => data.receiving.watchSerials(), EMPTY_SERIALS, [data]);
  const shortDatedDays = useObservable(() => data.settings.watch('clinic.shortDatedDays'), 90, [data]);
  const orders = useObservable<PurchaseOrder[]>(() => data.orders.watch(), [], [data]);
  const orderReceipts = useObservable(() => data.orders.watchReceipts(), NO_RECEIPTS, [data]);
  const [orderId, setOrderId] = useState<string | null>(null);
  const [draft, setDraft] = useState<ReceiptDraft>(EMPTY_RECEIPT);
  const [supplier, setSupplier] = useState('');
  const [purchaseOrder, setPurchaseOrder] = useState('');
  const [locationId, setLocationId] = useState<string>(locations[0]?.id ?? '');
  const [splits, setSplits] = useState<ReadonlyMap<string, readonly Allocation[]>>(new Map());
  const [warningsAccepted, setWarningsAccepted] = useState(false);
  const [note, setNote] = useState<ScanNote | null>(null);
  const [received, setReceived] = useState<Received | null>(null);
  /** The last code named a GTIN the catalog lacks: a manager may add the product, then it counts. */
  const [unknown, setUnknown] = useState<{ gtin: string; scan: ReceiptScan } | null>(null);
  const staffDocs = useObservable(() => data.staff.watch(), [], [data]);
  // The organization is the signed-in person's (a clinic's first products may not exist yet).
  const orgId = staffDocs.find((s) => s.id === staff.id)?.orgId ?? products[0]?.orgId ?? '';
  const byId = useMemo(() => new Map(products.map((p) => [p.id, p])), [products]);
  const seeCosts = can(staff.role, 'see_costs');
  const order = orders.find((o) => o.id === orderId) ?? null;
  // Orders that can still receive: sent, not yet complete ([PO3]).
  const openOrders = useMemo(
    () =>
      orders.filter((o) => {
        const status = orderProgress(o.status, o.lines, orderReceipts.get(o.id) ?? []).status;
        return status === 'sent' || status === 'partially_received';
      }),
    [orders, orderReceipts],
  );
  const chooseOrder = (id: string | null) => {
    const chosen = orders.find((o) => o.id === id) ?? null;
    setOrderId(chosen?.id ?? null);
    if (!chosen) return;
    setSupplier(chosen.supplier);
    setPurchaseOrder(chosen.reference);
    if (locations.some((l) => l.id === chosen.locationId)) setLocationId(chosen.locationId);
  };
  /** The live packing-slip check against the chosen order, or null without one. */
  const slip = useMemo(
    () =>
      order
        ? packingSlip(
            order,
            orderReceipts.get(order.id) ?? [],
            draft,
            (id) => byId.get(id)?.containerSizeMilli ?? 0,
          )
        : null,
    [order, orderReceipts, draft, byId],
  );

  const onScan = (outcome: ScanOutcome) => {
    if (outcome.combine === 'ignored-partial') {
      setNote({
        tone: 'refused',
        seq: outcome.seq,
        text: 'That label belongs to the carton just counted: for the next carton, scan its full code.',
      });
      return;
    }
    const scan = receiptScanOf(outcome);
    if (!scan) {
      const message = outcome.parsed.ok ? 'Nothing to receive in this code.' : outcome.parsed.error.message;
      setNote({ tone: 'refused', seq: outcome.seq, text: message });
      return;
    }
    if (scan.product?.archived) {
      // Archived products leave pickers and receipts ([CT3]); the catalog can bring one back.
      const text = `${scan.product.name} is archived in the Catalog: a manager can un-archive it there to receive it.`;
      setNote({ tone: 'refused', seq: outcome.seq, text });
      return;
    }
    const gtin = outcome.identification?.gtin;
    setUnknown(!scan.product && gtin ? { gtin, scan } : null);
    add(scan, outcome.seq);
  };

  const add = (scan: ReceiptScan, seq: number) => {
    const r = addScan(draft, scan, { today: deviceToday(), shortDatedDays, receivedSerials: serials });
    // A new line on an order starts at the order's price per container (editable, [PO3]).
    const price = r.kind === 'added' ? orderPriceCents(order, byId.get(r.line.productId), seeCosts) : null;
    const fresh = r.kind === 'added' && r.line.priceCentsPerContainer === null && price !== null;
    setDraft(fresh ? editLine(r.draft, r.line.key, { priceCentsPerContainer: price }) : r.draft);
    if (r.kind === 'refused') setNote({ tone: 'refused', seq, text: r.message });
    else {
      const product = scan.product ?? byId.get(r.line.productId);
      const what = product ? `${product.name} lot ${r.line.lotNumber}` : `lot ${r.line.lotNumber}`;
      setNote({
        tone: 'added',
        seq,
        text: `+${r.containers} · ${what} (${r.line.containers} in all)`,
      });
    }
  };

  const stamp = () => ({
    receiptId: newId(),
    actorId: staff.id,
    deviceId: data.deviceId,
    deviceTime: new Date(now()).toISOString(),
    newId,
  });
  const header = {
    orgId,
    supplier,
    purchaseOrder,
    purchaseOrderId: orderId,
    locationId,
    splits,
    warningsAccepted,
  };
  /** What confirming would build now: the problems to show, or the receipt to review. */
  // Ids and time only matter for the receipt that is stored: the preview draws none.
  const preview = useMemo(
    () =>
      confirmReceipt(draft, header, byId, {
        receiptId: 'preview',
        actorId: staff.id,
        deviceId: data.deviceId,
        deviceTime: '',
        newId: () => 'preview',
      }),
    // header is rebuilt each render; its parts are the dependencies.
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [
      draft,
      byId,
      orgId,
      supplier,
      purchaseOrder,
      orderId,
      locationId,
      splits,
      warningsAccepted,
      staff.id,
      data.deviceId,
    ],
  );

  const confirm = async (): Promise<void> => {
    const result = confirmReceipt(draft, header, byId, stamp());
    if (!result.ok) return;
    await data.receiving.store(result.lots, result.events, {
      deviceId: data.deviceId,
      actorId: staff.id,
      nowMs: now(),
    });
    const names = new Set(
      result.events.map((e) => locations.find((l) => l.id === e.locationId)?.name ?? e.locationId),
    );
    setReceived({ result, locationNames: [...names] });
    // The next delivery is usually the same supplier's, to the same place, on another PO.
    setPurchaseOrder('');
    setOrderId(null);
    setDraft(EMPTY_RECEIPT);
    setSplits(new Map());
    setWarningsAccepted(false);
    setNote(null);
  };

  return {
    orgId: header.orgId,
    products: byId,
    draft,
    header: {
      supplier,
      setSupplier,
      purchaseOrder,
      setPurchaseOrder,
      locationId,
      setLocationId,
      order,
      openOrders,
      chooseOrder,
    },
    slip,
    /** The chosen order's price per container of this product, or null ([PO3]). */
    orderPriceOf: (productId: string) => orderPriceCents(order, byId.get(productId), seeCosts),
    note,
    onScan,
    unknown,
    /** The unknown GTIN's product now exists (added, or the GTIN given to one): the carton counts. */
    productKnown: (product: Product) => {
      if (!unknown) return;
      setUnknown(null);
      add({ ...unknown.scan, product, level: packagingLevel(unknown.gtin) }, (note?.seq ?? 0) + 1);
    },
    edit: (key: string, edit: Parameters<typeof editLine>[2]) => setDraft((d) => editLine(d, key, edit)),
    remove: (key: string) => {
      setDraft((d) => removeLine(d, key));
      setSplits((s) => new Map([...s].filter(([k]) => k !== key)));
    },
    splitOf: (line: ReceiptLine) => splits.get(line.key) ?? null,
    setSplit: (key: string, split: readonly Allocation[] | null) =>
      setSplits((s) => {
        const next = new Map(s);
        if (split) next.set(key, split);
        else next.delete(key);
        return next;
      }),
    warningsAccepted,
    setWarningsAccepted,
    preview,
    confirm,
    received,
    startAnother: () => setReceived(null),
  };
}

export type ReceiptState = ReturnType<typeof useReceipt>;
