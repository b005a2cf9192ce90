/**
 * Pack flow: combine the scans of one pack into one identification (SPEC [SC3]).
 *
 * Some cartons carry the GTIN in one barcode and lot/expiry in another (a GS1-128 pair, or an
 * EAN-13 next to a lot label). Rules, in order, for a new successful parse `scan` at `nowMs`:
 *   1. nothing current, or the current flow is older than `windowMs` (since its last scan) → new;
 *   2. the scan is complete on its own (GTIN + lot + expiry) → new (a whole pack in one code);
 *   3. the scan names another product (GTIN, HIBC product or HIBC link differs) → new pack;
 *   4. the current identification is complete → the partial scan is ignored: a later partial
 *      scan never overwrites a complete one;
 *   5. otherwise merge: the scan's fields fill in (and, for a partial flow, replace) the current.
 * Worked example (window 30 s): t=0 "(01)00099000000011" → new {gtin, complete: false};
 * t=4 s "(17)261212(10)C8123AC4" → merged {gtin, lot C8123AC4, expiry 2026-12-12, complete: true};
 * t=6 s "(10)OTHER" → ignored-partial (still lot C8123AC4).
 */
import type { BarcodeData, HibccPrimary } from '../domain/barcode';

/** How long the two labels of one pack may be apart. */
export const PACK_FLOW_MS = 30_000;

export interface Identification {
  readonly scheme: 'gs1' | 'hibcc';
  readonly gtin?: string;
  readonly hibcc?: HibccPrimary;
  readonly hibccLink?: string;
  readonly lot?: string;
  readonly expiry?: string;
  readonly serial?: string;
  /** How many scans went into this identification. */
  readonly reads: number;
  readonly updatedAtMs: number;
  /** Has what a draw needs: product (GTIN or HIBC product) + lot + expiry. */
  readonly complete: boolean;
}

export type CombineOutcome = 'new' | 'merged' | 'ignored-partial';

export interface Combined {
  readonly identification: Identification;
  readonly outcome: CombineOutcome;
}

type Fields = Pick<Identification, 'gtin' | 'hibcc' | 'hibccLink' | 'lot' | 'expiry' | 'serial'>;

function fieldsOf(data: BarcodeData): Fields {
  return {
    ...(data.gtin !== undefined && { gtin: data.gtin }),
    ...(data.hibcc !== undefined && { hibcc: data.hibcc }),
    ...(data.hibccLink !== undefined && { hibccLink: data.hibccLink }),
    ...(data.lot !== undefined && { lot: data.lot }),
    ...(data.expiry !== undefined && { expiry: data.expiry }),
    ...(data.serial !== undefined && { serial: data.serial }),
  };
}

function isComplete(f: Fields): boolean {
  return (f.gtin !== undefined || f.hibcc !== undefined) && f.lot !== undefined && f.expiry !== undefined;
}

function make(scheme: Identification['scheme'], f: Fields, reads: number, nowMs: number): Identification {
  return { scheme, ...f, reads, updatedAtMs: nowMs, complete: isComplete(f) };
}

const hibccKey = (h: HibccPrimary | undefined): string | undefined =>
  h ? `${h.labeler}/${h.product}/${h.unitOfMeasure}` : undefined;

/** True when both name a product (or HIBC link) and the names differ. */
function otherProduct(current: Identification, f: Fields): boolean {
  const differs = (a: string | undefined, b: string | undefined) =>
    a !== undefined && b !== undefined && a !== b;
  return (
    differs(current.gtin, f.gtin) ||
    differs(hibccKey(current.hibcc), hibccKey(f.hibcc)) ||
    differs(current.hibccLink, f.hibccLink)
  );
}

export function combineScan(
  current: Identification | null,
  scan: BarcodeData,
  nowMs: number,
  windowMs = PACK_FLOW_MS,
): Combined {
  const f = fieldsOf(scan);
  const fresh = (): Combined => ({ identification: make(scan.scheme, f, 1, nowMs), outcome: 'new' });
  if (!current || nowMs - current.updatedAtMs > windowMs) return fresh();
  if (isComplete(f) || otherProduct(current, f)) return fresh();
  if (current.complete) {
    return { identification: { ...current, updatedAtMs: nowMs }, outcome: 'ignored-partial' };
  }
  const { reads: _r, updatedAtMs: _u, complete: _c, scheme: _s, ...kept } = current;
  const merged = make(current.scheme, { ...kept, ...f }, current.reads + 1, nowMs);
  return { identification: merged, outcome: 'merged' };
}
