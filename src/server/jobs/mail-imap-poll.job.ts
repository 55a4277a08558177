import { z } from 'zod';
import { pollImapMailbox } from '../adapters/mail-imap.js';
import { ingestMail } from '../services/mail/ingest-mail.js';
import { IMAP_POLL_JOB, scheduleImapPoll } from '../services/mail/imap-poll.js';
import { defineJob } from './define-job.js';

/**
 * Polls the IMAP mailbox (GUICHET_IMAP_*) and takes each unseen mail through the inbound pipeline,
 * then schedules the next poll. A mailbox that cannot be reached is logged and polled again at the
 * next interval: the timer never stops by itself.
 */
export const mailImapPollJob = defineJob({
  name: IMAP_POLL_JOB,
  payload: z.object({}),
  maxAttempts: 1,
  handler: async (deps) => {
    const settings = deps.config.mail.imap;
    if (!settings) return;
    try {
      // ingestMail keeps the raw mail before anything else and never throws for a bad mail; a throw
      // here (database unreachable) leaves the message unseen for the next poll.
      const result = await pollImapMailbox(settings, async (raw) => {
        await ingestMail(deps, raw);
      });
      if (result.fetched + result.failed > 0) deps.logger.info({ ...result }, 'IMAP mailbox polled');
    } catch (e) {
      deps.logger.warn({ err: e instanceof Error ? e.message : String(e), host: settings.host }, 'IMAP poll failed');
    } finally {
      await scheduleImapPoll(deps, new Date(deps.clock.now().getTime() + settings.pollSeconds * 1000).toISOString());
    }
  },
});
