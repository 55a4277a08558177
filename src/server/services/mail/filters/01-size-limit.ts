import type { MailFilter } from '../inbound-mail.js';
import { NEXT } from '../inbound-mail.js';

/**
 * Files over the per-file limit (9 MB by default) or beyond the per-request count are not stored;
 * they are listed so the sender is told which ones (the raw mail still holds them for a while).
 * Zip files are stored as they are: nothing here ever inflates an archive.
 */
export const sizeLimitFilter: MailFilter = {
  name: 'size-limit',
  async run(mail, ctx) {
    const { attachmentMaxBytes, attachmentsPerRequest } = ctx.deps.config;
    const kept = [];
    for (const file of mail.attachments) {
      if (file.data.length > attachmentMaxBytes) ctx.refused.push({ filename: file.filename, size: file.data.length, reason: 'too_large' });
      else if (kept.length >= attachmentsPerRequest) ctx.refused.push({ filename: file.filename, size: file.data.length, reason: 'too_many' });
      else kept.push(file);
    }
    mail.attachments = kept;
    return NEXT;
  },
};
