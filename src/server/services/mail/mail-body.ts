import { trimQuoted } from '../../../domain/mail/quote.js';
import { renderPlainText, sanitizeMessageHtml } from '../messages/render-body.js';
import type { InboundMail } from './inbound-mail.js';

/**
 * The part of a mail stored as the message: the text without quoted history, and safe HTML
 * (the sender's HTML, sanitized, when nothing was cut; otherwise the kept text).
 */
export function mailBody(mail: InboundMail, emptyText: string): { text: string; html: string } {
  const { text, trimmed } = trimQuoted(mail.text);
  if (text.trim() === '') return renderPlainText(emptyText);
  if (mail.html && !trimmed) {
    const html = sanitizeMessageHtml(mail.html).trim();
    if (html !== '') return { text, html };
  }
  return renderPlainText(text);
}
