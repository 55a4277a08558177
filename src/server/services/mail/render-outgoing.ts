import type { TFunction } from 'i18next';
import { tagSubject } from '../../../domain/mail/subject-tag.js';
import { escapeHtml } from '../messages/render-body.js';

/** What a mail template needs. */
export interface OutgoingTemplateInput {
  t: TFunction;
  language: string;
  requesterName: string;
  ticketNumber: string;
  ticketSubject: string;
  ticketUrl: string;
  /** The message body as stored: plain text and safe HTML. */
  bodyText: string;
  bodyHtml: string;
}

/**
 * The mail around a thread message, in the requester's language: the reply-above marker first
 * (so the quote can be cut from the answer), a greeting, the message, the link to the request.
 */
export function renderOutgoing(input: OutgoingTemplateInput): { subject: string; text: string; html: string } {
  const { t } = input;
  const marker = t('reply_marker');
  const greeting = t('greeting', { name: input.requesterName });
  const footer = t('footer', { number: input.ticketNumber, url: input.ticketUrl });
  const hint = t('footer_hint', { number: input.ticketNumber });
  const signature = t('signature');
  const text = [marker, '', greeting, '', input.bodyText, '', signature, '', '--', footer, hint, ''].join('\n');
  const html = `<!doctype html>
<html lang="${escapeHtml(input.language)}">
<head><meta charset="utf-8"><meta name="viewport" content="width=device-width"><title>${escapeHtml(input.ticketSubject)}</title></head>
<body style="font-family:system-ui,-apple-system,'Segoe UI',sans-serif;font-size:15px;line-height:1.5;color:#1f2933">
<p style="color:#8a94a6;font-size:12px">${escapeHtml(marker)}</p>
<p>${escapeHtml(greeting)}</p>
<div>${input.bodyHtml}</div>
<p>${escapeHtml(signature)}</p>
<hr style="border:none;border-top:1px solid #d9dee5">
<p style="color:#52606d;font-size:13px"><a href="${escapeHtml(input.ticketUrl)}">${escapeHtml(footer)}</a><br>${escapeHtml(hint)}</p>
</body>
</html>
`;
  return { subject: tagSubject(input.ticketSubject, input.ticketNumber), text, html };
}
