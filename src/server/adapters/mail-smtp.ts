import nodemailer from 'nodemailer';
import type { MailConfig } from '../config/config.js';
import type { Mailer, OutgoingMail, SendResult } from '../ports/mailer.js';

type SmtpSettings = NonNullable<MailConfig['smtp']>;

/** Sends through an SMTP server with nodemailer (pooled connections, TLS as configured). */
export class SmtpMailer implements Mailer {
  private readonly transport: nodemailer.Transporter;
  private readonly builder = nodemailer.createTransport({ streamTransport: true, buffer: true });

  constructor(settings: SmtpSettings) {
    this.transport = nodemailer.createTransport({
      host: settings.host,
      port: settings.port,
      secure: settings.tls === 'implicit',
      requireTLS: settings.tls === 'starttls',
      ignoreTLS: settings.tls === 'none',
      pool: true,
      maxConnections: 3,
      connectionTimeout: 15_000,
      socketTimeout: 60_000,
      ...(settings.user ? { auth: { user: settings.user, pass: settings.password ?? '' } } : {}),
    });
  }

  async send(mail: OutgoingMail): Promise<SendResult> {
    const message = {
      from: mail.from,
      to: mail.to,
      subject: mail.subject,
      text: mail.text,
      html: mail.html,
      messageId: mail.messageId,
      ...(mail.inReplyTo ? { inReplyTo: mail.inReplyTo } : {}),
      ...(mail.references?.length ? { references: mail.references } : {}),
      headers: mail.headers,
      ...(mail.attachments?.length ? { attachments: mail.attachments.map((a) => ({ filename: a.filename, contentType: a.contentType, content: a.content })) } : {}),
    };
    // Build the bytes once to keep them (the same builder nodemailer uses to send).
    const built = (await this.builder.sendMail(message)) as unknown as { message: Buffer };
    const info = await this.transport.sendMail({ envelope: { from: addressOnly(mail.from), to: [addressOnly(mail.to)] }, raw: built.message });
    return {
      accepted: (info.accepted ?? []).map(String),
      rejected: (info.rejected ?? []).map(String),
      response: String(info.response ?? ''),
      raw: built.message,
    };
  }

  close(): void {
    this.transport.close();
  }
}

function addressOnly(address: string): string {
  const m = /<([^<>]+)>\s*$/.exec(address);
  return (m?.[1] ?? address).trim();
}

const cache = new Map<string, SmtpMailer>();

/** One pooled mailer per SMTP setting (jobs share it); null when SMTP is not configured. */
export function smtpMailerFor(mail: MailConfig): Mailer | null {
  if (!mail.smtp) return null;
  const key = JSON.stringify(mail.smtp);
  let mailer = cache.get(key);
  if (!mailer) {
    mailer = new SmtpMailer(mail.smtp);
    cache.set(key, mailer);
  }
  return mailer;
}

/** Closes every pooled connection (end of process, end of a test file). */
export function closeSmtpMailers(): void {
  for (const m of cache.values()) m.close();
  cache.clear();
}
