import type { Transaction } from 'kysely';
import type { DB } from '../../db/schema.js';
import type { ServiceDeps } from '../deps.js';

/** One changed field of a ticket. */
export interface FieldChange {
  field: string;
  before: unknown;
  after: unknown;
}

/** Something that happened to a ticket, told to hooks inside the same transaction. */
export type TicketEvent =
  | { type: 'created'; messageId: string | null; kbSessionId?: string | null }
  | { type: 'updated'; changes: FieldChange[]; reason?: string | null }
  | { type: 'message_added'; messageId: string; kind: string; internal: boolean };

/** What a hook is given. */
export interface TicketHookContext {
  trx: Transaction<DB>;
  deps: ServiceDeps;
  ticketId: string;
  actorId: string | null;
  event: TicketEvent;
  /** The instant of the change. */
  at: string;
}

/** A reaction to ticket changes that must commit with them (recompute SLA, enqueue a notification). */
export interface TicketHook {
  name: string;
  run(ctx: TicketHookContext): Promise<void>;
}

/** Runs every hook in order. */
export async function runTicketHooks(ctx: Omit<TicketHookContext, 'deps'>, deps: ServiceDeps): Promise<void> {
  for (const hook of deps.hooks) await hook.run({ ...ctx, deps });
}
