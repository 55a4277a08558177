import type { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';
import { simpleParser, type ParsedMail } from 'mailparser';

/** A mail an SMTP server on loopback received. */
export interface CapturedMail {
  from: string;
  to: string[];
  raw: Buffer;
  parsed: ParsedMail;
}

/** A real SMTP server on 127.0.0.1 that keeps what it receives (or refuses everything when told). */
export interface SmtpCapture {
  port: number;
  mails: CapturedMail[];
  /** When set, every RCPT is refused with this SMTP reply. */
  refuse: string | null;
  waitFor(count: number, timeoutMs?: number): Promise<CapturedMail[]>;
  /** The mail carrying a thread message (our Message-ID <guichet.ID@…>), waiting for it. */
  mailOf(messageId: string, timeoutMs?: number): Promise<CapturedMail>;
  close(): Promise<void>;
}

/** Starts a capturing SMTP server on a free loopback port. */
export async function startSmtpCapture(): Promise<SmtpCapture> {
  const mails: CapturedMail[] = [];
  const capture: SmtpCapture = {
    port: 0,
    mails,
    refuse: null,
    async waitFor(count, timeoutMs = 10_000) {
      const end = Date.now() + timeoutMs;
      while (mails.length < count) {
        if (Date.now() > end) throw new Error(`expected ${count} mails, got ${mails.length}`);
        await new Promise((r) => setTimeout(r, 20));
      }
      return mails;
    },
    async mailOf(messageId, timeoutMs = 10_000) {
      const end = Date.now() + timeoutMs;
      for (;;) {
        const found = mails.find((m) => m.parsed.messageId?.startsWith(`<guichet.${messageId}@`));
        if (found) return found;
        if (Date.now() > end) throw new Error(`no mail for message ${messageId} among ${mails.length}`);
        await new Promise((r) => setTimeout(r, 20));
      }
    },
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    logger: false,
    onRcptTo(address, _session, callback) {
      if (capture.refuse) {
        const err = new Error(capture.refuse) as Error & { responseCode: number };
        err.responseCode = 550;
        callback(err);
        return;
      }
      callback();
    },
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (c: Buffer) => chunks.push(c));
      stream.on('end', () => {
        const raw = Buffer.concat(chunks);
        void simpleParser(raw).then((parsed) => {
          mails.push({ from: session.envelope.mailFrom ? session.envelope.mailFrom.address : '', to: session.envelope.rcptTo.map((r) => r.address), raw, parsed });
          callback();
        }, callback);
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
  capture.port = (server.server.address() as AddressInfo).port;
  return capture;
}
