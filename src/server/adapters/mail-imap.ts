import { ImapFlow } from 'imapflow';
import type { MailConfig } from '../config/config.js';

type ImapSettings = NonNullable<MailConfig['imap']>;

/** What one poll did. */
export interface PollResult {
  fetched: number;
  failed: number;
}

/**
 * Reads every unseen message of the mailbox, hands its raw bytes to `onMail`, and flags it \Seen
 * only once `onMail` has stored it: a crash in between leaves the message unseen for the next poll
 * (the pipeline is idempotent by Message-ID, so a second look does no harm). A message `onMail`
 * throws on stays unseen and is counted as failed.
 */
export async function pollImapMailbox(settings: ImapSettings, onMail: (raw: Buffer) => Promise<void>, limit = 200): Promise<PollResult> {
  const client = new ImapFlow({
    host: settings.host,
    port: settings.port,
    secure: settings.tls,
    ...(settings.tls ? {} : { doSTARTTLS: false }),
    auth: { user: settings.user, pass: settings.password },
    logger: false,
    disableAutoIdle: true,
  });
  const result: PollResult = { fetched: 0, failed: 0 };
  await client.connect();
  try {
    const lock = await client.getMailboxLock(settings.mailbox);
    try {
      const uids = ((await client.search({ seen: false }, { uid: true })) || []).slice(0, limit);
      for (const uid of uids) {
        const message = await client.fetchOne(String(uid), { source: true }, { uid: true });
        if (!message || !message.source) continue;
        try {
          await onMail(message.source);
          await client.messageFlagsAdd(String(uid), ['\\Seen'], { uid: true });
          result.fetched += 1;
        } catch {
          result.failed += 1;
        }
      }
    } finally {
      lock.release();
    }
  } finally {
    await client.logout().catch(() => client.close());
  }
  return result;
}
