/** A mail ready to go out. */
export interface OutgoingMail {
  from: string;
  to: string;
  subject: string;
  text: string;
  html: string;
  /** Our Message-ID, with angle brackets. */
  messageId: string;
  inReplyTo?: string | undefined;
  references?: string[] | undefined;
  /** Extra headers (Auto-Submitted, X-Loop, our own marker). */
  headers: Record<string, string>;
  /** Files of the message. */
  attachments?: Array<{ filename: string; contentType: string; content: Buffer }> | undefined;
}

/** What the server said. */
export interface SendResult {
  accepted: string[];
  rejected: string[];
  response: string;
  /** The raw bytes sent (kept for a while, like inbound mail). */
  raw: Buffer | null;
}

/** Sends mail (SMTP in production). */
export interface Mailer {
  send(mail: OutgoingMail): Promise<SendResult>;
  close(): void;
}
