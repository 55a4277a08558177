import { describe, expect, it } from 'vitest';
import { csvField, detectDelimiter, parseCsv } from './parse-csv.js';

describe('parseCsv', () => {
  it.each([
    ['plain', 'a,b\n1,2\n', [[1, ['a', 'b']], [2, ['1', '2']]]],
    ['CRLF and no final newline', 'a,b\r\n1,2', [[1, ['a', 'b']], [2, ['1', '2']]]],
    ['quoted comma and doubled quote', 'a\n"x, ""y"""\n', [[1, ['a']], [2, ['x, "y"']]]],
    ['line break inside quotes keeps line numbers right', 'a,b\n"multi\nline",2\n3,4\n', [[1, ['a', 'b']], [2, ['multi\nline', '2']], [4, ['3', '4']]]],
    ['blank lines skipped', 'a\n\n1\n\n', [[1, ['a']], [3, ['1']]]],
    ['byte-order mark dropped', '\ufeffa,b\n', [[1, ['a', 'b']]]],
    ['empty fields', 'a,,c\n', [[1, ['a', '', 'c']]]],
  ])('%s', (_name, text, expected) => {
    const r = parseCsv(text);
    expect(r).toEqual({ ok: true, records: expected.map(([line, fields]) => ({ line, fields })) });
  });

  it('reports an unterminated quote with its line', () => {
    expect(parseCsv('a\n1\n"open,2\n')).toEqual({ ok: false, line: 3, error: 'unterminated_quote' });
  });

  it('reads semicolons when told', () => {
    expect(parseCsv('a;b\n1;"2;3"\n', ';')).toEqual({ ok: true, records: [{ line: 1, fields: ['a', 'b'] }, { line: 2, fields: ['1', '2;3'] }] });
    expect(detectDelimiter('number;product;version\n')).toBe(';');
    expect(detectDelimiter('number,product\n')).toBe(',');
  });

  it.each([
    ['abc', 'abc'],
    ['a,b', '"a,b"'],
    ['say "hi"', '"say ""hi"""'],
    [null, ''],
    [3, '3'],
  ])('csvField(%s) = %s', (v, out) => expect(csvField(v)).toBe(out));
});
