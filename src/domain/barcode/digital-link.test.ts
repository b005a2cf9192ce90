import { describe, expect, it } from 'vitest';
import { parseBarcode } from './index';
import type { BarcodeErrorCode } from './index';

const today = '2025-06-01';

function parse(uri: string): Record<string, string> | BarcodeErrorCode {
  const r = parseBarcode(uri, { today });
  return r.ok ? (r.ais ?? {}) : r.error.code;
}

// Source: gs1/gs1-syntax-engine src/c-lib/dl.c, test_dl_parseDLuri (expected "^…" strings as AI maps).
const valid: [string, Record<string, string>][] = [
  ['http://a/00/006141411234567890', { '00': '006141411234567890' }],
  ['HTTPS://a/00/006141411234567890', { '00': '006141411234567890' }],
  ['https://a:65535/01/12312312312333', { '01': '12312312312333' }],
  ['https://[2001:db8::1]/01/12312312312333', { '01': '12312312312333' }],
  ['https://a/more/stem/00/006141411234567890', { '00': '006141411234567890' }],
  ['https://a/00/faux/00/006141411234567890', { '00': '006141411234567890' }], // rightmost key wins
  [
    'https://a/01/12312312312333/22/TEST/10/ABC/21/XYZ',
    { '01': '12312312312333', '22': 'TEST', '10': 'ABC', '21': 'XYZ' },
  ],
  ['https://a/01/12312312312333/235/TEST', { '01': '12312312312333', '235': 'TEST' }],
  ['https://a/8018/123456789012345675/8019/123', { '8018': '123456789012345675', '8019': '123' }],
  ['https://a/stem/00/006141411234567890?', { '00': '006141411234567890' }],
  ['https://a/stem/401/12345678?99=ABC', { '401': '12345678', '99': 'ABC' }],
  [
    'https://a/01/12312312312333?&&&99=ABC&&&&&&98=XYZ&&&',
    { '01': '12312312312333', '99': 'ABC', '98': 'XYZ' },
  ],
  [
    'https://a/01/12312312312333?singleton&unknown=666&99=ABC&98=XYZ',
    { '01': '12312312312333', '99': 'ABC', '98': 'XYZ' },
  ],
  [
    'https://a/01/12312312312333/22/ABC%2d123?99=ABC&98=XYZ%2f987', // percent-escaped values
    { '01': '12312312312333', '22': 'ABC-123', '99': 'ABC', '98': 'XYZ/987' },
  ],
  ['https://a/01/12312312312333/22/ABC+123?99=ABC', { '01': '12312312312333', '22': 'ABC+123', '99': 'ABC' }], // "+" literal in path
  [
    'https://a/01/12312312312333/22/test/10/abc/21/xyz#fragment',
    { '01': '12312312312333', '22': 'test', '10': 'abc', '21': 'xyz' },
  ],
  // Examples from the GS1 Digital Link standard, as quoted in dl.c:
  [
    'https://id.gs1.org/01/09520123456788/10/ABC1/21/12345?17=180426',
    { '01': '09520123456788', '10': 'ABC1', '21': '12345', '17': '180426' },
  ],
  ['https://id.gs1.org/01/09520123456788?3103=000195', { '01': '09520123456788', '3103': '000195' }],
  [
    'https://example.com/01/09520123456788?3103=000195&3922=0299&17=201225',
    { '01': '09520123456788', '3103': '000195', '3922': '0299', '17': '201225' },
  ],
  [
    'https://id.gs1.org/00/952012345678912345?02=09520123456788&37=25&10=ABC123',
    { '00': '952012345678912345', '02': '09520123456788', '37': '25', '10': 'ABC123' },
  ],
  ['https://id.gs1.org/414/9520123456788/254/32a%2Fb', { '414': '9520123456788', '254': '32a/b' }],
  [
    'https://id.gs1.org/01/09520123456788/235/XYZ?10=ABC123',
    { '01': '09520123456788', '235': 'XYZ', '10': 'ABC123' },
  ],
  ['https://brand.example.com/01/9520123456788', { '01': '09520123456788' }], // zero-suppressed GTIN-13, padded
];

// Source: gs1/gs1-syntax-engine src/c-lib/dl.c, test_dl_parseDLuri (should_succeed = false).
const invalid: [string, BarcodeErrorCode][] = [
  ['http://a/', 'DL_BAD_URI'],
  ['http://a/b', 'DL_NO_PRIMARY_KEY'],
  ['HtTp://a/b/00/006141411234567890', 'DL_BAD_URI'], // mixed-case scheme
  ['https://$a/00/006141411234567890', 'DL_BAD_URI'],
  ['https://a/stem/00/006141411234567890/', 'DL_BAD_URI'], // can't end in slash
  ['https://a/253/1231231231232TEST56789012345678', 'VALUE_TOO_LONG'],
  ['https://a/01/12312312312333?99=', 'EMPTY_VALUE'],
  ['https://a/01/12312312312333?99=ABC&999=faux', 'UNKNOWN_AI'],
  ['https://a/01/12312312312333/22/ABC%2d123?99=ABC&98=XYZ+987', 'INVALID_CHARACTER'], // "+" is a space in a query
  ['https://example.com/01/09520123456788?10=ABC123', 'DL_MISPLACED_AI'], // (10) belongs in the path
  ['https://id.gs1.org/01/09520123456788/10/ABC123?99=XYZ789&01=09520123456788', 'DUPLICATE_AI'],
  ['https://id.gs1.org/01/09520123456788/10/ABC123?99=XYZ789&10=ABC123', 'DL_MISPLACED_AI'],
  ['https://id.gs1.org/01/09520123456788/10/ABC123?99=XYZ789&99=XYZ789', 'DUPLICATE_AI'],
  ['https://example.com/01/09520123456788/89/ABC123?99=XYZ', 'UNKNOWN_AI'],
  ['https://example.com/01/09520123456788?99=XYZ&89=ABC123', 'UNKNOWN_AI'],
];

describe('GS1 Digital Link', () => {
  it.each(valid)('[B5] %s', (uri, ais) => {
    expect(parse(uri)).toEqual(ais);
  });

  it.each(invalid)('[B5] rejects %s with %s', (uri, c) => {
    expect(parse(uri)).toBe(c);
  });

  it('[B5] qualifiers out of order are rejected (dictionary header: /01/../10/../22/.. is invalid)', () => {
    expect(parse('https://id.gs1.org/01/09520123456788/10/ABC/22/X')).toBe('DL_BAD_QUALIFIERS');
    // Mixing alternatives "22,10,21" and "235" is invalid too.
    expect(parse('https://id.gs1.org/01/09520123456788/22/A/235/B')).toBe('DL_BAD_QUALIFIERS');
  });

  it('[B5] (8200) is not a data attribute (gs1-syntax-engine dl.c, test_dl_generateDLuri)', () => {
    expect(parse('https://example.com/01/12312312312326?8200=http%3A%2F%2Fexample.com')).toBe(
      'DL_NOT_ATTRIBUTE',
    );
  });

  it('[B5] derives GTIN, lot, serial and expiry and keeps the symbology identifier', () => {
    const r = parseBarcode(']Q1https://id.gs1.org/01/09520123456788/10/ABC1/21/12345?17=180426', { today });
    expect(r).toMatchObject({
      ok: true,
      symbology: ']Q1',
      gtin: '09520123456788',
      lot: 'ABC1',
      serial: '12345',
    });
    expect(r.ok && r.expiry).toBe('2018-04-26');
  });
});
