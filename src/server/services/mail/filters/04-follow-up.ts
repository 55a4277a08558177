import { findTicketNumber } from '../../../../domain/mail/subject-tag.js';
import { isLang, DEFAULT_LANGUAGE } from '../../../../i18n/languages.js';
import { findTicketOfRfcIds } from '../../../repositories/mail.repository.js';
import { findTicket, type TicketRow } from '../../../repositories/tickets.repository.js';
import { findUserByEmail } from '../../../repositories/users.repository.js';
import { actorFromUser, isStaff } from '../../actor.js';
import { reopenAsNotSatisfied } from '../../intake/reopen.js';
import { addMessage } from '../../tickets/add-message.js';
import { canViewTicket } from '../../tickets/ticket-access.js';
import type { MailFilter } from '../inbound-mail.js';
import { finish, NEXT } from '../inbound-mail.js';
import { mailBody } from '../mail-body.js';
import { addSystemMessage } from '../system-message.js';

/**
 * A reply to a ticket (our Message-ID in In-Reply-To/References, else `[#number]` in the subject)
 * becomes a message on that ticket; a reply to a solved ticket reopens it. A mail without a
 * sender, or from someone who cannot see the ticket, becomes an internal note for the agents.
 */
export const followUpFilter: MailFilter = {
  name: 'follow-up',
  async run(mail, ctx) {
    const { deps } = ctx;
    let ticket: TicketRow | undefined;
    const byThread = await findTicketOfRfcIds(deps.db, mail.threadIds);
    if (byThread) ticket = await findTicket(deps.db, byThread);
    if (!ticket) {
      const number = findTicketNumber(mail.subject);
      if (number) ticket = await findTicket(deps.db, number);
    }
    if (!ticket) return NEXT;
    const t = deps.i18n.getFixedT(isLang(ticket.language) ? ticket.language : DEFAULT_LANGUAGE, 'mail');
    const user = mail.from ? await findUserByEmail(deps.db, mail.from.address) : undefined;
    const actor = user && user.active ? actorFromUser(user) : null;
    const allowed = actor && (isStaff(actor) || canViewTicket(actor, ticket));
    if (!actor || !allowed) {
      const body = mailBody(mail, t('empty_body'));
      const text = mail.from ? t('stranger_note', { sender: mail.from.address, text: body.text }) : t('no_sender_note', { text: body.text });
      const at = deps.clock.now().toISOString();
      const messageId = await deps.db.transaction().execute((trx) => addSystemMessage(deps, trx, { ticketId: ticket.id, internal: true, text }));
      deps.events.publish({ ticketId: ticket.id, type: 'message_added', internal: true, at });
      return finish({ action: 'appended', ticket: ticket.number, reason: mail.from ? 'sender_not_on_ticket' : 'no_sender', ticketId: ticket.id, messageId });
    }
    // A closed ticket stays closed: the mail starts a new request (the next filter).
    if (ticket.state === 'closed' && !isStaff(actor)) return NEXT;
    const body = mailBody(mail, t('empty_body'));
    // A requester answering the "solved" mail is not satisfied: reopen with the agent view's context
    // (intake). With files, the plain message path keeps them (it reopens too).
    if (ticket.state === 'solved' && ticket.requesterId === actor.id && mail.attachments.length === 0) {
      await reopenAsNotSatisfied(deps, { actor, ticketId: ticket.id, comment: body.text, commentHtml: body.html, channel: 'email' });
      const last = await deps.db.selectFrom('messages').select('id').where('ticketId', '=', ticket.id).where('authorId', '=', actor.id).orderBy('createdAt', 'desc').orderBy('id', 'desc').limit(1).executeTakeFirst();
      return finish({ action: 'appended', ticket: ticket.number, reason: 'reopened', ticketId: ticket.id, messageId: last?.id ?? null });
    }
    const result = await addMessage(deps, {
      actor,
      ticketId: ticket.id,
      body: body.text,
      bodyHtml: body.html,
      defaultChannel: 'email',
      files: mail.attachments,
    });
    return finish({ action: 'appended', ticket: ticket.number, reason: ticket.state === 'solved' ? 'reopened' : null, ticketId: ticket.id, messageId: result.messageId });
  },
};
