/*
 * A small RFC 4180 reader. No CSV library is installed, and the two imports (licences, contracts)
 * need only this: quoted fields with commas, doubled quotes and line breaks, CRLF or LF, a BOM, and
 * the line number of every record for the rejection report. Writing it costs ~60 lines; a new
 * dependency would cost more to vet.
 */

/** One record with the physical line it starts on (1-based, the header is line 1). */
export interface CsvRecord {
  line: number;
  fields: string[];
}

/** The outcome: records, or the first syntax error (an unterminated quote) with its line. */
export type CsvParseResult = { ok: true; records: CsvRecord[] } | { ok: false; line: number; error: 'unterminated_quote' };

/** Splits CSV text (comma- or semicolon-separated) into records; blank lines are skipped. */
export function parseCsv(text: string, delimiter = ','): CsvParseResult {
  const src = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  const records: CsvRecord[] = [];
  let fields: string[] = [];
  let field = '';
  let line = 1;
  let start = 1;
  let quoted = false;
  let quoteLine = 0;
  const endRecord = (): void => {
    fields.push(field);
    if (!(fields.length === 1 && fields[0]!.trim() === '')) records.push({ line: start, fields });
    fields = [];
    field = '';
  };
  for (let i = 0; i < src.length; i++) {
    const ch = src[i]!;
    if (quoted) {
      if (ch === '"' && src[i + 1] === '"') {
        field += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else {
        if (ch === '\n') line++;
        field += ch;
      }
    } else if (ch === '"' && field.trim() === '') {
      quoted = true;
      quoteLine = line;
      field = '';
    } else if (ch === delimiter) {
      fields.push(field);
      field = '';
    } else if (ch === '\n' || ch === '\r') {
      if (ch === '\r' && src[i + 1] === '\n') i++;
      endRecord();
      line++;
      start = line;
    } else field += ch;
  }
  if (quoted) return { ok: false, line: quoteLine, error: 'unterminated_quote' };
  if (field !== '' || fields.length > 0) endRecord();
  return { ok: true, records };
}

/** Guesses the delimiter from the header line: semicolons (as spreadsheets write in France) or commas. */
export function detectDelimiter(text: string): ',' | ';' {
  const first = text.split(/\r?\n/, 1)[0] ?? '';
  return (first.match(/;/g)?.length ?? 0) > (first.match(/,/g)?.length ?? 0) ? ';' : ',';
}

/** Quotes a value for CSV output when it needs it. */
export function csvField(value: string | number | null): string {
  const s = value === null ? '' : String(value);
  return /[",;\r\n]/.test(s) ? `"${s.replaceAll('"', '""')}"` : s;
}
