/**
 * Names compared the way people mean them: accents, case and surrounding spaces aside
 * ("Juvéderm Ultra XC" = "juvederm ultra xc "). Used to match CSV rows and suppliers to records.
 */
export function matchKey(text: string): string {
  return text.normalize('NFKD').replace(/\p{M}/gu, '').trim().replace(/\s+/g, ' ').toLowerCase();
}

export const sameText = (a: string, b: string): boolean => matchKey(a) === matchKey(b);
