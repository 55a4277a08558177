/**
 * Is an incoming mail written by a machine? Then Guichet never answers it (mail loops between two
 * auto-responders fill mailboxes in minutes). Rules: RFC 3834 Auto-Submitted, Precedence
 * bulk/junk/list, X-Loop naming us, X-Autoreply / X-Autorespond, list headers, and our own header.
 */

/** Headers by lower-case name, each with all its values. */
export type HeaderMap = ReadonlyMap<string, readonly string[]>;

/** Why a mail is automatic. */
export type AutomaticReason = 'own_mail' | 'x_loop' | 'auto_submitted' | 'precedence' | 'x_autoreply' | 'mailing_list' | 'mailer_daemon';

/** Our own header on every mail we send. */
export const OWN_HEADER = 'x-guichet-mail';

/** The reason a mail is automatic, or null for a mail a person wrote. */
export function automaticReason(headers: HeaderMap, ourAddress: string, from: string | null): AutomaticReason | null {
  const first = (name: string): string => (headers.get(name)?.[0] ?? '').trim().toLowerCase();
  if (headers.has(OWN_HEADER)) return 'own_mail';
  const loops = (headers.get('x-loop') ?? []).map((v) => v.trim().toLowerCase());
  if (loops.includes(ourAddress.toLowerCase())) return 'x_loop';
  const auto = first('auto-submitted');
  if (auto && auto !== 'no') return 'auto_submitted';
  if (['bulk', 'junk', 'list', 'auto_reply'].includes(first('precedence'))) return 'precedence';
  if (headers.has('x-autoreply') || headers.has('x-autorespond') || headers.has('x-auto-response-suppress') && /\b(all|oof|autoreply)\b/i.test(first('x-auto-response-suppress'))) return 'x_autoreply';
  if (headers.has('list-id') || headers.has('list-unsubscribe')) return 'mailing_list';
  if (from && /^(mailer-daemon|postmaster)@/i.test(from)) return 'mailer_daemon';
  return null;
}

/** Whether a mail is a delivery status notification (RFC 3464) or looks like a classic bounce. */
export function isBounce(contentType: string, from: string | null, subject: string): boolean {
  if (/multipart\/report/i.test(contentType) && /report-type\s*=\s*"?delivery-status/i.test(contentType)) return true;
  return Boolean(from && /^(mailer-daemon|postmaster)@/i.test(from) && /(undeliver|delivery (status|failure)|returned mail|failure notice|non remis|no entregado|не доставлено)/i.test(subject));
}
