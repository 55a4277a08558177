import { DEFAULT_LANGUAGE, isLang } from '../../../i18n/languages.js';
import type { TicketHook } from '../hooks/ticket-hooks.js';
import { formatForPerson } from '../sla/announce-due-change.js';
import { expectedResponseTimes } from '../sla/sla-preview.js';
import { writeAutomaticMessage } from './standard-request.js';

/** Longest share of the subject quoted in the confirmation. */
const SUMMARY_CHARS = 200;

/**
 * Acceptance confirmation (seed 004: a request is accepted once the customer received a
 * confirmation): on every new ticket, a public system message in the requester's language with the
 * ticket number, a summary and the expected first-response time (from the SLA the hook before
 * computed, in the requester's time zone), e-mailed through the mail area's job as automatic.
 * Registered right after the SLA hook, which it reads.
 */
export const confirmationHook: TicketHook = {
  name: 'intake-confirmation',
  async run(ctx) {
    if (ctx.event.type !== 'created') return;
    const { trx, deps } = ctx;
    const ticket = await trx
      .selectFrom('tickets')
      .innerJoin('users', 'users.id', 'tickets.requesterId')
      .select(['tickets.id', 'tickets.number', 'tickets.subject', 'tickets.language as ticketLanguage', 'users.language', 'users.timeZone'])
      .where('tickets.id', '=', ctx.ticketId)
      .executeTakeFirst();
    if (!ticket) return;
    const language = isLang(ticket.language) ? ticket.language : isLang(ticket.ticketLanguage) ? ticket.ticketLanguage : DEFAULT_LANGUAGE;
    const t = deps.i18n.getFixedT(language, 'intake');
    const expected = await expectedResponseTimes(deps, trx, ticket.id);
    const summary = ticket.subject.length > SUMMARY_CHARS ? `${ticket.subject.slice(0, SUMMARY_CHARS - 1)}…` : ticket.subject;
    const due = expected?.firstResponseDueAt ? formatForPerson(expected.firstResponseDueAt, language, ticket.timeZone || deps.config.defaultTimeZone) : null;
    const text = due ? t('confirmation.body', { number: ticket.number, summary, due }) : t('confirmation.body_no_due', { number: ticket.number, summary });
    await writeAutomaticMessage(deps, trx, ticket.id, text, ctx.at);
  },
};
