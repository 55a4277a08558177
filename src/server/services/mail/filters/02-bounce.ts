import { isBounce } from '../../../../domain/mail/automatic.js';
import { findOurMessageIds } from '../../../../domain/mail/message-ids.js';
import { findMailByRfcId, updateMailLog } from '../../../repositories/mail.repository.js';
import { findTicket } from '../../../repositories/tickets.repository.js';
import { isLang, DEFAULT_LANGUAGE } from '../../../../i18n/languages.js';
import { addSystemMessage } from '../system-message.js';
import type { InboundMail, MailFilter } from '../inbound-mail.js';
import { finish, NEXT } from '../inbound-mail.js';

/** Recipient, status and diagnostic of a delivery status notification (RFC 3464), as far as it says. */
export function readDeliveryStatus(mail: InboundMail): { recipient: string | null; status: string | null; diagnostic: string | null } {
  const part = mail.attachments.find((a) => a.contentType === 'message/delivery-status');
  const text = part ? part.data.toString('utf8') : mail.raw.toString('latin1');
  const field = (name: string): string | null => {
    const m = new RegExp(`^${name}:\\s*(?:[a-z0-9-]+;\\s*)?(.+(?:\\r?\\n[ \\t].+)*)`, 'im').exec(text);
    return m ? m[1]!.replace(/\s+/g, ' ').trim().slice(0, 500) : null;
  };
  return { recipient: field('Final-Recipient') ?? field('Original-Recipient'), status: field('Status'), diagnostic: field('Diagnostic-Code') };
}

/**
 * A bounce (delivery status notification) of a mail we sent becomes an internal note on its
 * ticket and marks the sent mail as bounced. Bounces are never answered.
 */
export const bounceFilter: MailFilter = {
  name: 'bounce',
  async run(mail, ctx) {
    if (!isBounce(mail.contentType, mail.from?.address ?? null, mail.subject)) return NEXT;
    ctx.automatic = 'mailer_daemon';
    const { deps } = ctx;
    const candidates = [...findOurMessageIds(mail.raw.toString('latin1')), ...mail.threadIds];
    let original = null;
    for (const id of candidates) {
      const row = await findMailByRfcId(deps.db, id);
      if (row?.ticketId && row.direction === 'out') {
        original = row;
        break;
      }
    }
    const ticket = original?.ticketId ? await findTicket(deps.db, original.ticketId) : undefined;
    if (!original || !ticket) return finish({ action: 'ignored', ticket: null, reason: 'bounce_unmatched', ticketId: null, messageId: null });
    const status = readDeliveryStatus(mail);
    const t = deps.i18n.getFixedT(isLang(ticket.language) ? ticket.language : DEFAULT_LANGUAGE, 'mail');
    const at = deps.clock.now().toISOString();
    const messageId = await deps.db.transaction().execute(async (trx) => {
      await updateMailLog(trx, original.id, { action: 'bounced', reason: [status.status, status.diagnostic].filter(Boolean).join(' ').slice(0, 1000) || null, updatedAt: at });
      return addSystemMessage(deps, trx, {
        ticketId: ticket.id,
        internal: true,
        text: t('bounce_note', { recipient: status.recipient ?? original.recipient ?? ticket.requesterEmail, status: status.status ?? '?', diagnostic: status.diagnostic ?? t('bounce_unknown') }),
      });
    });
    deps.events.publish({ ticketId: ticket.id, type: 'message_added', internal: true, at });
    return finish({ action: 'appended', ticket: ticket.number, reason: 'bounce', ticketId: ticket.id, messageId });
  },
};
