import type { AutomaticReason, HeaderMap } from '../../../domain/mail/automatic.js';
import type { ServiceDeps } from '../deps.js';

/** A received mail, parsed once for every filter. */
export interface InboundMail {
  raw: Buffer;
  /** Its Message-ID (a hash of the bytes when it has none). */
  rfcMessageId: string;
  /** Lower-cased sender address and display name; null when there is no usable From. */
  from: { address: string; name: string } | null;
  subject: string;
  /** The top-level Content-Type header as sent. */
  contentType: string;
  headers: HeaderMap;
  /** Message-IDs in In-Reply-To then References, oldest first. */
  threadIds: string[];
  /** Plain text (derived from the HTML when the mail has no text part). */
  text: string;
  html: string | null;
  attachments: InboundFile[];
}

/** A file in a mail. */
export interface InboundFile {
  filename: string;
  contentType: string;
  data: Buffer;
}

/** A file not stored, and why (the sender is told). */
export interface RefusedFile {
  filename: string;
  size: number;
  reason: 'too_large' | 'too_many';
}

/** What happened to a mail: the line `guichet mail ingest` prints. */
export interface IngestOutcome {
  action: 'created' | 'appended' | 'ignored' | 'rejected';
  /** The ticket number. */
  ticket: string | null;
  reason: string | null;
}

/** A filter's outcome with the ids the log row keeps. */
export interface FilterResult extends IngestOutcome {
  ticketId: string | null;
  messageId: string | null;
}

/** Shared state of one mail's trip through the filters. */
export interface FilterContext {
  deps: ServiceDeps;
  /** Files the size filter kept out. */
  refused: RefusedFile[];
  /** Set by the auto-reply filter: nobody answers this mail. */
  automatic: AutomaticReason | null;
}

/** A filter either decides what happens to the mail or lets the next one look at it. */
export type FilterDecision = { done: false } | { done: true; result: FilterResult };

/** One step of the inbound pipeline. */
export interface MailFilter {
  name: string;
  run(mail: InboundMail, ctx: FilterContext): Promise<FilterDecision>;
}

/** Lets the next filter look. */
export const NEXT: FilterDecision = { done: false };

/** Ends the pipeline with a result. */
export function finish(result: FilterResult): FilterDecision {
  return { done: true, result };
}
