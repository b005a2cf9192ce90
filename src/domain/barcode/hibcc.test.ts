import { describe, expect, it } from 'vitest';
import { hibcCheckCharacter } from './hibcc';
import { parseBarcode } from './index';
import type { BarcodeData, BarcodeErrorCode } from './index';

const today = '2025-06-01';
/** Appends the correct mod-43 check character. */
const withCheck = (s: string): string => s + (hibcCheckCharacter(s) ?? '?');

function ok(input: string): BarcodeData {
  const r = parseBarcode(input, { today });
  if (!r.ok) throw new Error(`${input}: ${r.error.code} ${r.error.message}`);
  return r;
}

function code(input: string): BarcodeErrorCode | 'ok' {
  const r = parseBarcode(input, { today });
  return r.ok ? 'ok' : r.error.code;
}

const A123 = { labeler: 'A123', product: 'BJC5D6E7', unitOfMeasure: '1' };
const J123 = { labeler: 'J123', product: 'AQ345', unitOfMeasure: '1' };
const A999 = { labeler: 'A999', product: '1234', unitOfMeasure: '5' };

// Real check characters. Source: DacoTaco/BarcodeParserBuilder,
// BarcodeParserBuilder.UnitTests/Barcodes/HIBC/HibcBarcodeParserBuilderTestFixture.cs.
const peerVectors: [string, Partial<BarcodeData>][] = [
  ['+A123BJC5D6E71G', { hibcc: A123, hibccLink: 'G' }],
  ['+A123BJC5D6E71G+2001510X3GG', { hibcc: A123, expiry: '2020-01-15', lot: '10X3' }], // primary + old-format secondary
  ['+A123BJC5D6E71G+$$52001510X3GD', { hibcc: A123, expiry: '2020-01-15', lot: '10X3' }],
  ['+A123BJC5D6E71G+$$710X3G7', { hibcc: A123, lot: '10X3' }],
  ['+A123BJC5D6E71G+$$+52001510X3GB', { hibcc: A123, expiry: '2020-01-15', serial: '10X3' }],
  [
    '+A123BJCMD6E79++$$52001510X3+ ',
    { hibcc: { ...A123, product: 'BJCMD6E7', unitOfMeasure: '9' }, lot: '10X3' },
  ], // "+" link, " " check
  ['+J123AQ3451/25330BC34567/S4012X', { hibcc: J123, expiry: '2025-11-26', lot: 'BC34567', serial: '4012' }],
  ['+J123AQ3451/$$0125BC34567/S4012K', { hibcc: J123, expiry: '2025-01-31', lot: 'BC34567', serial: '4012' }],
  [
    '+A123ABCDEFGHI1234567891/$$420020216LOT123456789012345/SXYZ456789012345678/16D20130202$',
    {
      expiry: '2020-02-02',
      lot: 'LOT123456789012345',
      serial: 'XYZ456789012345678',
      productionDate: '2013-02-02',
    },
  ],
  [
    '+A123ABCDEFGHI1234567891/$$3200202LOT123456789012345/16D20130202/SXYZ456789012345678V',
    { expiry: '2020-02-02', lot: 'LOT123456789012345', serial: 'XYZ456789012345678' },
  ],
  [
    '+A99912345/$$81210X3/16D20111212/14D20200906/S77DEFG45$',
    {
      hibcc: A999,
      quantity: '12',
      lot: '10X3',
      expiry: '2020-09-06',
      productionDate: '2011-12-12',
      serial: '77DEFG45',
    },
  ],
  [
    '+A99912345/$$90234510X3/16D20111212/14D20200906/S77DEFG458',
    { quantity: '2345', lot: '10X3', expiry: '2020-09-06' },
  ],
  [
    '+A99912345/$$81210X3/$$+320090677DEFG45/16D20111212U',
    { quantity: '12', lot: '10X3', serial: '77DEFG45', expiry: '2020-09-06' },
  ],
  [
    '+A99912345/$$52025010X3/16D20111212/S77DEFG458',
    { lot: '10X3', expiry: '2020-09-06', serial: '77DEFG45' },
  ], // leap-year julian
];

