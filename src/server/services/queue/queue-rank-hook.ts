import { queueKey } from '../../../domain/queue/rank.js';
import type { Executor } from '../../db/schema.js';
import type { TicketHook } from '../hooks/ticket-hooks.js';

/** Recomputes a ticket's stored queue key from its row; writes only when it changed. */
export async function refreshQueueKey(db: Executor, ticketId: string): Promise<void> {
  const t = await db
    .selectFrom('tickets')
    .select(['id', 'state', 'tier', 'fairUsePenalty', 'createdAt', 'queueKey', 'firstResponseDueAt', 'firstResponseMetAt', 'nextResponseDueAt', 'nextResponseMetAt', 'resolutionDueAt', 'resolutionMetAt'])
    .where('id', '=', ticketId)
    .executeTakeFirst();
  if (!t) return;
  const key = queueKey({ ...t, fairUsePenalty: Number(t.fairUsePenalty) });
  if (key !== t.queueKey) await db.updateTable('tickets').set({ queueKey: key }).where('id', '=', ticketId).execute();
}

/**
 * Keeps the ticket's queue key current after every change. Registered LAST, after the SLA hook, so
 * the due times it reads are the ones just computed.
 */
export const queueRankHook: TicketHook = {
  name: 'queue-rank',
  async run({ trx, ticketId }) {
    await refreshQueueKey(trx, ticketId);
  },
};
