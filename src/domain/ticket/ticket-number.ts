/**
 * Ticket numbers people quote on the phone: PREFIX-YEAR-NNNNNN (GU-2027-000123).
 * The sequence restarts every year; six digits, more when a year passes a million.
 */

const NUMBER_RE = /^([A-Z][A-Z0-9]{0,9})-(\d{4})-(\d{6,})$/;

/** The counter scope a number is drawn from (one per prefix and year). */
export function ticketNumberScope(prefix: string, year: number): string {
  return `${prefix}-${year}`;
}

/** Formats a ticket number. */
export function formatTicketNumber(prefix: string, year: number, sequence: number): string {
  return `${prefix}-${year}-${String(sequence).padStart(6, '0')}`;
}

/** Parses a ticket number, tolerating case and surrounding spaces; null when it is not one. */
export function parseTicketNumber(text: string): { prefix: string; year: number; sequence: number } | null {
  const m = NUMBER_RE.exec(text.trim().toUpperCase());
  if (!m) return null;
  return { prefix: m[1]!, year: Number(m[2]), sequence: Number(m[3]) };
}
