/**
 * What a scanned identification means for this clinic's catalog (SPEC [SC4]): pure, so the
 * rules are tested without a camera or a database.
 *
 * - GTIN → the product whose `gtins` holds it. A GTIN-14 whose indicator digit (the first) is
 *   1-8 is a case/carton level code, 0 is the unit level (GS1 GenSpecs §3.3.2). No product →
 *   `unknownProduct` (the screen offers it as a new product, pre-filled with what the code said).
 * - Lot number → that product's lot, compared trimmed and upper-cased as lot ids are ([MD4]: two
 *   numbers differing only in case would get the same id, so they are one lot); none → 'new'.
 *   The same lot number with another expiry → `lot: 'expiry-mismatch'` (a mis-keyed receipt or a
 *   counterfeit: either way a person must look).
 * - Flags for the red overlay: the catalog lot's status (recalled, hold, quarantine) and expiry,
 *   or — for a lot not in the catalog — the expiry the code carries.
 * Worked example (demo clinic, today 2026-11-23): gtin 00099000000011, lot C8123AC4, exp
 * 2026-12-13 → product Botox (unit), lot known, flags []; the same with lot "ZZ1" → lot 'new';
 * gtin 10099000000049 → Juvéderm (carton); gtin 00012345678905 → unknownProduct.
 */
import { isExpired } from '../domain/fefo/blockers';
import type { Lot, LotStatus, Product } from '../domain/model';
import { normalizeLotNumber } from '../domain/replica/lot-id';
import type { Identification } from './combine';

export type ScanFlag = 'expired' | Exclude<LotStatus, 'available'>;

export interface ScanMatch {
  readonly product: Product | null;
  /** Which packaging level the GTIN names; null without a product. */
  readonly level: 'unit' | 'carton' | null;
  /** The code named a product this catalog does not have. */
  readonly unknownProduct: boolean;
  readonly lot: Lot | null;
  /** none = no lot in the code (or no product to look it up in). */
  readonly lotState: 'known' | 'new' | 'expiry-mismatch' | 'none';
  readonly flags: readonly ScanFlag[];
  /** Plain-words lines for the overlay, most important first. */
  readonly messages: readonly string[];
}

export interface MatchContext {
  readonly products: readonly Product[];
  readonly lots: readonly Lot[];
  readonly nowMs: number;
  readonly utcOffsetMinutes: number;
}

export function packagingLevel(gtin: string): 'unit' | 'carton' {
  return /^[1-8]/.test(gtin) ? 'carton' : 'unit';
}

function findLot(id: Identification, product: Product, lots: readonly Lot[]) {
  if (id.lot === undefined) return { lot: null, lotState: 'none' as const };
  const wanted = normalizeLotNumber(id.lot);
  const lot =
    lots.find((l) => l.productId === product.id && normalizeLotNumber(l.lotNumber) === wanted) ?? null;
  if (!lot) return { lot: null, lotState: 'new' as const };
  const mismatch = id.expiry !== undefined && id.expiry !== lot.expiry;
  return { lot, lotState: mismatch ? ('expiry-mismatch' as const) : ('known' as const) };
}

function flagsFor(lot: Lot | null, expiry: string | undefined, ctx: MatchContext): ScanFlag[] {
  const flags: ScanFlag[] = [];
  const exp = lot?.expiry ?? expiry;
  const codeExpired = expiry !== undefined && isExpired(expiry, ctx.nowMs, ctx.utcOffsetMinutes);
  if ((exp !== undefined && isExpired(exp, ctx.nowMs, ctx.utcOffsetMinutes)) || codeExpired)
    flags.push('expired');
  if (lot && lot.status !== 'available') flags.push(lot.status);
  return flags;
}

/** The warning for a lot number on file with another expiry ([SC9]); the lot is never changed by a scan. */
export function expiryMismatchMessage(
  lot: Pick<Lot, 'lotNumber' | 'expiry'>,
  codeExpiry: string | undefined,
) {
  return `Lot ${lot.lotNumber} is recorded with expiry ${lot.expiry}; this carton says ${codeExpiry ?? '(none)'}.`;
}

/** "GTIN … is not in the catalog: a new product to add." — said once, by the follow-up when it shows. */
export function unknownProductMessage(id: Pick<Identification, 'gtin'>): string {
  return `${id.gtin ? `GTIN ${id.gtin}` : 'This code'} is not in the catalog: a new product to add.`;
}

function messagesFor(id: Identification, m: Omit<ScanMatch, 'messages'>): string[] {
  const out: string[] = [];
  if (m.flags.includes('recalled')) out.push(`Lot ${id.lot} is RECALLED — do not use.`);
  if (m.flags.includes('expired')) out.push(`Lot ${id.lot ?? '(no lot)'} is EXPIRED.`);
  for (const f of m.flags.filter((x) => x === 'hold' || x === 'quarantine'))
    out.push(`Lot ${id.lot} is on ${f}.`);
  if (m.unknownProduct) out.push(unknownProductMessage(id));
  if (m.lotState === 'new') out.push(`Lot ${id.lot} is new: confirm it before use.`);
  if (m.lotState === 'expiry-mismatch' && m.lot) out.push(expiryMismatchMessage(m.lot, id.expiry));
  if (m.product && !id.lot) out.push('Now scan the lot/expiry label.');
  return out;
}

/** HIBC identifies a product by labeler + product code; the unit-of-measure digit is its level. */
export function hibccProductCode(id: Identification): string | null {
  return id.hibcc ? `${id.hibcc.labeler}${id.hibcc.product}` : null;
}

function findProduct(id: Identification, products: readonly Product[]): Product | null {
  if (id.gtin) return products.find((p) => p.gtins.includes(id.gtin ?? '')) ?? null;
  const code = hibccProductCode(id);
  return code ? (products.find((p) => (p.hibccCodes ?? []).includes(code)) ?? null) : null;
}

function levelOf(id: Identification, product: Product | null): 'unit' | 'carton' | null {
  if (!product) return null;
  if (id.gtin) return packagingLevel(id.gtin);
  // HIBC unit of measure: 0 = the unit, 1-8 = higher packaging levels.
  return id.hibcc && id.hibcc.unitOfMeasure !== '0' ? 'carton' : 'unit';
}

export function matchScan(id: Identification, ctx: MatchContext): ScanMatch {
  const product = findProduct(id, ctx.products);
  const found = product ? findLot(id, product, ctx.lots) : { lot: null, lotState: 'none' as const };
  const base = {
    product,
    level: levelOf(id, product),
    unknownProduct: !product && (id.gtin !== undefined || id.hibcc !== undefined),
    ...found,
    flags: flagsFor(found.lot, id.expiry, ctx),
  };
  return { ...base, messages: messagesFor(id, base) };
}
