/** `[#GU-2027-000123]` in a subject: how people and mail clients keep a thread on its ticket. */

const TAG_RE = /\[#\s*([A-Za-z][A-Za-z0-9]{0,9}-\d{4}-\d{6,})\s*\]/;

/** The subject with the ticket tag in front (once, even on "Re: Re: [#…] …"). */
export function tagSubject(subject: string, number: string): string {
  const clean = subject.replace(/\s+/g, ' ').trim();
  if (findTicketNumber(clean) === number) return clean;
  return `[#${number}] ${clean}`.trim();
}

/** The ticket number tagged in a subject, upper-cased, or null. */
export function findTicketNumber(subject: string | null | undefined): string | null {
  if (!subject) return null;
  const m = TAG_RE.exec(subject);
  return m ? m[1]!.toUpperCase() : null;
}

/** A subject without reply/forward prefixes and ticket tag, for a new ticket's summary. */
export function cleanSubject(subject: string | null | undefined): string {
  let s = (subject ?? '').replace(/\s+/g, ' ').trim();
  for (;;) {
    const next = s.replace(/^((re|fw|fwd|tr|rv|aw|wg|ha|ответ|отв|пересл)\s*(\[\d+\])?\s*:\s*)/i, '').replace(TAG_RE, '').trim();
    if (next === s) return s;
    s = next;
  }
}
