/**
 * parseBarcode: one entry point for every code a vial or carton carries (issue 5, SPEC [B1]-[B12]).
 *
 * Dispatch, after stripping the AIM symbology identifier and normalising GS spellings:
 *   "http(s)://…"                → GS1 Digital Link
 *   "+…"                         → HIBC
 *   "(…"                         → GS1 bracketed (human-readable) element string
 *   8/12/13 digits, valid check  → EAN-8 / UPC-A / EAN-13, padded to GTIN-14
 *   14 digits, valid check, no GS1 identifier → GTIN-14 (ITF-14)
 *   anything else                → raw GS1 element string (optional leading GS = FNC1)
 * Example: "]d2" + GS + "0109506000134352" + "17201225" + "10ABC123" + GS + "21XYZ"
 *   → { ok: true, scheme: 'gs1', symbology: ']d2', gtin: '09506000134352', expiry: '2020-12-25',
 *       lot: 'ABC123', serial: 'XYZ', ais: {…}, warnings: [] }
 * It never throws: every failure is `{ ok: false, error: { code, message } }`.
 */
import { dateContext } from './date-context';
import type { DateContext } from './date-context';
import { looksLikeDigitalLink, parseDigitalLink } from './digital-link';
import { GS, splitBracketed, splitRawElementString } from './element-string';
import { buildGs1Result } from './gs1-message';
import { hasValidCheckDigit, padToGtin14 } from './gtin';
import { parseHibc } from './hibcc';
import { BarcodeParseError, fail } from './result';
import type { BarcodeData, BarcodeResult, ParseOptions } from './result';
import { normalise } from './symbology';
import type { Normalised } from './symbology';

export type {
  BarcodeData,
  BarcodeError,
  BarcodeErrorCode,
  BarcodeResult,
  HibccPrimary,
  ParseOptions,
} from './result';

/** Longer input is not a barcode a pack carries (GS1 QR/DataMatrix data is far shorter). */
export const MAX_INPUT_LENGTH = 4096;

function plainGtin(n: Normalised, ctx: DateContext): BarcodeData | undefined {
  const t = n.text;
  const eanLength = /^(\d{8}|\d{12}|\d{13})$/.test(t);
  const itf14 = /^\d{14}$/.test(t) && !n.gs1;
  if (n.ean && /^\d{13}\d*$/.test(t) && t.length > 13) {
    return plainGtin({ ...n, text: t.slice(0, 13) }, ctx); // EAN-13 + 2/5-digit add-on (]E3)
  }
  if (!eanLength && !itf14) return undefined;
  if (!hasValidCheckDigit(t)) {
    if (n.ean || itf14) fail('CHECK_DIGIT', `GTIN ${t} has a wrong check digit`);
    return undefined; // may still be an element string such as (17)YYMMDD
  }
  const gtin = padToGtin14(t) ?? t;
  const warnings = t.length < 14 ? [`GTIN-${t.length} ${t} padded to GTIN-14 ${gtin}`] : [];
  return {
    ok: true,
    scheme: 'gs1',
    ...(n.symbology !== undefined && { symbology: n.symbology }),
    gtin,
    ais: { '01': gtin },
    warnings,
  };
}

function parseNormalised(n: Normalised, ctx: DateContext): BarcodeData {
  const t = n.text;
  if (t === '' || t === GS) return fail('EMPTY', 'nothing to parse');
  if (looksLikeDigitalLink(t)) {
    const warnings: string[] = [];
    const result = buildGs1Result(parseDigitalLink(t, warnings), ctx, n.symbology);
    return { ...result, warnings: [...warnings, ...result.warnings] };
  }
  if (t.startsWith('+')) return parseHibc(t, ctx, n.symbology);
  if (t.startsWith('(')) return buildGs1Result(splitBracketed(t), ctx, n.symbology);
  const gtin = plainGtin(n, ctx);
  if (gtin) return gtin;
  const data = t.startsWith(GS) ? t.slice(1) : t; // a leading GS is FNC1 in first position
  if (!/^\d/.test(data)) return fail('UNRECOGNIZED', 'not a GS1, GS1 Digital Link, EAN/UPC or HIBC code');
  return buildGs1Result(splitRawElementString(data), ctx, n.symbology);
}

/**
 * Parses what a camera decoder or keyboard-wedge scanner produced. `options.today` (YYYY-MM-DD)
 * anchors two-digit years (GenSpecs §7.12); without it they are read as 2000-2099 with a warning.
 */
export function parseBarcode(raw: string, options?: ParseOptions): BarcodeResult {
  try {
    if (typeof raw !== 'string') fail('EMPTY', 'input is not text');
    if (raw.length > MAX_INPUT_LENGTH) fail('TOO_LONG', `input is over ${MAX_INPUT_LENGTH} characters`);
    return parseNormalised(normalise(raw), dateContext(options?.today));
  } catch (e) {
    if (e instanceof BarcodeParseError) return { ok: false, error: { code: e.code, message: e.message } };
    // A bug, not bad input: still never throw at the scanner, but say so distinctly.
    return { ok: false, error: { code: 'INTERNAL', message: e instanceof Error ? e.message : String(e) } };
  }
}
