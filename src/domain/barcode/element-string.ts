/**
 * GS1 element strings in the two textual forms a decoder or a person produces:
 * - raw: AIs run together, a variable-length value ended by GS (ASCII 29, the transmitted FNC1);
 * - bracketed (human-readable): "(01)09506000134352(17)201225(10)ABC123".
 */
import { aiLengthByPrefix, lookupAi, predefinedValueLength } from './ai-table';
import type { AiDictionaryEntry } from './ai-types';
import { fail } from './result';
import type { AiValue } from './result';

export const GS = '\u001d';

function entryFor(ai: string): AiDictionaryEntry {
  const entry = lookupAi(ai);
  if (!entry) return fail('UNKNOWN_AI', `(${ai}) is not a GS1 Application Identifier`);
  return entry;
}

/** Reads the AI at `pos`: its length comes from its first two digits (GenSpecs §3.2 / dictionary). */
function readAi(data: string, pos: number): string {
  const prefix = data.slice(pos, pos + 2);
  if (!/^\d\d$/.test(prefix)) {
    return fail(prefix.length < 2 ? 'TRUNCATED_AI' : 'UNKNOWN_AI', `no AI at "${data.slice(pos, pos + 6)}"`);
  }
  const length = aiLengthByPrefix(prefix);
  if (length === undefined) return fail('UNKNOWN_AI', `no GS1 AI starts with ${prefix}`);
  const ai = data.slice(pos, pos + length);
  if (!new RegExp(`^\\d{${length}}$`).test(ai)) return fail('TRUNCATED_AI', `AI "${ai}" is cut short`);
  entryFor(ai);
  return ai;
}

/**
 * Splits a raw element string (FNC1-in-first-position already removed) into AIs and values.
 * Predefined-length AIs (by prefix, ai-table.ts) take exactly their length; others run to the next
 * GS or the end. A GS after a predefined-length value, or at the end, is tolerated.
 * Example: "0109506000134352" + "17201225" + "10ABC" + GS + "21XYZ"
 *   → (01) 09506000134352, (17) 201225, (10) ABC, (21) XYZ — the serial never joins the lot.
 */
export function splitRawElementString(data: string): AiValue[] {
  const out: AiValue[] = [];
  let pos = 0;
  while (pos < data.length) {
    if (data[pos] === GS) {
      pos++;
      continue;
    }
    const ai = readAi(data, pos);
    pos += ai.length;
    const fixed = predefinedValueLength(ai);
    let value: string;
    if (fixed !== undefined) {
      value = data.slice(pos, pos + fixed);
      if (value.length < fixed || value.includes(GS)) {
        fail('VALUE_TOO_SHORT', `(${ai}) needs ${fixed} characters, got "${value.split(GS)[0] ?? ''}"`);
      }
      pos += fixed;
    } else {
      const end = data.indexOf(GS, pos);
      value = data.slice(pos, end < 0 ? data.length : end);
      pos += value.length;
    }
    out.push({ ai, value });
  }
  return out;
}

/**
 * Splits the bracketed form. A literal "(" inside a value is written "\(" (as in the GS1 Syntax
 * Engine); an unescaped "(" always starts the next AI.
 * Example: "(01)09506000134352(10)AB\(1" → (01) 09506000134352, (10) "AB(1".
 */
export function splitBracketed(text: string): AiValue[] {
  const out: AiValue[] = [];
  let pos = 0;
  while (pos < text.length) {
    const m = /^\((\d*)\)/.exec(text.slice(pos));
    if (!m || m[1] === undefined)
      return fail('BAD_BRACKETS', `expected "(AI)" at "${text.slice(pos, pos + 8)}"`);
    const ai = m[1];
    if (ai.length < 2 || ai.length > 4 || aiLengthByPrefix(ai.slice(0, 2)) !== ai.length) {
      return fail('UNKNOWN_AI', `(${ai}) is not a GS1 Application Identifier`);
    }
    entryFor(ai);
    pos += m[0].length;
    let value = '';
    while (pos < text.length && text[pos] !== '(') {
      if (text[pos] === '\\' && text[pos + 1] === '(') pos++;
      value += text[pos];
      pos++;
    }
    if (value.includes(GS)) fail('INVALID_CHARACTER', `(${ai}) contains a GS character`);
    out.push({ ai, value });
  }
  return out;
}
