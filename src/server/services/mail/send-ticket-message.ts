import { v7 as uuidv7 } from 'uuid';
import { isLang, DEFAULT_LANGUAGE } from '../../../i18n/languages.js';
import { OWN_HEADER } from '../../../domain/mail/automatic.js';
import { domainOfAddress, ourMessageId } from '../../../domain/mail/message-ids.js';
import type { Mailer } from '../../ports/mailer.js';
import { listAttachmentsOfMessages } from '../../repositories/attachments.repository.js';
import { claimMailLog, findMailByRfcId, insertRawMail, ticketThreadIds, updateMailLog } from '../../repositories/mail.repository.js';
import { findMessage } from '../../repositories/messages.repository.js';
import { findTicket } from '../../repositories/tickets.repository.js';
import { findUserById } from '../../repositories/users.repository.js';
import type { ServiceDeps } from '../deps.js';
import { renderOutgoing } from './render-outgoing.js';
import { addSystemMessage } from './system-message.js';

/** The payload of the mail job (fixed contract: every area enqueues exactly this). */
export interface TicketMessagePayload {
  messageId: string;
  automatic: boolean;
}

/** What the job did. */
export type SendOutcome = 'sent' | 'already_sent' | 'skipped_internal' | 'skipped_not_configured' | 'gone';

function lang(value: string | null | undefined): string {
  return isLang(value) ? value : DEFAULT_LANGUAGE;
}

/**
 * Mails one thread message to the ticket's requester: the per-language template around the body,
 * our Message-ID (stored, so replies find the ticket), In-Reply-To/References of the thread,
 * `[#number]` in the subject, and Auto-Submitted + X-Loop when Guichet wrote it by itself.
 * Sending twice is prevented by the log row keyed by the Message-ID. Throws when the server fails
 * (the job retries).
 */
export async function sendTicketMessage(deps: ServiceDeps, mailer: Mailer | null, payload: TicketMessagePayload): Promise<SendOutcome> {
  const message = await findMessage(deps.db, payload.messageId);
  if (!message) return 'gone';
  if (message.internal) return 'skipped_internal';
  const ticket = await findTicket(deps.db, message.ticketId);
  if (!ticket) return 'gone';
  const requester = await findUserById(deps.db, ticket.requesterId);
  if (!requester) return 'gone';
  const from = deps.config.mail.from;
  const rfcId = ourMessageId(message.id, domainOfAddress(from));
  const existing = await findMailByRfcId(deps.db, rfcId);
  if (existing && existing.action === 'sent') return 'already_sent';
  const now = deps.clock.now().toISOString();
  const language = lang(requester.language ?? ticket.language);
  const t = deps.i18n.getFixedT(language, 'mail');
  const rendered = renderOutgoing({
    t,
    language,
    requesterName: requester.name,
    ticketNumber: ticket.number,
    ticketSubject: ticket.subject,
    ticketUrl: `${deps.config.publicUrl}/portal/requests/${encodeURIComponent(ticket.number)}`,
    bodyText: message.bodyText,
    bodyHtml: message.bodyHtml,
  });
  const logId = existing?.id ?? uuidv7();
  if (!existing) {
    await claimMailLog(deps.db, { id: logId, direction: 'out', rfcMessageId: rfcId, ticketId: ticket.id, messageId: message.id, action: 'queued', reason: null, sender: from, recipient: requester.email, subject: rendered.subject, size: 0, createdAt: now, updatedAt: now });
  }
  if (!mailer) {
    await updateMailLog(deps.db, logId, { action: 'skipped', reason: 'smtp_not_configured', updatedAt: now });
    return 'skipped_not_configured';
  }
  const thread = (await ticketThreadIds(deps.db, ticket.id)).filter((r) => r.rfcMessageId !== rfcId);
  const lastInbound = [...thread].reverse().find((r) => r.direction === 'in') ?? thread[thread.length - 1];
  const headers: Record<string, string> = { [OWN_HEADER]: ticket.number };
  if (payload.automatic) {
    headers['Auto-Submitted'] = 'auto-replied';
    headers['X-Loop'] = addressOnly(from);
    // Ask Exchange and friends not to answer with their own out-of-office mail.
    headers['X-Auto-Response-Suppress'] = 'All';
  }
  const attachments = await messageFiles(deps, message.id);
  const result = await mailer.send({
    from,
    to: requester.name && requester.name !== requester.email.split('@')[0] ? `"${requester.name.replace(/["\\\r\n]/g, '')}" <${requester.email}>` : requester.email,
    subject: rendered.subject,
    text: rendered.text,
    html: rendered.html,
    messageId: rfcId,
    inReplyTo: lastInbound?.rfcMessageId,
    references: thread.map((r) => r.rfcMessageId),
    headers,
    attachments,
  });
  if (result.accepted.length === 0) throw new Error(`refused by the server: ${result.response || result.rejected.join(', ')}`);
  const sentAt = deps.clock.now();
  await deps.db.transaction().execute(async (trx) => {
    await updateMailLog(trx, logId, { action: 'sent', reason: null, size: result.raw?.length ?? 0, updatedAt: sentAt.toISOString() });
    if (result.raw) await insertRawMail(trx, logId, result.raw, new Date(sentAt.getTime() + deps.config.mail.rawRetentionDays * 86_400_000).toISOString());
  });
  return 'sent';
}

/** After the last attempt: tell the agents on the ticket, in the ticket's language. */
export async function reportDeliveryFailure(deps: ServiceDeps, payload: TicketMessagePayload, error: Error, attempts: number): Promise<void> {
  const message = await findMessage(deps.db, payload.messageId);
  if (!message) return;
  const ticket = await findTicket(deps.db, message.ticketId);
  if (!ticket) return;
  const t = deps.i18n.getFixedT(lang(ticket.language), 'mail');
  const rfcId = ourMessageId(message.id, domainOfAddress(deps.config.mail.from));
  const at = deps.clock.now().toISOString();
  await deps.db.transaction().execute(async (trx) => {
    const row = await findMailByRfcId(trx, rfcId);
    if (row) await updateMailLog(trx, row.id, { action: 'failed', reason: error.message.slice(0, 1000), updatedAt: at });
    await addSystemMessage(deps, trx, { ticketId: ticket.id, internal: true, text: t('delivery_failed_note', { to: ticket.requesterEmail, attempts, error: error.message.slice(0, 500) }) });
  });
  deps.events.publish({ ticketId: ticket.id, type: 'message_added', internal: true, at });
}

/** Largest total of files attached to one mail; beyond it the files stay on the portal (linked in the footer). */
const MAX_ATTACHED_BYTES = 15 * 1024 * 1024;

/** The message's files, attached to the mail while they fit in MAX_ATTACHED_BYTES. */
async function messageFiles(deps: ServiceDeps, messageId: string): Promise<Array<{ filename: string; contentType: string; content: Buffer }>> {
  const rows = await listAttachmentsOfMessages(deps.db, [messageId]);
  const files = [];
  let total = 0;
  for (const row of rows) {
    total += Number(row.size);
    if (total > MAX_ATTACHED_BYTES) break;
    const content = await deps.blobs.get(deps.db, row.storageKey);
    if (content) files.push({ filename: row.filename, contentType: row.contentType, content });
  }
  return files;
}

function addressOnly(address: string): string {
  const m = /<([^<>]+)>\s*$/.exec(address);
  return (m?.[1] ?? address).trim().toLowerCase();
}
