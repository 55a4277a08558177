import type { TicketHook } from '../hooks/ticket-hooks.js';
import { TICKET_MESSAGE_JOB } from './system-message.js';

/**
 * An agent's public reply is mailed to the requester (every requester has an e-mail address):
 * the mail job is enqueued in the reply's transaction, so a rolled-back reply sends nothing.
 * System messages enqueue their own (automatic) mail; notes and customer messages send none.
 */
export const mailReplyHook: TicketHook = {
  name: 'mail-reply',
  async run({ trx, deps, event }) {
    if (event.type !== 'message_added' || event.kind !== 'reply' || event.internal) return;
    await deps.jobs.enqueue(trx, TICKET_MESSAGE_JOB, { messageId: event.messageId, automatic: false });
  },
};
