/**
 * HIBC (Health Industry Bar Code, ANSI/HIBC 2.x) messages, all starting with "+":
 *   primary       "+" LIC(4, first a letter) PCN(1-18) UoM(1 digit) check
 *   concatenated  "+" LIC PCN UoM "/" secondary ["/" supplemental…] check
 *   secondary     "+" secondary link check    (link = the primary's check character)
 * and a primary and a secondary scanned one after the other ("+A123BJC5D6E71G+$$710X3G7").
 * The check character is the mod-43 sum of every character before it.
 */
import type { DateContext } from './date-context';
import { parseSecondary } from './hibcc-secondary';
import type { Secondary } from './hibcc-secondary';
import { BarcodeParseError, fail } from './result';
import type { BarcodeData, HibccPrimary } from './result';

export const HIBC_CHARSET = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ-. $/+%';
const PRIMARY = /^([A-Z][A-Z0-9]{3})([A-Z0-9]{1,18})([0-9])$/;

/**
 * Mod-43 check character of `data` (every character from the leading "+"), or undefined when a
 * character is outside the 43-character HIBC set.
 * Example: "+A123BJC5D6E71" → sum of values 41+10+1+2+3+11+19+12+5+13+6+14+7+1 = 145, 145 mod 43
 * = 16 → "G".
 */
export function hibcCheckCharacter(data: string): string | undefined {
  let sum = 0;
  for (const c of data) {
    const v = HIBC_CHARSET.indexOf(c);
    if (v < 0) return undefined;
    sum += v;
  }
  return HIBC_CHARSET.charAt(sum % 43);
}

interface Message {
  primary?: HibccPrimary;
  secondary?: Secondary;
  link: string;
}

function verifyCheck(msg: string): void {
  const expected = hibcCheckCharacter(msg.slice(0, -1));
  if (expected === undefined) fail('HIBC_SYNTAX', 'HIBC data may only use 0-9 A-Z - . space $ / + %');
  if (msg.length < 3 || msg.slice(-1) !== expected) {
    fail('HIBC_CHECK_CHARACTER', `HIBC check character should be "${expected}", got "${msg.slice(-1)}"`);
  }
}

function primaryOf(text: string): HibccPrimary {
  const m = PRIMARY.exec(text);
  if (!m?.[1] || !m[2] || !m[3]) return fail('HIBC_SYNTAX', `HIBC primary "${text}" is not LIC+product+unit`);
  return { labeler: m[1], product: m[2], unitOfMeasure: m[3] };
}

/** One HIBC message with its own check character. */
function parseMessage(msg: string, ctx: DateContext, warnings: string[]): Message {
  verifyCheck(msg);
  const check = msg.slice(-1);
  const body = msg.slice(1, -1);
  if (/^[A-Z]/.test(body)) {
    const slash = body.indexOf('/');
    if (slash < 0) return { primary: primaryOf(body), link: check };
    return {
      primary: primaryOf(body.slice(0, slash)),
      secondary: parseSecondary(body.slice(slash + 1), ctx, warnings),
      link: check,
    };
  }
  if (body.length < 2) fail('HIBC_SYNTAX', 'HIBC secondary data is missing');
  return { secondary: parseSecondary(body.slice(0, -1), ctx, warnings), link: body.slice(-1) };
}

/** Tries "+primary" + "+secondary" read as one string: the secondary's link must be the primary's check. */
function parsePair(text: string, ctx: DateContext, warnings: string[]): Message | undefined {
  for (let k = text.indexOf('+', 1); k > 0; k = text.indexOf('+', k + 1)) {
    try {
      const w: string[] = [];
      const first = parseMessage(text.slice(0, k), ctx, w);
      const second = parseMessage(text.slice(k), ctx, w);
      if (!first.primary || first.secondary || second.primary || !second.secondary) continue;
      if (second.link !== first.link) {
        fail(
          'HIBC_LINK_MISMATCH',
          `secondary link "${second.link}" is not the primary's check "${first.link}"`,
        );
      }
      warnings.push(...w);
      return { primary: first.primary, secondary: second.secondary, link: first.link };
    } catch (e) {
      if (!(e instanceof BarcodeParseError) || e.code === 'HIBC_LINK_MISMATCH') throw e;
    }
  }
  return undefined;
}

/** Parses a HIBC message (text starts with "+"). Throws BarcodeParseError when invalid. */
export function parseHibc(text: string, ctx: DateContext, symbology?: string): BarcodeData {
  let warnings: string[] = [];
  let msg: Message;
  try {
    msg = parseMessage(text, ctx, warnings);
  } catch (e) {
    warnings = [];
    const pair = parsePair(text, ctx, warnings);
    if (!pair) throw e;
    msg = pair;
  }
  const s = msg.secondary ?? {};
  if (ctx.usedTwoDigitYear && ctx.assumedCentury && s.expiry !== undefined) {
    warnings.push('no reference date given: two-digit years were read as 2000-2099');
  }
  if (!msg.primary)
    warnings.push(`HIBC secondary only: pair it with the primary whose check character is "${msg.link}"`);
  return {
    ok: true,
    scheme: 'hibcc',
    ...(symbology !== undefined && { symbology }),
    ...(s.lot !== undefined && { lot: s.lot }),
    ...(s.serial !== undefined && { serial: s.serial }),
    ...(s.expiry !== undefined && { expiry: s.expiry }),
    ...(s.productionDate !== undefined && { productionDate: s.productionDate }),
    ...(s.quantity !== undefined && { quantity: s.quantity }),
    ...(msg.primary && { hibcc: msg.primary }),
    hibccLink: msg.link,
    warnings,
  };
}
