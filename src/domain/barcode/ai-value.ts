/**
 * Validates one AI value against its dictionary specification: character set, length of each
 * component, then the component's linters.
 */
import type { AiDictionaryEntry, AiSpecComponent, Cset } from './ai-types';
import { CSET82, runLinter } from './linters';
import { fail } from './result';

const CSET_PATTERN: Readonly<Record<Cset, RegExp>> = {
  N: /^[0-9]*$/,
  X: new RegExp(`^[${CSET82.replace(/[\\\]^-]/g, '\\$&')}]*$`),
  Y: /^[#\-/0-9A-Z]*$/,
  Z: /^[A-Za-z0-9_-]*=*$/,
};

const CSET_NAME: Readonly<Record<Cset, string>> = {
  N: 'digits',
  X: 'GS1 CSET 82 characters',
  Y: 'GS1 CSET 39 characters',
  Z: 'base64url characters',
};

/** Splits `value` into the parts each component consumes; optional tails may be absent. */
function splitComponents(ai: string, value: string, spec: readonly AiSpecComponent[]): string[] {
  const parts: string[] = [];
  let rest = value;
  for (const c of spec) {
    if (rest === '' && c.optional) break;
    const take = c.min === c.max ? c.min : Math.min(rest.length, c.max);
    if (rest.length < Math.max(take, c.min)) fail('VALUE_TOO_SHORT', `(${ai}) value "${value}" is too short`);
    parts.push(rest.slice(0, take));
    rest = rest.slice(take);
  }
  if (rest !== '') fail('VALUE_TOO_LONG', `(${ai}) value "${value}" is too long`);
  return parts;
}

/**
 * Throws a BarcodeParseError unless `value` satisfies the entry's specification.
 * Example: (17) "251300" → INVALID_DATE (month 13); (01) "09506000134353" → CHECK_DIGIT.
 */
export function validateAiValue(
  ai: string,
  value: string,
  entry: AiDictionaryEntry,
  currentYear: number,
): void {
  if (value === '') fail('EMPTY_VALUE', `(${ai}) has no value`);
  const parts = splitComponents(ai, value, entry.spec);
  parts.forEach((part, i) => {
    const c = entry.spec[i];
    if (!c) return;
    if (!CSET_PATTERN[c.cset].test(part)) {
      fail('INVALID_CHARACTER', `(${ai}) value "${value}" must be ${CSET_NAME[c.cset]}`);
    }
    for (const linter of c.linters) {
      const err = runLinter(linter, part, currentYear);
      if (err) fail(err.code, `(${ai}) ${entry.title}: ${err.message} in "${value}"`);
    }
  });
}
