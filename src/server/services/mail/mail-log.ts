import type { MailLogEntryDto } from '../../../contracts/mail.js';
import { notFound } from '../../errors/app-error.js';
import { findRawMail } from '../../repositories/mail.repository.js';
import { findTicket } from '../../repositories/tickets.repository.js';
import type { Actor } from '../actor.js';
import type { ServiceDeps } from '../deps.js';

/**
 * The mail log for agents: every mail in and out and what Guichet did with it, so a rejected mail
 * (no sender, too large, unreadable) is seen by a person and its raw bytes can be fetched while kept.
 */
export async function listMailLog(
  deps: ServiceDeps,
  _actor: Actor,
  query: { direction?: 'in' | 'out' | undefined; action?: string | undefined; ticket?: string | undefined; limit: number; before?: string | undefined },
): Promise<MailLogEntryDto[]> {
  let q = deps.db
    .selectFrom('mailLog')
    .leftJoin('tickets', 'tickets.id', 'mailLog.ticketId')
    .leftJoin('mailRaw', 'mailRaw.mailId', 'mailLog.id')
    .select(['mailLog.id', 'mailLog.direction', 'mailLog.rfcMessageId', 'mailLog.action', 'mailLog.reason', 'mailLog.sender', 'mailLog.recipient', 'mailLog.subject', 'mailLog.size', 'mailLog.createdAt', 'tickets.number as ticketNumber', 'mailRaw.mailId as rawId']);
  if (query.direction) q = q.where('mailLog.direction', '=', query.direction);
  if (query.action) q = q.where('mailLog.action', '=', query.action);
  if (query.ticket) {
    const ticket = await findTicket(deps.db, query.ticket);
    if (!ticket) return [];
    q = q.where('mailLog.ticketId', '=', ticket.id);
  }
  if (query.before) q = q.where('mailLog.createdAt', '<', query.before);
  const rows = await q.orderBy('mailLog.createdAt', 'desc').orderBy('mailLog.id', 'desc').limit(query.limit).execute();
  return rows.map((r) => ({
    id: r.id,
    direction: r.direction as 'in' | 'out',
    messageIdHeader: r.rfcMessageId,
    action: r.action as MailLogEntryDto['action'],
    reason: r.reason,
    sender: r.sender,
    recipient: r.recipient,
    subject: r.subject,
    size: Number(r.size),
    ticketNumber: r.ticketNumber ?? null,
    rawKept: r.rawId !== null,
    createdAt: new Date(r.createdAt).toISOString(),
  }));
}

/** The raw bytes of a logged mail while they are kept; 404 afterwards. */
export async function getRawMail(deps: ServiceDeps, _actor: Actor, id: string): Promise<Buffer> {
  const raw = await findRawMail(deps.db, id);
  if (!raw) throw notFound('resource');
  return raw;
}
