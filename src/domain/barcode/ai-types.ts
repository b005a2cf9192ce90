/**
 * Types of the GS1 Application Identifier table generated from the GS1 Barcode Syntax Dictionary.
 */

/** N: digits; X: GS1 CSET 82; Y: CSET 39; Z: base64url (CSET 64). */
export type Cset = 'N' | 'X' | 'Y' | 'Z';

/** One component of an AI's value, e.g. `N6,yymmd0` = exactly 6 digits that form a YYMMDD date. */
export interface AiSpecComponent {
  readonly cset: Cset;
  readonly min: number;
  readonly max: number;
  /** `[...]` in the dictionary: may be absent once the data is exhausted. */
  readonly optional: boolean;
  readonly linters: readonly string[];
}

/** One dictionary line; `from`..`to` is a range of AIs with identical rules (3100-3105). */
export interface AiDictionaryEntry {
  readonly from: string;
  readonly to: string;
  /** `*` flag: predefined length, no FNC1 separator needed. */
  readonly predefined: boolean;
  /** `?` flag: permitted as a GS1 Digital Link data attribute (query string). */
  readonly dlAttribute: boolean;
  readonly spec: readonly AiSpecComponent[];
  /** Each `req=` attribute: alternatives separated by ",", conjunctions by "+". */
  readonly req: readonly string[];
  /** `ex=` patterns ("n" = any digit) this AI may not be combined with. */
  readonly ex: readonly string[];
  /** null: not a Digital Link primary key; otherwise the alternative ordered qualifier sequences. */
  readonly dlpkey: readonly (readonly string[])[] | null;
  readonly title: string;
}

/**
 * Linters the parser implements (see linters.ts). Any other linter name in the dictionary makes
 * the generator fail, so a new dictionary release cannot silently skip a check.
 */
export const IMPLEMENTED_LINTERS: ReadonlySet<string> = new Set([
  'csum',
  'csumalpha',
  'yymmd0',
  'yymmdd',
  'yyyymmdd',
  'hhmi',
  'hh',
  'mi',
  'ss',
  'nonzero',
  'zero',
  'yesno',
  'pieceoftotal',
  'nozeroprefix',
  'hyphen',
  'hasnondigit',
  'winding',
  'iso5218',
  'latitude',
  'longitude',
  'pcenc',
  'importeridx',
  'posinseqslash',
]);

/**
 * Linters deliberately not implemented: they need external code lists (ISO 3166/4217, IBAN
 * registries, GS1 Company Prefix data, coupon and package-type code lists) that an injectables
 * inventory never uses. The character set and length of those AIs are still checked.
 */
export const SKIPPED_LINTERS: ReadonlySet<string> = new Set([
  'gcppos1',
  'gcppos2',
  'iso3166',
  'iso3166999',
  'iso3166alpha2',
  'iso4217',
  'iban',
  'couponcode',
  'couponposoffer',
  'mediatype',
  'packagetype',
]);

export const KNOWN_LINTERS: ReadonlySet<string> = new Set([...IMPLEMENTED_LINTERS, ...SKIPPED_LINTERS]);
