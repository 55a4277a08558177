import type { Insertable } from 'kysely';
import { v7 as uuidv7 } from 'uuid';
import type { HistoryTable } from '../../db/tables/foundation.js';

/** A history row about an admin-managed record (product, plan, licence, contract, credits...), for agents only. */
export function entityHistory(entityType: string, entityId: string, actorId: string | null, at: string, action: string, before: unknown, after: unknown): Insertable<HistoryTable> {
  return {
    id: uuidv7(), ticketId: null, entityType, entityId, actorId, action, field: null,
    before: before === undefined ? null : JSON.stringify(before), after: after === undefined ? null : JSON.stringify(after), internal: 1, createdAt: at,
  };
}
