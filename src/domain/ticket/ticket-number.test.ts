import { describe, expect, it } from 'vitest';
import { formatTicketNumber, parseTicketNumber } from './ticket-number.js';

describe('ticket numbers', () => {
  it.each([
    ['GU', 2027, 123, 'GU-2027-000123'],
    ['GU', 2026, 1, 'GU-2026-000001'],
    ['ACME', 2027, 1_234_567, 'ACME-2027-1234567'],
  ])('formats %s %d %d as %s', (prefix, year, seq, expected) => {
    expect(formatTicketNumber(prefix, year, seq)).toBe(expected);
    expect(parseTicketNumber(expected)).toEqual({ prefix, year, sequence: seq });
  });

  it.each(['', 'GU-27-1', 'gu-2027-000123x', '2027-000123', 'GU-2027-12'])('does not parse %j', (text) => {
    expect(parseTicketNumber(text)).toBeNull();
  });

  it('tolerates case and spaces', () => {
    expect(parseTicketNumber('  gu-2027-000042 ')).toEqual({ prefix: 'GU', year: 2027, sequence: 42 });
  });
});
