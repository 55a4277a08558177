/*
 * RFC 4180 writing: CRLF line ends, fields quoted when they hold a comma, a quote, CR or LF (quotes
 * doubled), UTF-8 without a byte-order mark (the header is plain ASCII column keys, stable across
 * languages, so tools read it without guessing). Cells that a spreadsheet would run as a formula
 * (=, +, -, @ first) are prefixed with an apostrophe, unless they are plain numbers.
 */

/** A cell value; null and undefined are written as an empty field. */
export type CsvCell = string | number | boolean | null | undefined;

const NUMBER = /^-?\d+(\.\d+)?$/;

/** One field, quoted when needed. */
export function csvField(value: CsvCell): string {
  if (value === null || value === undefined) return '';
  let text = typeof value === 'number' ? (Number.isFinite(value) ? String(value) : '') : typeof value === 'boolean' ? (value ? 'true' : 'false') : value;
  if (typeof value === 'string' && /^[=+\-@\t\r]/.test(text) && !NUMBER.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

/** A whole CSV document: the header row of column keys, then one line per row. */
export function writeCsv(columns: readonly string[], rows: ReadonlyArray<readonly CsvCell[]>): string {
  return [columns, ...rows].map((r) => r.map(csvField).join(',')).join('\r\n') + '\r\n';
}
