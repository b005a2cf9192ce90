import { describe, expect, it } from 'vitest';
import { parseBarcode } from './index';
import type { BarcodeErrorCode } from './index';

const GS = '\u001d';
const today = '2025-06-01';
/** The GS1 Syntax Engine writes FNC1 as "^"; here "^" becomes GS (ASCII 29). */
const raw = (s: string): string => s.replace(/\^/g, GS);

function ok(input: string): Record<string, string> {
  const r = parseBarcode(input, { today });
  if (!r.ok) throw new Error(`${input}: ${r.error.code} ${r.error.message}`);
  return r.ais ?? {};
}

function code(input: string): BarcodeErrorCode | 'ok' {
  const r = parseBarcode(input, { today });
  return r.ok ? 'ok' : r.error.code;
}

// Valid raw element strings. Source: gs1/gs1-syntax-engine src/c-lib/ai.c, test_ai_processAIdata.
const validRaw: [string, Record<string, string>][] = [
  ['^991234', { '99': '1234' }], // gs1-syntax-engine ai.c: "^991234"
  ['^0112345678901231', { '01': '12345678901231' }], // ai.c: N14, no FNC1 required
  ['^0112345678901231^', { '01': '12345678901231' }], // ai.c: tolerate superfluous FNC1
  ['^0112345678901231991234', { '01': '12345678901231', '99': '1234' }], // ai.c: fixed-length run into next AI
  ['^0112345678901231^991234', { '01': '12345678901231', '99': '1234' }], // ai.c: superfluous FNC1 mid-string
  ['^242123456^10ABC123', { '242': '123456', '10': 'ABC123' }], // ai.c: N..6 at its limit, then next AI
  ['^242123456^', { '242': '123456' }], // ai.c: FNC1 at end of data
  ['^81111234^10ABC123', { '8111': '1234', '10': 'ABC123' }], // ai.c: N4 still needs FNC1 (prefix 81)
  ['^800112341234512398', { '8001': '12341234512398' }], // ai.c: N4-5-3-1-1
  ['^7007211225', { '7007': '211225' }], // ai.c: optional component absent
  ['^7007211225211231', { '7007': '211225211231' }], // ai.c: optional component present
  ['^800302112345678900ABC', { '8003': '02112345678900ABC' }], // ai.c: N1 N13,csum X..16
  ['^800302112345678900', { '8003': '02112345678900' }], // ai.c: empty final optional component
  ['^7230121234567890123456789012345678', { '7230': '121234567890123456789012345678' }], // ai.c: X2 X..28 longest
  ['^7230123', { '7230': '123' }], // ai.c: X2 X..28 shortest
];

// Invalid raw element strings. Source: gs1/gs1-syntax-engine src/c-lib/ai.c, test_ai_processAIdata.
const invalidRaw: [string, BarcodeErrorCode][] = [
  ['^891234', 'UNKNOWN_AI'], // ai.c: no such AI (89)
  ['^99~ABC', 'INVALID_CHARACTER'], // ai.c: bad CSET82 character
  ['^01A2345678901231', 'INVALID_CHARACTER'], // ai.c: bad numeric character
  ['^011234567890123A', 'INVALID_CHARACTER'], // ai.c: bad numeric character at the end
  ['^0112345678901234', 'CHECK_DIGIT'], // ai.c: incorrect check digit
  ['^011234567890123', 'VALUE_TOO_SHORT'], // ai.c: too short
  ['^01123456789012312', 'TRUNCATED_AI'], // ai.c: "2" after a complete (01) is no AI
  ['^011234567890123^', 'VALUE_TOO_SHORT'], // ai.c: short, with superfluous FNC1
  ['^01123456789012345^991234', 'UNKNOWN_AI'], // ai.c: long, "5^..." is meaningless
  ['^2421234567', 'VALUE_TOO_LONG'], // ai.c: N..6 too long
  ['^8111123', 'VALUE_TOO_SHORT'], // ai.c: N4 too short
  ['^811112345', 'VALUE_TOO_LONG'], // ai.c: N4 too long
  ['^80011234123451239', 'VALUE_TOO_SHORT'], // ai.c: N4-5-3-1-1 too short
  ['^70072112252', 'VALUE_TOO_SHORT'], // ai.c: optional N6 component cut short
  ['^800302112345678901ABC', 'CHECK_DIGIT'], // ai.c: bad check digit in N13 component
  ['^800302112345678900ABCDEFGHIJKLMNOPQ', 'VALUE_TOO_LONG'], // ai.c: X..16 overflow
  ['^723012', 'VALUE_TOO_SHORT'], // ai.c: X2 X..28 needs 3+
];