// HIBC Supplier Labeling Standard examples as used by chriswjones/HibcBarcodeParsing
// HIBCParserTests.m (lot 3C001, link "L"); the examples print a placeholder check "C", recomputed here.
const slsExamples: [string, Partial<BarcodeData>][] = [
  ['+05271L', { expiry: '2005-09-28', hibccLink: 'L' }],
  ['+$3C001L', { lot: '3C001' }],
  ['+$$09053C001L', { expiry: '2005-09-30', lot: '3C001' }], // MMYY: last day of the month
  ['+$$20928053C001L', { expiry: '2005-09-28', lot: '3C001' }], // MMDDYY
  ['+$$30509283C001L', { expiry: '2005-09-28', lot: '3C001' }], // YYMMDD
  ['+$$4050928223C001L', { expiry: '2005-09-28', lot: '3C001' }], // YYMMDDHH
  ['+$$5052713C001L', { expiry: '2005-09-28', lot: '3C001' }], // YYJJJ
  ['+$$605271223C001L', { expiry: '2005-09-28', lot: '3C001' }], // YYJJJHH
  ['+$$73C001L', { lot: '3C001' }], // no date
  ['+$$82409053C001L', { quantity: '24', expiry: '2005-09-30', lot: '3C001' }],
  ['+$$8244050928223C001L', { quantity: '24', expiry: '2005-09-28', lot: '3C001' }],
  ['+$$824L', { quantity: '24' }],
  ['+$$90010020928053C001L', { quantity: '100', expiry: '2005-09-28', lot: '3C001' }],
  ['+$+0001L', { serial: '0001' }],
  ['+$$+30509280001L', { expiry: '2005-09-28', serial: '0001' }],
];

describe('HIBC', () => {
  it('[B9] mod-43 check character: "+A123BJC5D6E71" → "G" (BarcodeParserBuilder vector)', () => {
    expect(hibcCheckCharacter('+A123BJC5D6E71')).toBe('G');
    expect(hibcCheckCharacter('+a123')).toBeUndefined();
  });

  it.each(peerVectors)('[B8] %s', (input, expected) => {
    expect(ok(input)).toMatchObject({ scheme: 'hibcc', ...expected });
  });

  it.each(slsExamples)('[B8] standalone secondary %s + check', (input, expected) => {
    const r = ok(withCheck(input));
    expect(r).toMatchObject({ scheme: 'hibcc', hibccLink: 'L', ...expected });
    expect(r.hibcc).toBeUndefined();
  });

  it('[B8] keeps the symbology identifier (BarcodeParserBuilder "]Q0+J123…")', () => {
    expect(ok(']Q0+J123AQ3451/25330BC34567/S4012X')).toMatchObject({ symbology: ']Q0', hibcc: J123 });
  });

  it('[B9] a wrong check character is an error, never a guess', () => {
    expect(code('+J123AQ3451/25330BC34567/S4012Y')).toBe('HIBC_CHECK_CHARACTER');
    expect(code('+A123BJC5D6E71H')).toBe('HIBC_CHECK_CHARACTER');
  });

  it('[B9] a secondary whose link character is not the primary check character is rejected', () => {
    expect(code('+A123BJC5D6E71G' + withCheck('+$$710X3H'))).toBe('HIBC_LINK_MISMATCH');
  });

  it('[B8] invalid dates and characters are errors', () => {
    expect(code(withCheck('+$$3251340LOT1L'))).toBe('INVALID_DATE'); // month 13
    expect(code(withCheck('+$$4250101253C001L'))).toBe('INVALID_DATE'); // hour 25
    expect(code(withCheck('+$$2022925ABCL'))).toBe('INVALID_DATE'); // 29 Feb 2025
    expect(code('+a123bjc5d6e71g')).toBe('HIBC_SYNTAX');
    expect(code(withCheck('+A99912345/$$81210X3/14D20200906/14D20200907'))).toBe('HIBC_SYNTAX'); // two expiries
  });
});
