import { closeSmtpMailers } from '../adapters/mail-smtp.js';
import { startSmtpReceiver, type RunningReceiver } from '../adapters/mail-smtp-receiver.js';
import type { Config } from '../config/config.js';
import { scheduleImapPoll } from '../services/mail/imap-poll.js';
import { ingestMail } from '../services/mail/ingest-mail.js';
import { scheduleRawMailPurge } from '../services/mail/purge-raw-mail.js';
import type { Runtime } from './compose.js';

/** The mail parts of a running `serve`. */
export interface MailServices {
  receiver: RunningReceiver | null;
  stop(): Promise<void>;
}

/**
 * Starts what e-mail needs in a serving process: the raw-mail purge timer, the IMAP polling timer
 * when a mailbox is configured, and the built-in SMTP receiver when its port is set.
 */
export async function startMailServices(runtime: Runtime, config: Config): Promise<MailServices> {
  await scheduleRawMailPurge(runtime.deps);
  if (config.mail.imap) await scheduleImapPoll(runtime.deps);
  let receiver: RunningReceiver | null = null;
  if (config.mail.receiver) {
    receiver = await startSmtpReceiver({
      host: config.mail.receiver.host,
      port: config.mail.receiver.port,
      maxBytes: config.mail.maxBytes,
      onMail: async (raw) => {
        await ingestMail(runtime.deps, raw);
      },
      onError: (e) => runtime.deps.logger.warn({ err: e.message }, 'SMTP receiver'),
    });
    runtime.deps.logger.info({ host: config.mail.receiver.host, port: receiver.port }, 'SMTP receiver listening');
  }
  return {
    receiver,
    stop: async () => {
      await receiver?.close();
      closeSmtpMailers();
    },
  };
}
