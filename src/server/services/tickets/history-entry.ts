import type { Insertable } from 'kysely';
import { v7 as uuidv7 } from 'uuid';
import type { HistoryTable } from '../../db/tables/foundation.js';

/** Fields whose changes only agents see in the history. */
const INTERNAL_FIELDS = new Set(['assigneeId', 'groupId', 'priority']);

/** One history row about a ticket. */
export function ticketHistory(
  ticketId: string,
  actorId: string | null,
  at: string,
  action: string,
  change: { field?: string; before?: unknown; after?: unknown; internal?: boolean } = {},
): Insertable<HistoryTable> {
  const internal = change.internal ?? (change.field ? INTERNAL_FIELDS.has(change.field) : false);
  return {
    id: uuidv7(),
    ticketId,
    entityType: 'ticket',
    entityId: ticketId,
    actorId,
    action,
    field: change.field ?? null,
    before: change.before === undefined ? null : JSON.stringify(change.before),
    after: change.after === undefined ? null : JSON.stringify(change.after),
    internal: internal ? 1 : 0,
    createdAt: at,
  };
}
