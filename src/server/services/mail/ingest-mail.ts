import { createHash } from 'node:crypto';
import { v7 as uuidv7 } from 'uuid';
import { syntheticMessageId } from '../../../domain/mail/message-ids.js';
import { isLang, DEFAULT_LANGUAGE } from '../../../i18n/languages.js';
import { claimMailLog, findMailByRfcId, insertRawMail, updateMailLog } from '../../repositories/mail.repository.js';
import { findTicket } from '../../repositories/tickets.repository.js';
import { findUserById } from '../../repositories/users.repository.js';
import type { ServiceDeps } from '../deps.js';
import { sizeLimitFilter } from './filters/01-size-limit.js';
import { bounceFilter } from './filters/02-bounce.js';
import { autoReplyFilter } from './filters/03-auto-reply.js';
import { followUpFilter } from './filters/04-follow-up.js';
import { newTicketFilter } from './filters/05-new-ticket.js';
import type { FilterContext, FilterResult, InboundMail, IngestOutcome, MailFilter, RefusedFile } from './inbound-mail.js';
import { parseMail } from './parse-mail.js';
import { addSystemMessage } from './system-message.js';

/**
 * The inbound pipeline, in order (DESIGN.md pattern 2). Bounces come before the auto-reply filter
 * because a bounce is itself automatic but must still be recorded on its ticket.
 */
export const MAIL_FILTERS: MailFilter[] = [sizeLimitFilter, bounceFilter, autoReplyFilter, followUpFilter, newTicketFilter];

function mb(bytes: number): string {
  return (bytes / (1024 * 1024)).toFixed(1);
}

/**
 * Takes one raw mail through the pipeline: same entry for the SMTP receiver, IMAP polling and
 * `guichet mail ingest`. The raw bytes are kept first (so nothing is lost whatever happens next),
 * keyed by Message-ID so the same mail twice makes one message. Never throws for a bad mail:
 * the outcome says what happened and why.
 */
export async function ingestMail(deps: ServiceDeps, raw: Buffer): Promise<IngestOutcome> {
  const now = deps.clock.now();
  const expiresAt = new Date(now.getTime() + deps.config.mail.rawRetentionDays * 86_400_000).toISOString();
  const logId = uuidv7();
  const at = now.toISOString();

  if (raw.length > deps.config.mail.maxBytes) {
    const rfcMessageId = syntheticMessageId(createHash('sha256').update(raw).digest('hex'));
    const claimed = await keep(deps, { logId, rfcMessageId, raw, at, expiresAt, sender: null, subject: null });
    if (!claimed) return duplicate(deps, rfcMessageId);
    await updateMailLog(deps.db, logId, { action: 'rejected', reason: 'too_large', updatedAt: at });
    return { action: 'rejected', ticket: null, reason: 'too_large' };
  }

  let mail: InboundMail;
  try {
    mail = await parseMail(raw);
  } catch (e) {
    deps.logger.warn({ err: String(e) }, 'unparseable mail kept');
    const rfcMessageId = syntheticMessageId(createHash('sha256').update(raw).digest('hex'));
    if (!(await keep(deps, { logId, rfcMessageId, raw, at, expiresAt, sender: null, subject: null }))) return duplicate(deps, rfcMessageId);
    await updateMailLog(deps.db, logId, { action: 'rejected', reason: 'unparseable', updatedAt: at });
    return { action: 'rejected', ticket: null, reason: 'unparseable' };
  }

  if (!(await keep(deps, { logId, rfcMessageId: mail.rfcMessageId, raw, at, expiresAt, sender: mail.from?.address ?? null, subject: mail.subject.slice(0, 500) }))) {
    return duplicate(deps, mail.rfcMessageId);
  }

  const ctx: FilterContext = { deps, refused: [], automatic: null };
  let result: FilterResult;
  try {
    result = await runFilters(mail, ctx);
  } catch (e) {
    deps.logger.error({ err: e instanceof Error ? e.stack : String(e), messageId: mail.rfcMessageId }, 'mail could not be handled; raw mail kept');
    await updateMailLog(deps.db, logId, { action: 'rejected', reason: `error: ${e instanceof Error ? e.message : String(e)}`.slice(0, 1000), updatedAt: deps.clock.now().toISOString() });
    return { action: 'rejected', ticket: null, reason: 'error' };
  }
  await updateMailLog(deps.db, logId, { action: result.action, reason: result.reason, ticketId: result.ticketId, messageId: result.messageId, updatedAt: deps.clock.now().toISOString() });
  if (ctx.refused.length > 0 && result.ticketId && (result.action === 'created' || result.action === 'appended')) {
    // Tell the sender only when they are the requester (an agent's mail or a stranger's: the agents).
    const author = result.messageId ? await deps.db.selectFrom('messages').select('authorId').where('id', '=', result.messageId).executeTakeFirst() : undefined;
    const ticket = await findTicket(deps.db, result.ticketId);
    const fromRequester = Boolean(author?.authorId && ticket && author.authorId === ticket.requesterId);
    await tellRefusedFiles(deps, result.ticketId, ctx.refused, ctx.automatic === null && fromRequester && (result.reason === null || result.reason === 'reopened'));
  }
  return { action: result.action, ticket: result.ticket, reason: result.reason ?? (ctx.refused.length > 0 ? 'files_refused' : null) };
}

