/**
 * A receipt being scanned ([RC4]-[RC6]): the cartons out of the supplier's box become lines, one
 * per lot (product + lot number, [MD4]), counted in containers (vials, syringes). Pure: the screen
 * keeps the draft and feeds it what the scanner identified.
 *
 * - A carton-level code adds the product's `containersPerPack`, a unit-level code one container.
 * - A serial (GS1 AI 21) already on this receipt, or received before, is refused: a duplicate scan
 *   or a re-labelled box never counts twice ([RC5]).
 * - A lot on file with another expiry is refused, never merged ([RC6], [SC9]).
 * - An expired or short-dated lot is added with a warning that must be accepted before the
 *   receipt is confirmed ([RC6]).
 *
 * Worked example (Juvéderm, 2 syringes per carton; nothing received before):
 *   carton lot J1 serial S1 → added, line J1: 2 syringes, serials [S1]
 *   carton lot J1 serial S2 → added, line J1: 4 syringes, serials [S1, S2]
 *   carton lot J1 serial S1 → refused "Carton S1 is already on this receipt."
 */
import { daysBetween } from '../dates';
import type { Lot, Product } from '../model';
import { normalizeLotNumber } from '../replica/lot-id';

export interface ReceiptScan {
  product: Product | null;
  level: 'unit' | 'carton' | null;
  lotNumber?: string;
  expiry?: string;
  serial?: string;
  /** The product's lot with this number already on file, if any. */
  knownLot: Lot | null;
}

export type LineWarning = 'expired' | 'short-dated';

export interface ReceiptLine {
  /** productId|LOT NUMBER: one line per lot. */
  key: string;
  productId: string;
  lotNumber: string;
  expiry: string;
  /** The lot already on file (its id and cost stand), or null: a new lot is created. */
  existingLotId: string | null;
  containers: number;
  /** Containers that came free (they lower the cost per unit, [RC2]). */
  freeContainers: number;
  /** What the supplier charges per container, in cents; null until entered. */
  priceCentsPerContainer: number | null;
  /** Each serial-numbered carton or unit scanned, with how many containers it holds. */
  serials: { serial: string; containers: number }[];
  warnings: LineWarning[];
}

export interface ReceiptDraft {
  lines: ReceiptLine[];
}

export const EMPTY_RECEIPT: ReceiptDraft = { lines: [] };

export interface ScanContext {
  /** YYYY-MM-DD on the device. */
  today: string;
  /** A lot expiring within this many days warns as short-dated. */
  shortDatedDays: number;
  /** Serials received before (serialKey → when, in words), from the ledger. */
  receivedSerials: ReadonlyMap<string, string>;
}

export type ScanResult =
  | { kind: 'added'; draft: ReceiptDraft; line: ReceiptLine; containers: number }
  | { kind: 'refused'; draft: ReceiptDraft; message: string };

export const lineKey = (productId: string, lotNumber: string) =>
  `${productId}|${normalizeLotNumber(lotNumber)}`;

/** Serials are unique per product (a GTIN's serial space). */
export const serialKey = (productId: string, serial: string) => `${productId}|${serial.trim()}`;

export function warningsFor(
  expiry: string,
  ctx: Pick<ScanContext, 'today' | 'shortDatedDays'>,
): LineWarning[] {
  const days = daysBetween(ctx.today, expiry);
  if (days < 0) return ['expired'];
  return days <= ctx.shortDatedDays ? ['short-dated'] : [];
}

export function addScan(draft: ReceiptDraft, scan: ReceiptScan, ctx: ScanContext): ScanResult {
  const refuse = (message: string): ScanResult => ({ kind: 'refused', draft, message });
  const { product } = scan;
  if (!product)
    return refuse('This code is not in the catalog: a manager or admin can add the product from this scan.');
  if (!scan.lotNumber || !scan.expiry) return refuse(`${product.name}: now scan the lot/expiry label.`);
  if (scan.knownLot && scan.knownLot.expiry !== scan.expiry)
    return refuse(
      `Lot ${scan.knownLot.lotNumber} is on file with expiry ${scan.knownLot.expiry}; this carton says ${scan.expiry}. It was not added: check the label, or ask a manager.`,
    );
  const key = lineKey(product.id, scan.lotNumber);
  const existing = draft.lines.find((l) => l.key === key);
  if (scan.serial !== undefined) {
    const serial = scan.serial.trim();
    if (existing?.serials.some((s) => s.serial === serial))
      return refuse(`Carton ${serial} is already on this receipt.`);
    const before = ctx.receivedSerials.get(serialKey(product.id, serial));
    if (before)
      return refuse(`Carton ${serial} was already received (${before}): a duplicate or re-labelled box.`);
  }
  const containers = scan.level === 'carton' ? product.containersPerPack : 1;
  const serials = scan.serial === undefined ? [] : [{ serial: scan.serial.trim(), containers }];
  const line: ReceiptLine = existing
    ? {
        ...existing,
        containers: existing.containers + containers,
        serials: [...existing.serials, ...serials],
      }
    : {
        key,
        productId: product.id,
        lotNumber: scan.knownLot?.lotNumber ?? scan.lotNumber.trim(),
        expiry: scan.expiry,
        existingLotId: scan.knownLot?.id ?? null,
        containers,
        freeContainers: 0,
        priceCentsPerContainer: null,
        serials,
        warnings: warningsFor(scan.expiry, ctx),
      };
  const lines = existing ? draft.lines.map((l) => (l.key === key ? line : l)) : [...draft.lines, line];
  return { kind: 'added', draft: { lines }, line, containers };
}

/** Replaces one line's editable fields (count, free, price); other lines are untouched. */
export function editLine(
  draft: ReceiptDraft,
  key: string,
  edit: Partial<Pick<ReceiptLine, 'containers' | 'freeContainers' | 'priceCentsPerContainer'>>,
): ReceiptDraft {
  return { lines: draft.lines.map((l) => (l.key === key ? { ...l, ...edit } : l)) };
}

export function removeLine(draft: ReceiptDraft, key: string): ReceiptDraft {
  return { lines: draft.lines.filter((l) => l.key !== key) };
}
