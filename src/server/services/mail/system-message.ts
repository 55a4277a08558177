import { v7 as uuidv7 } from 'uuid';
import type { Transaction } from 'kysely';
import type { DB } from '../../db/schema.js';
import { insertHistory } from '../../repositories/history.repository.js';
import { insertMessage } from '../../repositories/messages.repository.js';
import { updateTicketRow } from '../../repositories/tickets.repository.js';
import type { ServiceDeps } from '../deps.js';
import { runTicketHooks } from '../hooks/ticket-hooks.js';
import { renderPlainText } from '../messages/render-body.js';
import { ticketHistory } from '../tickets/history-entry.js';

/** The job that mails a thread message to the requester (contract shared with other areas). */
export const TICKET_MESSAGE_JOB = 'mail.ticket-message';

/**
 * A message Guichet writes by itself, inside the caller's transaction: an internal note for agents
 * (delivery failure, bounce) or a public system message that is also mailed to the requester
 * (automatic: it carries Auto-Submitted).
 */
export async function addSystemMessage(
  deps: ServiceDeps,
  trx: Transaction<DB>,
  input: { ticketId: string; text: string; internal: boolean; mail?: boolean },
): Promise<string> {
  const at = deps.clock.now().toISOString();
  const id = uuidv7();
  const body = renderPlainText(input.text);
  const kind = input.internal ? 'note' : 'system';
  await insertMessage(trx, { id, ticketId: input.ticketId, authorId: null, createdById: null, kind, internal: input.internal ? 1 : 0, channel: 'email', bodyText: body.text, bodyHtml: body.html, createdAt: at });
  await updateTicketRow(trx, input.ticketId, { updatedAt: at });
  await insertHistory(trx, [ticketHistory(input.ticketId, null, at, 'message_added', { after: { messageId: id, kind, channel: 'email' }, internal: input.internal })]);
  await runTicketHooks({ trx, ticketId: input.ticketId, actorId: null, event: { type: 'message_added', messageId: id, kind, internal: input.internal }, at }, deps);
  if (!input.internal && input.mail !== false) await deps.jobs.enqueue(trx, TICKET_MESSAGE_JOB, { messageId: id, automatic: true });
  return id;
}
