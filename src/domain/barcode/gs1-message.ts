/**
 * From a list of (AI, value) pairs to the parse result: every value validated, duplicates and
 * mutually exclusive AIs rejected, missing companions reported as warnings, and the fields an
 * inventory needs (GTIN, lot, serial, expiry, …) derived.
 */
import { lookupAi } from './ai-table';
import { validateAiValue } from './ai-value';
import { parseYymmdd } from './dates';
import type { DateContext } from './date-context';
import { fail } from './result';
import type { AiValue, BarcodeData } from './result';

/** `ex=`/`req=` patterns: "n" stands for any digit ("310n", "35nn"). */
function matches(pattern: string, ai: string): boolean {
  return pattern.length === ai.length && [...pattern].every((c, i) => c === 'n' || c === ai[i]);
}

function rejectDuplicates(pairs: readonly AiValue[], warnings: string[]): Record<string, string> {
  const ais: Record<string, string> = {};
  for (const { ai, value } of pairs) {
    const seen = ais[ai];
    if (seen !== undefined && seen !== value) {
      fail('DUPLICATE_AI', `(${ai}) appears twice with different values "${seen}" and "${value}"`);
    }
    if (seen !== undefined) warnings.push(`(${ai}) appears twice with the same value`);
    ais[ai] = value;
  }
  return ais;
}

/** GenSpecs §4.14 invalid pairs, e.g. (01) with (02), or (3103) with (3102). Errors. */
function rejectExclusive(aiList: readonly string[]): void {
  for (const ai of aiList) {
    for (const pattern of lookupAi(ai)?.ex ?? []) {
      const other = aiList.find((b) => b !== ai && matches(pattern, b));
      if (other) fail('EXCLUSIVE_AIS', `(${ai}) may not be combined with (${other})`);
    }
  }
}

/**
 * Mandatory associations are judged over all carriers on a pack (dictionary header), and a second
 * barcode often carries them, so a missing companion is only a warning here.
 */
function warnMissingCompanions(aiList: readonly string[], warnings: string[]): void {
  for (const ai of aiList) {
    for (const req of lookupAi(ai)?.req ?? []) {
      const alternatives = req.split(',').map((alt) => alt.split('+'));
      const satisfied = alternatives.some((all) => all.every((p) => aiList.some((b) => matches(p, b))));
      if (!satisfied) warnings.push(`(${ai}) normally comes with (${req.replace(/,/g, ') or (')})`);
    }
  }
}

function date(
  ai: string,
  value: string | undefined,
  ctx: DateContext,
  warnings: string[],
): string | undefined {
  if (value === undefined) return undefined;
  const r = parseYymmdd(value, ctx.currentYear, true);
  if (!r.ok) return fail('INVALID_DATE', `(${ai}) ${r.message}`);
  if (r.dayZero) warnings.push(`(${ai}) ${value}: day 00 means the last day of the month, ${r.iso}`);
  ctx.usedTwoDigitYear = true;
  return r.iso;
}

/** Validates the pairs and builds the GS1 result. Throws BarcodeParseError on invalid data. */
export function buildGs1Result(pairs: readonly AiValue[], ctx: DateContext, symbology?: string): BarcodeData {
  const warnings: string[] = [];
  if (pairs.length === 0) fail('EMPTY', 'no GS1 data');
  for (const { ai, value } of pairs) {
    const entry = lookupAi(ai);
    if (!entry) return fail('UNKNOWN_AI', `(${ai}) is not a GS1 Application Identifier`);
    validateAiValue(ai, value, entry, ctx.currentYear);
  }
  const ais = rejectDuplicates(pairs, warnings);
  const aiList = Object.keys(ais);
  rejectExclusive(aiList);
  warnMissingCompanions(aiList, warnings);
  const expiry = date('17', ais['17'], ctx, warnings);
  const productionDate = date('11', ais['11'], ctx, warnings);
  if (ctx.usedTwoDigitYear && ctx.assumedCentury) {
    warnings.push('no reference date given: two-digit years were read as 2000-2099');
  }
  const quantity = ais['30'] ?? ais['37'];
  return {
    ok: true,
    scheme: 'gs1',
    ...(symbology !== undefined && { symbology }),
    ...(ais['01'] !== undefined && { gtin: ais['01'] }),
    ...(ais['10'] !== undefined && { lot: ais['10'] }),
    ...(ais['21'] !== undefined && { serial: ais['21'] }),
    ...(expiry !== undefined && { expiry }),
    ...(productionDate !== undefined && { productionDate }),
    ...(quantity !== undefined && { quantity }),
    ais,
    warnings,
  };
}