// Linter violations. Source: gs1/gs1-syntax-engine src/c-lib/ai.c, test_ai_linters.
const linterCases: [string, BarcodeErrorCode | 'ok'][] = [
  ['(00)123456789012345675', 'ok'],
  ['(00)123456789012345670', 'CHECK_DIGIT'],
  ['(10) ', 'INVALID_CHARACTER'],
  ['(8010)123456_', 'INVALID_CHARACTER'],
  ['(8013)123456ABXX', 'CHECK_DIGIT'],
  ['(8013)A', 'INVALID_VALUE'], // too short for a check pair
  ['(8013)1987654Ad4X4bL5ttr2310c2K', 'ok'], // GS1 General Specifications §7.9.5 GMN check-pair example
  ['(8001)12340000012311', 'INVALID_VALUE'],
  ['(8003)112345678901281234567890123456', 'INVALID_VALUE'],
  ['(8011)023456789012', 'INVALID_VALUE'],
  ['(4321)2', 'INVALID_VALUE'],
  ['(8001)12341234512321', 'INVALID_VALUE'],
  ['(4326)201300', 'INVALID_DATE'],
  ['(4326)201200', 'INVALID_DATE'],
  ['(4324)2012252400', 'INVALID_DATE'],
  ['(4324)2012252360', 'INVALID_DATE'],
  ['(8008)201225230060', 'INVALID_DATE'],
  ['(8026)123456789012310099', 'INVALID_VALUE'],
  ['(8026)123456789012310100', 'INVALID_VALUE'],
  ['(8026)123456789012310302', 'INVALID_VALUE'],
  ['(4300)ABC%0g', 'INVALID_VALUE'],
  ['(4309)18000000010000000000', 'INVALID_VALUE'],
  ['(4309)00000000003600000001', 'INVALID_VALUE'],
  ['(4330)000000X', 'INVALID_VALUE'],
  ['(01)95012345678903(3103)000123', 'ok'],
  ['(01)95012345678902(3103)000123', 'CHECK_DIGIT'],
  ['(01)95012345678903(11)131313', 'INVALID_DATE'],
];

// Bracketed form. Source: gs1/gs1-syntax-engine src/c-lib/ai.c, test_ai_parseAIdata.
const bracketed: [string, Record<string, string> | BarcodeErrorCode][] = [
  ['(01)12345678901231', { '01': '12345678901231' }],
  ['(01)12345678901231(10)12345', { '01': '12345678901231', '10': '12345' }],
  ['(3100)123456(10)12345', { '3100': '123456', '10': '12345' }],
  ['(10)12345(11)991225', { '10': '12345', '11': '991225' }],
  ['(3900)12345(11)991225', { '3900': '12345', '11': '991225' }],
  ['(10)12345\\(11)991225', { '10': '12345(11)991225' }], // escaped bracket
  ['(10)(11)98765', 'EMPTY_VALUE'],
  ['(10)12345(11)', 'EMPTY_VALUE'],
  ['(1A)12345', 'BAD_BRACKETS'],
  ['()12345', 'UNKNOWN_AI'],
  ['(1)12345', 'UNKNOWN_AI'],
  ['(12345)12345', 'UNKNOWN_AI'],
  ['(15', 'BAD_BRACKETS'],
  ['(01)123456789012312(10)12345', 'VALUE_TOO_LONG'],
  ['(10)12345^', 'INVALID_CHARACTER'], // "^" is not CSET 82
  ['(17)9(90)217', 'VALUE_TOO_SHORT'], // must not become ^1799(0)217-like guesses
];

describe('GS1 element strings', () => {
  it.each(validRaw)('[B2] raw element string %j parses', (input, ais) => {
    expect(ok(raw(input))).toEqual(ais);
  });

  it.each(invalidRaw)('[B3] raw element string %j → %s', (input, c) => {
    expect(code(raw(input))).toBe(c);
  });

  it.each(linterCases)('[B3] dictionary linters: %j → %s', (input, c) => {
    expect(code(input)).toBe(c);
  });

  it.each(bracketed)('[B1] bracketed form %j', (input, expected) => {
    if (typeof expected === 'string') expect(code(input)).toBe(expected);
    else expect(ok(input)).toEqual(expected);
  });
});
