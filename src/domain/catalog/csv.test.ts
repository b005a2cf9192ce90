import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseCsv, toCsv } from './csv';

const table = (text: string) => {
  const r = parseCsv(text);
  if (!r.ok) throw new Error(r.error);
  return r.table;
};

describe('CSV in and out ([CT5])', () => {
  it('[CT5] reads UTF-8 with and without a BOM, `,` or `;`, quoted fields with delimiters, quotes and line breaks', () => {
    const comma = table('name,packPrice\r\n"Botox, 100 U",590.00\r\n');
    const semi = table('\uFEFFname;packPrice\n"Botox; ""100"" U";590,00\n');
    expect(comma).toMatchObject({ delimiter: ',', header: ['name', 'packPrice'] });
    expect(comma.rows).toEqual([{ row: 2, cells: ['Botox, 100 U', '590.00'] }]);
    expect(semi.delimiter).toBe(';');
    expect(semi.header).toEqual(['name', 'packPrice']);
    expect(semi.rows).toEqual([{ row: 2, cells: ['Botox; "100" U', '590,00'] }]);
    expect(table('name\n"two\nlines"\n').rows[0]?.cells).toEqual(['two\nlines']);
  });

  it('[CT5] numbers rows as a spreadsheet does: header row 1, an empty row counted but skipped', () => {
    expect(table('a\nx\n\ny\n').rows.map((r) => r.row)).toEqual([2, 4]);
  });

  it('[CT5] an empty file or an unclosed quote is an error, not an empty import', () => {
    expect(parseCsv('\uFEFF  ')).toEqual({ ok: false, error: 'The file is empty.' });
    expect(parseCsv('a,b\n"x,1\n').ok).toBe(false);
  });

  it('[CT5] export is RFC 4180 with a BOM and CRLF; quoting only where needed', () => {
    expect(
      toCsv(
        ['a', 'b'],
        [
          ['x, y', 'say "hi"'],
          ['plain', ''],
        ],
      ),
    ).toBe('\uFEFFa,b\r\n"x, y","say ""hi"""\r\nplain,\r\n');
  });

  it('[CT5] property: any table exported and read back is the same table', () => {
    const cell = fc.string({ maxLength: 12 }).map((s) => s.trim());
    fc.assert(
      fc.property(fc.array(fc.array(cell, { minLength: 3, maxLength: 3 }), { maxLength: 8 }), (rows) => {
        const header = ['name', 'gtin', 'note'];
        const back = parseCsv(toCsv(header, rows));
        expect(back.ok).toBe(true);
        if (!back.ok) return;
        const kept = rows.filter((r) => r.some((c) => c !== ''));
        expect(back.table.header).toEqual(header);
        expect(back.table.rows.map((r) => r.cells)).toEqual(kept);
      }),
    );
  });
});
