import { automaticReason } from '../../../../domain/mail/automatic.js';
import type { MailFilter } from '../inbound-mail.js';
import { finish, NEXT } from '../inbound-mail.js';

function addressOnly(address: string): string {
  const m = /<([^<>]+)>\s*$/.exec(address);
  return (m?.[1] ?? address).trim().toLowerCase();
}

/**
 * Mails written by machines (out-of-office, auto-responders, lists, our own mail coming back) are
 * kept in the mail log but never answered and never turned into tickets: two responders answering
 * each other would loop forever.
 */
export const autoReplyFilter: MailFilter = {
  name: 'auto-reply',
  async run(mail, ctx) {
    const reason = automaticReason(mail.headers, addressOnly(ctx.deps.config.mail.from), mail.from?.address ?? null);
    if (!reason) return NEXT;
    ctx.automatic = reason;
    return finish({ action: 'ignored', ticket: null, reason: `automatic:${reason}`, ticketId: null, messageId: null });
  },
};
