/**
 * RFC 5322 Message-IDs: ours look like <guichet.UUID@domain>, so a reply that quotes one in
 * In-Reply-To or References points straight at the message (and ticket) it answers.
 */

const ID_RE = /<([^<>\s]+@[^<>\s]+)>/g;

/** Every <id@host> in a header value (In-Reply-To, References), in order, without duplicates. */
export function parseMessageIds(value: string | null | undefined): string[] {
  if (!value) return [];
  const seen = new Set<string>();
  for (const m of value.matchAll(ID_RE)) seen.add(`<${m[1]!}>`);
  return [...seen];
}

/** Our Message-ID for a mail (the id is a UUID or any token without spaces or brackets). */
export function ourMessageId(id: string, domain: string): string {
  return `<guichet.${id}@${domain}>`;
}

/** The domain part of an address such as "Support <support@example.com>". */
export function domainOfAddress(address: string): string {
  const m = /@([^\s>]+)>?\s*$/.exec(address.trim());
  return (m?.[1] ?? 'localhost').toLowerCase();
}

/** A stable id for a mail that came without a Message-ID: the hash of its bytes, so a second copy is still recognised. */
export function syntheticMessageId(sha256Hex: string): string {
  return `<sha256.${sha256Hex}@guichet.invalid>`;
}

/** Every Message-ID of ours found anywhere in a text (bounces quote the original headers). */
export function findOurMessageIds(text: string): string[] {
  const found = new Set<string>();
  for (const m of text.matchAll(/<guichet\.[0-9a-zA-Z.-]+@[^<>\s]+>/g)) found.add(m[0]);
  return [...found];
}
