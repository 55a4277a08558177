import { v7 as uuidv7 } from 'uuid';
import { insertHistory } from '../../repositories/history.repository.js';
import { findSession, updateSession } from '../../repositories/kb-sessions.repository.js';
import type { TicketHook } from '../hooks/ticket-hooks.js';

/**
 * Deflection: a request filed after the portal showed articles names its suggestion session; the
 * session is marked as followed by this ticket, and the articles the customer saw are recorded on
 * the ticket for the agent (an internal history entry; GET /tickets/{id}/suggested-articles lists them).
 * An unknown or already used session is ignored: it must never stop a customer from filing.
 */
export const kbDeflectionHook: TicketHook = {
  name: 'kb-deflection',
  async run({ trx, event, ticketId, actorId, at }) {
    if (event.type !== 'created' || !event.kbSessionId || !/^[0-9a-f-]{36}$/i.test(event.kbSessionId)) return;
    const session = await findSession(trx, event.kbSessionId);
    if (!session || session.ticketId !== null) return;
    const ticket = await trx.selectFrom('tickets').select(['requesterId']).where('id', '=', ticketId).executeTakeFirstOrThrow();
    if (session.userId !== null && session.userId !== ticket.requesterId && session.userId !== actorId) return;
    await updateSession(trx, session.id, { ticketId, ticketFiledAt: at, userId: session.userId ?? ticket.requesterId, updatedAt: at });
    const shown = JSON.parse(session.shownArticleIds) as string[];
    await insertHistory(trx, [
      {
        id: uuidv7(),
        ticketId,
        entityType: 'ticket',
        entityId: ticketId,
        actorId,
        action: 'kb_articles_shown',
        field: null,
        before: null,
        after: JSON.stringify({ sessionId: session.id, question: session.question, articleIds: shown, openedArticleId: session.openedArticleId }),
        internal: 1,
        createdAt: at,
      },
    ]);
  },
};
