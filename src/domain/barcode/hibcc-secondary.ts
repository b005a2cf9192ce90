/**
 * HIBC secondary data (ANSI/HIBC 2.x Supplier Labeling Standard): lot or serial with an optional
 * quantity and an expiry date in one of several formats chosen by a flag digit, plus supplemental
 * "/"-fields (/14D expiry, /16D production date, /S serial, /Q quantity).
 *
 * Forms after "+" (standalone) or "/" (after the primary):
 *   "05271" + lot      old format: YYJJJ julian expiry, then lot
 *   "$" + lot          lot only;            "$+" + serial   serial only
 *   "$$" + [8QQ|9QQQQQ] + date + lot        "$$+" + … + serial
 * date flags: "0"/"1" start MMYY (no flag digit), "2" MMDDYY, "3" YYMMDD, "4" YYMMDDHH, "5" YYJJJ,
 * "6" YYJJJHH, "7" no date.
 * Example: "$$3200906" + "10X3" → expiry 2020-09-06, lot 10X3.
 */
import { calendarDate, fullYear, parseYyjjj, parseYymmdd, parseYyyymmdd } from './dates';
import type { DateResult } from './dates';
import type { DateContext } from './date-context';
import { fail } from './result';

export interface Secondary {
  lot?: string;
  serial?: string;
  expiry?: string;
  productionDate?: string;
  quantity?: string;
}

const VALUE = /^[0-9A-Z\-. $%+]{0,18}$/;

function must(r: DateResult, what: string): string {
  if (!r.ok) return fail('INVALID_DATE', `HIBC ${what}: ${r.message}`);
  return r.iso;
}

function set(acc: Secondary, key: keyof Secondary, value: string): void {
  const old = acc[key];
  if (old !== undefined && old !== value)
    fail('HIBC_SYNTAX', `HIBC ${key} given twice: "${old}" and "${value}"`);
  acc[key] = value;
}

/** Reads the flagged expiry date at the start of `r`; returns the rest. */
function readDate(
  r: string,
  afterQuantity: boolean,
  ctx: DateContext,
  acc: Secondary,
  warnings: string[],
): string {
  const flag = r.charAt(0);
  const hour = (hh: string): void => {
    if (!/^([01]\d|2[0-3])$/.test(hh)) fail('INVALID_DATE', `HIBC expiry hour "${hh}" is not 00-23`);
  };
  const year = (yy: string): number => fullYear(Number(yy), ctx.currentYear);
  ctx.usedTwoDigitYear = true;
  if (flag === '0' || flag === '1') {
    const mmyy = r.slice(0, 4);
    const valid = /^(0[1-9]|1[0-2])\d\d$/.test(mmyy);
    if (!valid && afterQuantity) {
      warnings.push('HIBC: no expiry date after the quantity');
      return r;
    }
    if (!valid) fail('INVALID_DATE', `HIBC expiry "${mmyy}" is not MMYY`);
    set(acc, 'expiry', must(calendarDate(year(mmyy.slice(2)), Number(mmyy.slice(0, 2)), 0, true), 'expiry'));
    warnings.push(`HIBC expiry ${mmyy} gives only a month: read as its last day, ${acc.expiry ?? ''}`);
    return r.slice(4);
  }
  const widths: Record<string, number> = { '2': 6, '3': 6, '4': 8, '5': 5, '6': 7, '7': 0 };
  const width = widths[flag];
  if (width === undefined) {
    if (r !== '' && !afterQuantity) fail('HIBC_SYNTAX', `HIBC date flag "${flag}" is not 0-7`);
    if (r !== '') warnings.push('HIBC: no expiry date after the quantity');
    return r;
  }
  const d = r.slice(1, 1 + width);
  if (!new RegExp(`^\\d{${width}}$`).test(d))
    fail('INVALID_DATE', `HIBC expiry "${d}" is not ${width} digits`);
  let expiry: string | undefined;
  if (flag === '2')
    expiry = must(
      calendarDate(year(d.slice(4)), Number(d.slice(0, 2)), Number(d.slice(2, 4)), false),
      'expiry',
    );
  if (flag === '3' || flag === '4')
    expiry = must(parseYymmdd(d.slice(0, 6), ctx.currentYear, false), 'expiry');
  if (flag === '5' || flag === '6') expiry = must(parseYyjjj(d.slice(0, 5), ctx.currentYear), 'expiry');
  if (flag === '4') hour(d.slice(6, 8));
  if (flag === '6') hour(d.slice(5, 7));
  if (expiry !== undefined) set(acc, 'expiry', expiry);
  return r.slice(1 + width);
}

function readValue(kind: 'lot' | 'serial', value: string, acc: Secondary): void {
  if (!VALUE.test(value))
    fail('HIBC_SYNTAX', `HIBC ${kind} "${value}" has bad characters or is over 18 long`);
  if (value !== '') set(acc, kind, value);
}

/** Parses the lot/serial segment ("$$…", "$…", "YYJJJ…"). */
function parseMain(seg: string, ctx: DateContext, acc: Secondary, warnings: string[]): void {
  const kind = seg.startsWith('$$+') || (seg.startsWith('$+') && !seg.startsWith('$$')) ? 'serial' : 'lot';
  if (seg.startsWith('$$')) {
    let r = seg.slice(kind === 'serial' ? 3 : 2);
    const q = r.charAt(0) === '8' ? 2 : r.charAt(0) === '9' ? 5 : 0;
    if (q > 0) {
      const quantity = r.slice(1, 1 + q);
      if (!new RegExp(`^\\d{${q}}$`).test(quantity))
        fail('HIBC_SYNTAX', `HIBC quantity "${quantity}" is not ${q} digits`);
      set(acc, 'quantity', String(Number(quantity)));
      r = r.slice(1 + q);
    }
    readValue(kind, readDate(r, q > 0, ctx, acc, warnings), acc);
  } else if (seg.startsWith('$')) {
    readValue(kind, seg.slice(kind === 'serial' ? 2 : 1), acc);
  } else if (/^\d{5}/.test(seg)) {
    ctx.usedTwoDigitYear = true;
    set(acc, 'expiry', must(parseYyjjj(seg.slice(0, 5), ctx.currentYear), 'expiry'));
    readValue('lot', seg.slice(5), acc);
  } else {
    fail('HIBC_SYNTAX', `HIBC secondary data "${seg}" does not start with "$", "$$" or a YYJJJ date`);
  }
}

/** Parses "/"-separated secondary segments: lot/serial segments and supplemental fields. */
export function parseSecondary(data: string, ctx: DateContext, warnings: string[]): Secondary {
  const acc: Secondary = {};
  for (const seg of data.split('/')) {
    if (seg.startsWith('14D') || seg.startsWith('16D')) {
      const r = must(parseYyyymmdd(seg.slice(3), false), seg.slice(0, 3));
      set(acc, seg.startsWith('14D') ? 'expiry' : 'productionDate', r);
    } else if (seg.startsWith('S')) {
      readValue('serial', seg.slice(1), acc);
    } else if (seg.startsWith('Q')) {
      if (!/^\d{1,5}$/.test(seg.slice(1))) fail('HIBC_SYNTAX', `HIBC quantity "${seg}" is not 1-5 digits`);
      set(acc, 'quantity', String(Number(seg.slice(1))));
    } else {
      parseMain(seg, ctx, acc, warnings);
    }
  }
  return acc;
}
