/**
 * GS1 Digital Link URIs (GS1 Digital Link standard 1.x, URI syntax):
 *   https://any.host[/stem]/{primary key AI}/{value}[/{qualifier AI}/{value}…][?{AI}={value}&…]
 * Path qualifiers must follow the key's `dlpkey` order; query AIs must be data attributes; an AI
 * that belongs in the path may not hide in the query; no AI may appear twice.
 * Example: "https://id.gs1.org/01/09520123456788/10/ABC1/21/12345?17=180426"
 *   → (01) 09520123456788, (10) ABC1, (21) 12345, (17) 180426.
 */
import { lookupAi } from './ai-table';
import { padToGtin14 } from './gtin';
import { fail } from './result';
import type { AiValue } from './result';

const URI = /^(?:https?|HTTPS?):\/\/([^/?#]*)([^#]*)/;
const HOST = /^[A-Za-z0-9.\-:[\]]+$/;

/** Decodes %XX escapes (invalid ones are kept literally); in a query "+" is a space. */
export function percentDecode(text: string, query: boolean): string {
  const plus = query ? text.replace(/\+/g, ' ') : text;
  return plus.replace(/%([0-9A-Fa-f]{2})/g, (_, hex: string) => String.fromCharCode(parseInt(hex, 16)));
}

export function looksLikeDigitalLink(text: string): boolean {
  return /^https?:\/\//i.test(text);
}

function knownAi(segment: string): boolean {
  if (!/^\d+$/.test(segment)) return false;
  if (!lookupAi(segment)) fail('UNKNOWN_AI', `(${segment}) in the URI is not a GS1 Application Identifier`);
  return true;
}

/** GTIN-8/12/13 in a Digital Link (legacy zero-suppressed form) → GTIN-14, with a warning. */
function normaliseValue(ai: string, value: string, warnings: string[]): string {
  if (ai !== '01' || value.length === 14) return value;
  const padded = padToGtin14(value);
  if (padded === undefined) return value;
  warnings.push(`(01) ${value} padded to GTIN-14 ${padded}`);
  return padded;
}

/** Index of the primary key segment: walking back over AI/value pairs, the rightmost key wins. */
function primaryKeyIndex(segments: readonly string[]): number {
  for (let j = segments.length - 2; j >= 0; j -= 2) {
    const segment = segments[j] ?? '';
    if (!knownAi(segment)) break;
    if (lookupAi(segment)?.dlpkey) return j;
  }
  return fail('DL_NO_PRIMARY_KEY', 'the URI path has no GS1 primary key (e.g. /01/{GTIN})');
}

/** The qualifier alternatives the path's qualifiers fit, in order; fails when none fits. */
function matchingAlternatives(key: string, qualifiers: readonly string[]): (readonly string[])[] {
  const alternatives = lookupAi(key)?.dlpkey ?? [];
  const fits = alternatives.filter((alt) => {
    let i = 0;
    for (const q of qualifiers) {
      while (i < alt.length && alt[i] !== q) i++;
      if (i >= alt.length) return false;
      i++;
    }
    return true;
  });
  if (qualifiers.length > 0 && fits.length === 0) {
    fail(
      'DL_BAD_QUALIFIERS',
      `qualifiers /${qualifiers.join('/')} are not allowed after /${key} in that order`,
    );
  }
  return fits.length > 0 ? fits : alternatives.slice();
}

function pathPairs(path: string, warnings: string[]): { pairs: AiValue[]; misplaced: Set<string> } {
  if (!path.startsWith('/') || path.endsWith('/'))
    fail('DL_BAD_URI', 'the URI path must not be empty or end in "/"');
  const segments = path.slice(1).split('/');
  const k = primaryKeyIndex(segments);
  const pairs: AiValue[] = [];
  for (let j = k; j < segments.length; j += 2) {
    const ai = segments[j] ?? '';
    const raw = segments[j + 1] ?? '';
    if (j > k) knownAi(ai);
    pairs.push({ ai, value: normaliseValue(ai, percentDecode(raw, false), warnings) });
  }
  const key = pairs[0]?.ai ?? '';
  const qualifiers = pairs.slice(1).map((p) => p.ai);
  const misplaced = new Set(matchingAlternatives(key, qualifiers).flat());
  return { pairs, misplaced };
}

function queryPairs(query: string, misplaced: ReadonlySet<string>, warnings: string[]): AiValue[] {
  const pairs: AiValue[] = [];
  for (const param of query.split('&')) {
    const eq = param.indexOf('=');
    if (eq < 0) continue; // singletons and empty parameters carry no AI
    const ai = param.slice(0, eq);
    if (!knownAi(ai)) continue; // non-numeric keys (linkType, …) are not GS1 data
    if (misplaced.has(ai)) fail('DL_MISPLACED_AI', `(${ai}) is a key qualifier: it belongs in the URI path`);
    if (!lookupAi(ai)?.dlAttribute)
      fail('DL_NOT_ATTRIBUTE', `(${ai}) is not allowed as a Digital Link attribute`);
    pairs.push({ ai, value: normaliseValue(ai, percentDecode(param.slice(eq + 1), true), warnings) });
  }
  return pairs;
}

/** Parses a Digital Link URI into its AIs (path first, then query), rejecting duplicates. */
export function parseDigitalLink(uri: string, warnings: string[]): AiValue[] {
  const m = URI.exec(uri);
  if (!m || m[1] === undefined || m[2] === undefined) return fail('DL_BAD_URI', 'not an http(s) URI');
  if (!HOST.test(m[1])) fail('DL_BAD_URI', `bad host "${m[1]}"`);
  const q = m[2].indexOf('?');
  const path = q < 0 ? m[2] : m[2].slice(0, q);
  const { pairs, misplaced } = pathPairs(path, warnings);
  const all = [...pairs, ...queryPairs(q < 0 ? '' : m[2].slice(q + 1), misplaced, warnings)];
  const seen = new Set<string>();
  for (const { ai } of all) {
    if (seen.has(ai)) fail('DUPLICATE_AI', `(${ai}) appears twice in the URI`);
    seen.add(ai);
  }
  return all;
}
