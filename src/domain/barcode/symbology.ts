/**
 * Input normalisation before parsing: the AIM symbology identifier prefix, the many spellings of
 * FNC1/GS that decoders and keyboard-wedge scanners produce, and what the identifier tells us.
 */
import { GS } from './element-string';

/** ISO/IEC 15424 symbology identifier: "]" + code character + modifier ("]d2", "]C1", "]Q3"). */
const AIM = /^\][A-Za-z][0-9A-Za-z]/;

/**
 * Identifiers whose modifier says the data is a GS1 element string (FNC1 in first position):
 * ]C1 GS1-128, ]d2 GS1 DataMatrix, ]Q3 GS1 QR, ]e0 GS1 DataBar, ]J1 GS1 DotCode, and the ECI
 * variants ]d5 and ]Q5. Other identifiers (]d1, ]Q1, ]A0, …) carry plain text: a Digital Link
 * URI, HIBC or an element string typed without FNC1, recognised by content.
 */
const GS1_IDS = new Set([']C1', ']d2', ']Q3', ']e0', ']J1', ']d5', ']Q5']);
/** EAN/UPC family: ]E0 EAN-13/UPC-A, ]E4 EAN-8, ]E3 with add-on (the GTIN is the first 13 digits). */
const EAN_IDS = new Set([']E0', ']E1', ']E2', ']E3', ']E4', ']X0']);

export interface Normalised {
  readonly text: string;
  readonly symbology?: string;
  /** The identifier says GS1 element string. */
  readonly gs1: boolean;
  /** The identifier says EAN/UPC. */
  readonly ean: boolean;
}

/**
 * Strips trailing CR/LF/TAB/NUL (keyboard wedges add them; spaces are kept because a HIBC check
 * character can be a space), the AIM prefix, and turns "<GS>", "{GS}", "␝" (U+241D) into GS.
 * Example: "]d2\u001d0109506000134352<GS>" → text "\u001d0109506000134352\u001d", symbology "]d2".
 */
export function normalise(raw: string): Normalised {
  let text = raw.replace(/[\r\n\t\0]+$/, '').replace(/^[\r\n\t\0]+/, '');
  const m = AIM.exec(text);
  const symbology = m?.[0];
  if (symbology) text = text.slice(symbology.length);
  text = text.replace(/<GS>|\{GS\}|\u241d/gi, GS);
  return {
    text,
    ...(symbology !== undefined && { symbology }),
    gs1: symbology !== undefined && GS1_IDS.has(symbology),
    ean: symbology !== undefined && EAN_IDS.has(symbology),
  };
}