async function runFilters(mail: InboundMail, ctx: FilterContext): Promise<FilterResult> {
  for (const filter of MAIL_FILTERS) {
    const decision = await filter.run(mail, ctx);
    if (decision.done) return decision.result;
  }
  throw new Error('no filter decided');
}

async function keep(
  deps: ServiceDeps,
  row: { logId: string; rfcMessageId: string; raw: Buffer; at: string; expiresAt: string; sender: string | null; subject: string | null },
): Promise<boolean> {
  return deps.db.transaction().execute(async (trx) => {
    const claimed = await claimMailLog(trx, {
      id: row.logId,
      direction: 'in',
      rfcMessageId: row.rfcMessageId,
      ticketId: null,
      messageId: null,
      action: 'processing',
      reason: null,
      sender: row.sender,
      recipient: null,
      subject: row.subject,
      size: row.raw.length,
      createdAt: row.at,
      updatedAt: row.at,
    });
    if (claimed) await insertRawMail(trx, row.logId, row.raw, row.expiresAt);
    return claimed;
  });
}

async function duplicate(deps: ServiceDeps, rfcMessageId: string): Promise<IngestOutcome> {
  const row = await findMailByRfcId(deps.db, rfcMessageId);
  const ticket = row?.ticketId ? await findTicket(deps.db, row.ticketId) : undefined;
  return { action: 'ignored', ticket: ticket?.number ?? null, reason: 'duplicate' };
}

/**
 * Files not stored: a public system message tells the requester which ones (mailed, automatic),
 * unless the mail came from a machine or a stranger; then an internal note tells the agents.
 */
async function tellRefusedFiles(deps: ServiceDeps, ticketId: string, refused: RefusedFile[], tellSender: boolean): Promise<void> {
  const ticket = await findTicket(deps.db, ticketId);
  if (!ticket) return;
  const requester = await findUserById(deps.db, ticket.requesterId);
  const language = isLang(requester?.language) ? requester!.language : isLang(ticket.language) ? ticket.language : DEFAULT_LANGUAGE;
  const t = deps.i18n.getFixedT(language, 'mail');
  const max = Math.floor(deps.config.attachmentMaxBytes / (1024 * 1024));
  const lines = refused.map((f) => (f.reason === 'too_large' ? t('file_refused_size', { file: f.filename, size: mb(f.size), max }) : t('file_refused_count', { file: f.filename, max: deps.config.attachmentsPerRequest })));
  const at = deps.clock.now().toISOString();
  await deps.db.transaction().execute(async (trx) => {
    if (tellSender) {
      await addSystemMessage(deps, trx, { ticketId, internal: false, text: [t('files_refused'), '', ...lines.map((l) => `- ${l}`), '', t('files_refused_hint')].join('\n') });
    } else {
      const tn = deps.i18n.getFixedT(isLang(ticket.language) ? ticket.language : DEFAULT_LANGUAGE, 'mail');
      await addSystemMessage(deps, trx, { ticketId, internal: true, text: tn('files_refused_note', { days: deps.config.mail.rawRetentionDays, files: refused.map((f) => f.filename).join(', ') }) });
    }
  });
  deps.events.publish({ ticketId, type: 'message_added', internal: !tellSender, at });
}
