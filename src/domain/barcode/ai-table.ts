/**
 * Lookups over the generated AI table: which AI starts a string, how long its value is, and
 * whether it needs an FNC1 separator.
 */
import { AI_DICTIONARY } from './ai-table.generated';
import type { AiDictionaryEntry } from './ai-types';

/**
 * GS1 General Specifications Figure 7.8.5-2: element strings with a predefined length, keyed by
 * the AI's first two digits, as total length of AI + value. Only these need no FNC1 after them:
 * the decision is made by the prefix, never by whether a value happens to be fixed length
 * ((8111) is always 4 digits and still needs a separator).
 * Example: "01" → 16, so (01) is followed by exactly 14 digits and the next AI starts right after.
 */
export const PREDEFINED_LENGTH: ReadonlyMap<string, number> = new Map([
  ['00', 20],
  ['01', 16],
  ['02', 16],
  ['03', 16],
  ['04', 18],
  ['11', 8],
  ['12', 8],
  ['13', 8],
  ['14', 8],
  ['15', 8],
  ['16', 8],
  ['17', 8],
  ['18', 8],
  ['19', 8],
  ['20', 4],
  ['31', 10],
  ['32', 10],
  ['33', 10],
  ['34', 10],
  ['35', 10],
  ['36', 10],
  ['41', 16],
]);

function expand(entry: AiDictionaryEntry): string[] {
  const width = entry.from.length;
  const out: string[] = [];
  for (let n = Number(entry.from); n <= Number(entry.to); n++) out.push(String(n).padStart(width, '0'));
  return out;
}

const BY_AI: ReadonlyMap<string, AiDictionaryEntry> = new Map(
  AI_DICTIONARY.flatMap((entry) => expand(entry).map((ai) => [ai, entry] as const)),
);

/** Every AI allocated in the dictionary share its length with all AIs of the same first two digits. */
const LENGTH_BY_PREFIX: ReadonlyMap<string, number> = new Map(
  [...BY_AI.keys()].map((ai) => [ai.slice(0, 2), ai.length] as const),
);

/** The dictionary entry for an exact AI ("3103" → NET WEIGHT (kg)), or undefined if unallocated. */
export function lookupAi(ai: string): AiDictionaryEntry | undefined {
  return BY_AI.get(ai);
}

/** AI length implied by its first two digits: "31" → 4, "24" → 3, "10" → 2; undefined if unused. */
export function aiLengthByPrefix(prefix: string): number | undefined {
  return LENGTH_BY_PREFIX.get(prefix);
}

/** Value length of a predefined-length AI ("17" → 6, "3103" → 6), undefined if FNC1-terminated. */
export function predefinedValueLength(ai: string): number | undefined {
  const total = PREDEFINED_LENGTH.get(ai.slice(0, 2));
  return total === undefined ? undefined : total - ai.length;
}

/** All allocated AIs, expanded from ranges (for property tests and the table test). */
export function allAis(): string[] {
  return [...BY_AI.keys()];
}
