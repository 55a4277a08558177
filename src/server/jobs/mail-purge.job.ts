import { z } from 'zod';
import { purgeExpiredRawMail, PURGE_RAW_JOB } from '../services/mail/purge-raw-mail.js';
import { defineJob } from './define-job.js';

/** Daily: drops raw mail kept longer than GUICHET_MAIL_RAW_RETENTION_DAYS. */
export const mailPurgeJob = defineJob({
  name: PURGE_RAW_JOB,
  payload: z.object({}),
  handler: async (deps) => {
    const purged = await purgeExpiredRawMail(deps);
    if (purged > 0) deps.logger.info({ purged }, 'raw mail purged');
  },
});
