import { z } from 'zod';
import { smtpMailerFor } from '../adapters/mail-smtp.js';
import { reportDeliveryFailure, sendTicketMessage } from '../services/mail/send-ticket-message.js';
import { TICKET_MESSAGE_JOB } from '../services/mail/system-message.js';
import { defineJob } from './define-job.js';

/** Mails a thread message to the requester; 6 attempts (30 s, 2 min, 8 min, 32 min, 2 h), then an internal note. */
export const mailTicketMessageJob = defineJob({
  name: TICKET_MESSAGE_JOB,
  payload: z.object({ messageId: z.string().min(1).max(100), automatic: z.boolean() }),
  maxAttempts: 6,
  handler: async (deps, payload) => {
    await sendTicketMessage(deps, smtpMailerFor(deps.config.mail), payload);
  },
  onFinalFailure: async (deps, payload, error, ctx) => {
    await reportDeliveryFailure(deps, payload, error, ctx.attempt);
  },
});
