import type { z } from 'zod';
import type { QueueItemDto } from '../../../contracts/queue.js';
import { groupIdsOf } from '../../repositories/groups.repository.js';
import { insertHistory } from '../../repositories/history.repository.js';
import { fairUseSnapshots } from '../../repositories/queue.repository.js';
import { findTicket } from '../../repositories/tickets.repository.js';
import type { Actor } from '../actor.js';
import type { ServiceDeps } from '../deps.js';
import { runTicketHooks } from '../hooks/ticket-hooks.js';
import { ticketHistory } from '../tickets/history-entry.js';
import { slaPresenter } from '../sla/present-sla.js';
import { presentQueueItem, ReasonWriter } from './present-queue-item.js';

/**
 * Assigns the top unassigned ticket of the agent's groups (and of no group) to the agent, in one
 * transaction with its history and hooks. On PostgreSQL the candidate row is taken with
 * FOR UPDATE SKIP LOCKED, so concurrent callers each get a different ticket without waiting; the
 * UPDATE re-checks "still unassigned" as a second guard. On SQLite the single writer serializes
 * the transactions. Returns null when nothing waits.
 */
export async function takeNextTicket(deps: ServiceDeps, actor: Actor): Promise<z.infer<typeof QueueItemDto> | null> {
  const groups = await groupIdsOf(deps.db, actor.id);
  for (let attempt = 0; attempt < 20; attempt++) {
    const at = deps.clock.now().toISOString();
    const outcome = await deps.db.transaction().execute(async (trx) => {
      let q = trx
        .selectFrom('tickets')
        .select('id')
        .where('queueKey', 'is not', null)
        .where('assigneeId', 'is', null)
        .where((eb) => (groups.length ? eb.or([eb('groupId', 'in', groups), eb('groupId', 'is', null)]) : eb('groupId', 'is', null)))
        .orderBy('queueKey')
        .orderBy('id')
        .limit(1);
      if (deps.dialect === 'postgres') q = q.forUpdate().skipLocked();
      const candidate = await q.executeTakeFirst();
      if (!candidate) return { kind: 'empty' as const };
      const r = await trx.updateTable('tickets').set({ assigneeId: actor.id, updatedAt: at }).where('id', '=', candidate.id).where('assigneeId', 'is', null).executeTakeFirst();
      if (Number(r.numUpdatedRows) !== 1) return { kind: 'lost' as const };
      const change = { field: 'assigneeId', before: null, after: actor.id };
      await insertHistory(trx, [ticketHistory(candidate.id, actor.id, at, 'taken_from_queue', change)]);
      await runTicketHooks({ trx, ticketId: candidate.id, actorId: actor.id, event: { type: 'updated', changes: [change] }, at }, deps);
      return { kind: 'taken' as const, id: candidate.id };
    });
    if (outcome.kind === 'empty') return null;
    if (outcome.kind === 'lost') continue;
    deps.events.publish({ ticketId: outcome.id, type: 'updated', internal: true, at });
    const row = (await findTicket(deps.db, outcome.id))!;
    const snapshots = await fairUseSnapshots(deps.db, [row.id]);
    return presentQueueItem(new ReasonWriter(deps, actor), row, 1, snapshots.get(row.id), await slaPresenter(deps));
  }
  return null;
}
