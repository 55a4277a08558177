import type { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';

/** What the receiver does with a mail, and how it answers the sending server. */
export interface ReceiverOptions {
  host: string;
  port: number;
  /** Bigger mails are refused during the transfer (552), so the sender's server tells the sender. */
  maxBytes: number;
  /** Takes in one raw mail; a throw answers 451 (try again later): nothing is lost. */
  onMail(raw: Buffer): Promise<void>;
  onError?(error: Error): void;
}

/** A listening receiver. */
export interface RunningReceiver {
  port: number;
  close(): Promise<void>;
}

/**
 * Guichet's own SMTP receiver: accepts mail for any recipient and hands each message to the inbound
 * pipeline before answering 250, so a mail is acknowledged only once it is stored. No AUTH and no
 * STARTTLS: put it behind the organisation's MTA (or on a private network) for TLS.
 */
export async function startSmtpReceiver(options: ReceiverOptions): Promise<RunningReceiver> {
  const server = new SMTPServer({
    name: 'guichet',
    banner: 'Guichet mail receiver',
    authOptional: true,
    disabledCommands: ['AUTH', 'STARTTLS'],
    size: options.maxBytes,
    logger: false,
    socketTimeout: 60_000,
    onData(stream, _session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (c: Buffer) => chunks.push(c));
      stream.on('error', (e: Error) => callback(e));
      stream.on('end', () => {
        if ((stream as unknown as { sizeExceeded?: boolean }).sizeExceeded) {
          const err = new Error(`Message exceeds the maximum size of ${options.maxBytes} bytes`) as Error & { responseCode: number };
          err.responseCode = 552;
          callback(err);
          return;
        }
        options.onMail(Buffer.concat(chunks)).then(
          () => callback(),
          (e: unknown) => {
            options.onError?.(e instanceof Error ? e : new Error(String(e)));
            const err = new Error('Temporary failure, please try again later') as Error & { responseCode: number };
            err.responseCode = 451;
            callback(err);
          },
        );
      });
    },
  });
  server.on('error', (e) => options.onError?.(e));
  await new Promise<void>((resolve, reject) => {
    server.server.once('error', reject);
    server.listen(options.port, options.host, () => resolve());
  });
  return {
    port: (server.server.address() as AddressInfo).port,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
