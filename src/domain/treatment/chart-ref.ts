/**
 * A chart reference identifies the patient in the clinic's EMR without naming them (README,
 * "never the name"). Two checks, both as typed (SPEC [T4], [T8]):
 *
 * - A reference with no digit at all is most likely a name typed by habit: "Jane Doe" → a warning;
 *   "CH-10482", "10482", "JD-77" → none.
 * - A clinic may set its chart-number pattern, written the way its numbers look: `#` is one digit,
 *   `@` one letter, anything else stands for itself (letters in either case). "CH-#####" accepts
 *   "CH-10482" and "ch-10482", and not "CH-1048" or "10482". A reference that does not fit is a
 *   warning, or an error that blocks Start visit when the clinic requires the pattern.
 */

const NAME_WARNING = 'This looks like a name. Use the chart number from the EMR, never the patient’s name.';

export function chartRefWarning(ref: string): string | null {
  const text = ref.trim();
  if (text === '' || /\d/.test(text)) return null;
  return NAME_WARNING;
}

/** The clinic's chart-number rule: the pattern, and whether a reference must fit it. */
export interface ChartRule {
  pattern: string;
  require: boolean;
}

export const MAX_PATTERN_LENGTH = 40;
const ALLOWED = /^[A-Za-z0-9#@\-_./ ]+$/;
const EXAMPLE_DIGITS = '1048273956';
const EXAMPLE_LETTERS = 'ABCDEFGHJK';

export type PatternCheck = { ok: true; pattern: string; example: string } | { ok: false; error: string };

/** Checks a pattern as typed and gives an example number it accepts: "CH-#####" → "CH-10482". */
export function checkChartPattern(typed: string): PatternCheck {
  const pattern = typed.trim();
  if (pattern === '') return { ok: false, error: 'Enter the pattern, e.g. CH-##### (# is one digit).' };
  if (pattern.length > MAX_PATTERN_LENGTH)
    return { ok: false, error: `At most ${MAX_PATTERN_LENGTH} characters.` };
  if (!ALLOWED.test(pattern))
    return { ok: false, error: 'Use letters, digits, # (a digit), @ (a letter), spaces and - _ . / only.' };
  if (!pattern.includes('#'))
    return { ok: false, error: 'A chart number has digits: put a # for each one, e.g. CH-#####.' };
  return { ok: true, pattern, example: exampleOf(pattern) };
}

function exampleOf(pattern: string): string {
  let digit = 0;
  let letter = 0;
  return [...pattern]
    .map((c) => {
      if (c === '#') return EXAMPLE_DIGITS[digit++ % EXAMPLE_DIGITS.length];
      if (c === '@') return EXAMPLE_LETTERS[letter++ % EXAMPLE_LETTERS.length];
      return c;
    })
    .join('');
}

/** Whether `ref` (trimmed) fits `pattern` character by character. */
export function fitsChartPattern(ref: string, pattern: string): boolean {
  const text = ref.trim();
  if (text.length !== pattern.length) return false;
  return [...pattern].every((p, i) => {
    const c = text[i] ?? '';
    if (p === '#') return /\d/.test(c);
    if (p === '@') return /[A-Za-z]/.test(c);
    return p.toLowerCase() === c.toLowerCase();
  });
}

export type ChartRefCheck = { level: 'none' } | { level: 'warning' | 'error'; message: string };

/**
 * What to say about a chart reference as typed, under the clinic's rule (null = no pattern set).
 * Example, rule { pattern: "CH-#####", require: false }: "CH-10482" → none; "CH-1048" → warning
 * "CH-1048 does not look like this clinic's chart numbers: CH-##### (e.g. CH-10482)."; with
 * require: true the same is an error. "Jane Doe" → the name warning (an error when required).
 */
export function checkChartRef(ref: string, rule: ChartRule | null): ChartRefCheck {
  const text = ref.trim();
  if (text === '') return { level: 'none' };
  const name = chartRefWarning(text);
  const pattern = rule ? checkChartPattern(rule.pattern) : null;
  if (!rule || !pattern?.ok) return name ? { level: 'warning', message: name } : { level: 'none' };
  if (fitsChartPattern(text, pattern.pattern)) return { level: 'none' };
  const level = rule.require ? 'error' : 'warning';
  const shape = `${pattern.pattern} (e.g. ${pattern.example})`;
  if (name) return { level, message: `${name} Chart numbers here look like ${shape}.` };
  return { level, message: `${text} does not look like this clinic’s chart numbers: ${shape}.` };
}
