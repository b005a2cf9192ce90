/**
 * GS1 mod-10 check digits and GTIN normalisation.
 */

/**
 * The GS1 check digit for `body` (all digits, without the check digit): weights 3,1,3,… from the
 * right, then (10 − sum mod 10) mod 10.
 * Example: body "950600013435" (of EAN-13 9506000134352): 2·… → sum 48 → check digit 2.
 */
export function gs1CheckDigit(body: string): number {
  let sum = 0;
  for (let i = 0; i < body.length; i++) {
    const weight = (body.length - i) % 2 === 1 ? 3 : 1;
    sum += weight * (body.charCodeAt(i) - 48);
  }
  return (10 - (sum % 10)) % 10;
}

/** True when the last digit of an all-digit string is its GS1 check digit ("09506000134352"). */
export function hasValidCheckDigit(digits: string): boolean {
  if (!/^\d{2,}$/.test(digits)) return false;
  return gs1CheckDigit(digits.slice(0, -1)) === Number(digits.slice(-1));
}

/**
 * GTIN-8, GTIN-12 (UPC-A), GTIN-13 (EAN-13) or GTIN-14 → GTIN-14 by left-padding with zeros
 * (the check digit is unchanged by leading zeros). "9506000134352" → "09506000134352".
 * Returns undefined for other lengths or non-digits; the check digit is not verified here.
 */
export function padToGtin14(digits: string): string | undefined {
  if (!/^(\d{8}|\d{12}|\d{13}|\d{14})$/.test(digits)) return undefined;
  return digits.padStart(14, '0');
}
