import type { HistoryDto, MessageDto } from '../../../contracts/tickets.js';
import { notFound } from '../../errors/app-error.js';
import { findAttachment, listAttachmentsOfMessages } from '../../repositories/attachments.repository.js';
import { listTicketHistory } from '../../repositories/history.repository.js';
import { listTicketMessages } from '../../repositories/messages.repository.js';
import { findTicket } from '../../repositories/tickets.repository.js';
import { isStaff, type Actor } from '../actor.js';
import type { ServiceDeps } from '../deps.js';
import { canViewTicket, loadVisibleTicket } from './ticket-access.js';

/** A ticket's messages as the actor may see them (customers never get internal notes). */
export async function listMessages(deps: ServiceDeps, actor: Actor, ticketRef: string): Promise<MessageDto[]> {
  const ticket = await loadVisibleTicket(deps.db, actor, ticketRef);
  const rows = await listTicketMessages(deps.db, ticket.id, isStaff(actor));
  const files = await listAttachmentsOfMessages(deps.db, rows.map((r) => r.id));
  return rows.map((m) => ({
    id: m.id,
    ticketId: m.ticketId,
    kind: m.kind as MessageDto['kind'],
    internal: Boolean(m.internal),
    channel: m.channel as MessageDto['channel'],
    author: m.authorId ? { id: m.authorId, name: m.authorName ?? '', email: m.authorEmail ?? '' } : null,
    bodyText: m.bodyText,
    bodyHtml: m.bodyHtml,
    attachments: files
      .filter((f) => f.messageId === m.id)
      .map((f) => ({ id: f.id, filename: f.filename, contentType: f.contentType, size: Number(f.size), url: `/api/v1/attachments/${f.id}` })),
    createdAt: m.createdAt,
  }));
}

/** A ticket's history as the actor may see it. */
export async function listHistory(deps: ServiceDeps, actor: Actor, ticketRef: string): Promise<HistoryDto[]> {
  const ticket = await loadVisibleTicket(deps.db, actor, ticketRef);
  const rows = await listTicketHistory(deps.db, ticket.id, isStaff(actor));
  const parse = (v: string | null): unknown => (v === null ? null : JSON.parse(v));
  return rows.map((h) => ({
    id: h.id,
    action: h.action,
    field: h.field,
    before: parse(h.before),
    after: parse(h.after),
    actor: h.actorId ? { id: h.actorId, name: h.actorName ?? '', email: h.actorEmail ?? '' } : null,
    createdAt: h.createdAt,
  }));
}

/** An attachment's bytes, if the actor may see its ticket and message. */
export async function getAttachment(
  deps: ServiceDeps,
  actor: Actor,
  attachmentId: string,
): Promise<{ filename: string; contentType: string; data: Buffer }> {
  const row = await findAttachment(deps.db, attachmentId);
  if (!row) throw notFound('attachment');
  const ticket = await findTicket(deps.db, row.ticketId);
  if (!ticket || !canViewTicket(actor, ticket) || (row.internal && !isStaff(actor))) throw notFound('attachment');
  const data = await deps.blobs.get(deps.db, row.storageKey);
  if (!data) throw notFound('attachment');
  return { filename: row.filename, contentType: row.contentType, data };
}
