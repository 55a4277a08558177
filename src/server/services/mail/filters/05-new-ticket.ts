import { cleanSubject } from '../../../../domain/mail/subject-tag.js';
import { detectLanguage } from '../../../../domain/kb/detect-language.js';
import { DEFAULT_LANGUAGE } from '../../../../i18n/languages.js';
import { findUserByEmail } from '../../../repositories/users.repository.js';
import { actorFromUser, isStaff } from '../../actor.js';
import { createTicket } from '../../tickets/create-ticket.js';
import { addUser } from '../../users/add-user.js';
import type { MailFilter } from '../inbound-mail.js';
import { finish } from '../inbound-mail.js';
import { mailBody } from '../mail-body.js';

/**
 * Anything left is a new request on the e-mail channel. An unknown sender becomes a customer whose
 * language is guessed from the text. A mail without a usable sender cannot become a request (nobody
 * to answer): it is rejected, and kept in the mail log with its raw bytes for the agents.
 */
export const newTicketFilter: MailFilter = {
  name: 'new-ticket',
  async run(mail, ctx) {
    const { deps } = ctx;
    if (!mail.from) return finish({ action: 'rejected', ticket: null, reason: 'no_sender', ticketId: null, messageId: null });
    const detected = detectLanguage(`${mail.subject}\n${mail.text}`.slice(0, 1500));
    let user = await findUserByEmail(deps.db, mail.from.address);
    if (!user) {
      try {
        user = await addUser(deps, { email: mail.from.address, name: mail.from.name || undefined, role: 'customer', language: detected ?? DEFAULT_LANGUAGE, actorId: null });
      } catch {
        // Two mails from a new sender at once: the other one created the user.
        user = await findUserByEmail(deps.db, mail.from.address);
      }
    }
    if (!user || !user.active) return finish({ action: 'rejected', ticket: null, reason: 'sender_inactive', ticketId: null, messageId: null });
    const actor = actorFromUser(user);
    const language = user.language;
    const t = deps.i18n.getFixedT(language, 'mail');
    const body = mailBody(mail, t('empty_body'));
    const subject = (cleanSubject(mail.subject) || body.text.split('\n').find((l) => l.trim() !== '') || t('empty_body')).slice(0, 200);
    const ticket = await createTicket(deps, {
      actor,
      subject,
      body: body.text,
      bodyHtml: body.html,
      defaultChannel: 'email',
      language,
      files: mail.attachments,
      ...(isStaff(actor) ? { requesterEmail: actor.email, channel: 'email' } : {}),
    });
    const first = await deps.db.selectFrom('messages').select('id').where('ticketId', '=', ticket.id).orderBy('createdAt').orderBy('id').limit(1).executeTakeFirst();
    return finish({ action: 'created', ticket: ticket.number, reason: null, ticketId: ticket.id, messageId: first?.id ?? null });
  },
};
