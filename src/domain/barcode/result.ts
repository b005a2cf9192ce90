/**
 * The parser's result shape (issue 5) and its stable error codes.
 */

/** Stable error codes: callers and tests switch on these; messages are for people. */
export type BarcodeErrorCode =
  | 'EMPTY'
  | 'TOO_LONG'
  | 'UNRECOGNIZED'
  | 'UNKNOWN_AI'
  | 'TRUNCATED_AI'
  | 'EMPTY_VALUE'
  | 'VALUE_TOO_SHORT'
  | 'VALUE_TOO_LONG'
  | 'INVALID_CHARACTER'
  | 'CHECK_DIGIT'
  | 'INVALID_DATE'
  | 'INVALID_VALUE'
  | 'DUPLICATE_AI'
  | 'EXCLUSIVE_AIS'
  | 'BAD_BRACKETS'
  | 'BAD_GTIN'
  | 'DL_BAD_URI'
  | 'DL_NO_PRIMARY_KEY'
  | 'DL_BAD_QUALIFIERS'
  | 'DL_MISPLACED_AI'
  | 'DL_NOT_ATTRIBUTE'
  | 'HIBC_SYNTAX'
  | 'HIBC_CHECK_CHARACTER'
  | 'HIBC_LINK_MISMATCH'
  | 'INTERNAL';

export interface BarcodeError {
  readonly code: BarcodeErrorCode;
  readonly message: string;
}

export interface HibccPrimary {
  readonly labeler: string;
  readonly product: string;
  readonly unitOfMeasure: string;
}

export interface BarcodeData {
  readonly ok: true;
  readonly scheme: 'gs1' | 'hibcc';
  /** AIM symbology identifier as received, e.g. "]d2". */
  readonly symbology?: string;
  /** GTIN-14 from (01), or an EAN-13/UPC-A/EAN-8 padded to 14 digits. */
  readonly gtin?: string;
  readonly lot?: string;
  readonly serial?: string;
  /** YYYY-MM-DD. */
  readonly expiry?: string;
  readonly productionDate?: string;
  readonly quantity?: string;
  /** GS1: every AI → its raw value (use the keys, not their order: JS sorts integer-like keys). */
  readonly ais?: Record<string, string>;
  readonly hibcc?: HibccPrimary;
  /**
   * HIBC only (addition to the shape): the character that links a secondary symbol to its
   * primary. A standalone primary reports its check character, a standalone secondary its link
   * character; the two scans belong together when these are equal.
   */
  readonly hibccLink?: string;
  readonly warnings: string[];
}

export type BarcodeResult = BarcodeData | { readonly ok: false; readonly error: BarcodeError };

export interface ParseOptions {
  /** YYYY-MM-DD: the reference date for two-digit years (GenSpecs §7.12 century window). */
  readonly today?: string;
}

/** Thrown internally to unwind a parse; parseBarcode turns it into `{ ok: false }`. */
export class BarcodeParseError extends Error {
  constructor(
    readonly code: BarcodeErrorCode,
    message: string,
  ) {
    super(message);
  }
}

export function fail(code: BarcodeErrorCode, message: string): never {
  throw new BarcodeParseError(code, message);
}

/** One AI and its value as found in the input. */
export interface AiValue {
  readonly ai: string;
  readonly value: string;
}
