/**
 * CSV in and out of the catalog ([CT5]), with papaparse (pure: a string in, arrays out) rather than
 * a hand-written splitter. In: UTF-8 with or without a byte-order mark, quoted fields (with
 * delimiters, quotes and line breaks inside), `,` or `;` as the delimiter (detected from the
 * header row). Out: RFC 4180 — `,`, CRLF line ends, a field quoted when it holds `,`, `"` or a line
 * break — as UTF-8 with a BOM, so a spreadsheet opens accents correctly.
 *
 * Rows are numbered as a spreadsheet shows them: the header is row 1, the first data row row 2,
 * and an empty row still counts (it is skipped, not renumbered).
 *
 * Worked example: "\uFEFFname;packPrice\r\n\"Botox; 100 U\";590,00\r\n" → delimiter ';', header
 * ['name', 'packPrice'], rows [{ row: 2, cells: ['Botox; 100 U', '590,00'] }].
 */
import Papa from 'papaparse';

export interface CsvRow {
  /** The row's number as a spreadsheet shows it (header = 1). */
  readonly row: number;
  readonly cells: readonly string[];
}

export interface CsvTable {
  readonly delimiter: ',' | ';';
  readonly header: readonly string[];
  readonly rows: readonly CsvRow[];
}

export type CsvParse = { ok: true; table: CsvTable } | { ok: false; error: string };

const BOM = '\uFEFF';

/** The delimiter of the first line: whichever of `;` and `,` occurs more often outside quotes. */
function delimiterOf(text: string): ',' | ';' {
  const firstLine = text.split(/\r?\n/, 1)[0] ?? '';
  const unquoted = firstLine.replace(/"[^"]*"/g, '');
  const count = (c: string) => unquoted.split(c).length - 1;
  return count(';') > count(',') ? ';' : ',';
}

export function parseCsv(input: string): CsvParse {
  const text = input.startsWith(BOM) ? input.slice(BOM.length) : input;
  if (text.trim() === '') return { ok: false, error: 'The file is empty.' };
  const delimiter = delimiterOf(text);
  const result = Papa.parse<string[]>(text, { delimiter, skipEmptyLines: false, header: false });
  const broken = result.errors.find((e) => e.type === 'Quotes');
  if (broken) return { ok: false, error: `Row ${(broken.row ?? 0) + 1}: a quoted field is not closed.` };
  const [header, ...data] = result.data;
  if (!header) return { ok: false, error: 'The file has no header row.' };
  const rows: CsvRow[] = [];
  data.forEach((cells, i) => {
    if (cells.every((c) => c.trim() === '')) return;
    rows.push({ row: i + 2, cells: cells.map((c) => c.trim()) });
  });
  return { ok: true, table: { delimiter, header: header.map((h) => h.trim()), rows } };
}

/** RFC 4180 text with a UTF-8 BOM. */
export function toCsv(header: readonly string[], rows: readonly (readonly string[])[]): string {
  const body = Papa.unparse({ fields: [...header], data: rows.map((r) => [...r]) }, { newline: '\r\n' });
  return `${BOM}${body}\r\n`;
}

/** A header cell as a column key: case, spaces, `_` and `-` aside ("Unit GTINs" → "unitgtins"). */
export const columnKey = (header: string): string => header.toLowerCase().replace(/[\s_-]+/g, '');

export interface ColumnMap<C extends string> {
  /** Column key → its index in the row. */
  readonly index: ReadonlyMap<C, number>;
  /** Header cells that name no known column (ignored, and reported). */
  readonly unknown: readonly string[];
}

/** Which index holds each known column (`aliases`: other header words for a column). */
export function mapColumns<C extends string>(
  header: readonly string[],
  columns: readonly C[],
  aliases: Readonly<Record<string, C>> = {},
): ColumnMap<C> {
  const byKey = new Map<string, C>(columns.map((c) => [columnKey(c), c]));
  for (const [alias, column] of Object.entries(aliases)) byKey.set(columnKey(alias), column);
  const index = new Map<C, number>();
  const unknown: string[] = [];
  header.forEach((h, i) => {
    const column = byKey.get(columnKey(h));
    if (column && !index.has(column)) index.set(column, i);
    else if (h !== '') unknown.push(h);
  });
  return { index, unknown };
}

/** The row's cell for `column`, or undefined when the file has no such column. */
export function cellOf<C extends string>(row: CsvRow, map: ColumnMap<C>, column: C): string | undefined {
  const i = map.index.get(column);
  return i === undefined ? undefined : (row.cells[i] ?? '');
}
