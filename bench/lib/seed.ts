import type { Insertable, Kysely } from 'kysely';
import { v7 as uuidv7 } from 'uuid';
import type { DB } from '../../src/server/db/schema.js';
import type { TicketsTable } from '../../src/server/db/tables/foundation.js';

/** What a bulk seed made. */
export interface SeededPeople {
  organizationIds: string[];
  customerIds: string[];
  agentIds: string[];
}

/** Inserts organizations, customers and agents directly (no password hashing: they sign in by token). */
export async function seedPeople(db: Kysely<DB>, counts: { organizations: number; customers: number; agents: number }): Promise<SeededPeople> {
  const at = new Date('2025-01-01T00:00:00Z').toISOString();
  const organizationIds = Array.from({ length: counts.organizations }, () => uuidv7());
  const customerIds = Array.from({ length: counts.customers }, () => uuidv7());
  const agentIds = Array.from({ length: counts.agents }, () => uuidv7());
  await db.transaction().execute(async (trx) => {
    for (let i = 0; i < organizationIds.length; i += 500) {
      await trx.insertInto('organizations').values(organizationIds.slice(i, i + 500).map((id, k) => ({ id, name: `Org ${i + k}`, sharesTickets: 0, createdAt: at, updatedAt: at }))).execute();
    }
    const user = (id: string, i: number, role: string) => ({
      id, email: `${role}${i}@bench.example`, name: `${role} ${i}`, role, organizationId: role === 'customer' ? organizationIds[i % organizationIds.length]! : null,
      language: ['fr', 'es', 'en', 'ru'][i % 4]!, timeZone: 'Europe/Paris', passwordHash: null, active: 1, failedLogins: 0, lockedUntil: null, totpSecret: null, createdAt: at, updatedAt: at,
    });
    for (let i = 0; i < customerIds.length; i += 500) {
      await trx.insertInto('users').values(customerIds.slice(i, i + 500).map((id, k) => user(id, i + k, 'customer'))).execute();
    }
    await trx.insertInto('users').values(agentIds.map((id, k) => user(id, k, 'agent'))).execute();
  });
  return { organizationIds, customerIds, agentIds };
}

/** Share of each state among seeded tickets. */
export const DEFAULT_STATE_MIX: Array<[string, number]> = [
  ['new', 0.1],
  ['open', 0.25],
  ['pending', 0.1],
  ['solved', 0.15],
  ['closed', 0.4],
];

/**
 * Inserts `count` tickets in batches (numbers GU-2025-NNNNNN, spread over 2025), for list and queue
 * benchmarks. Returns nothing; calls onProgress after each batch.
 */
export async function seedTickets(
  db: Kysely<DB>,
  people: SeededPeople,
  count: number,
  options: {
    stateMix?: Array<[string, number]>;
    batch?: number;
    onProgress?: (done: number) => void;
    /** Lets a benchmark fill its own columns (tier, due times, queue key...) on each row; k is the row's index. */
    decorate?: (row: Insertable<TicketsTable>, k: number) => Insertable<TicketsTable>;
  } = {},
): Promise<void> {
  const mix = options.stateMix ?? DEFAULT_STATE_MIX;
  const batch = options.batch ?? 1000;
  const start = Date.parse('2025-01-01T00:00:00Z');
  const span = 365 * 24 * 3600_000;
  const pickState = (i: number): string => {
    const x = ((i * 2654435761) % 1000) / 1000;
    let acc = 0;
    for (const [state, share] of mix) {
      acc += share;
      if (x < acc) return state;
    }
    return mix[mix.length - 1]![0];
  };
  for (let i = 0; i < count; i += batch) {
    const rows: Insertable<TicketsTable>[] = [];
    for (let k = i; k < Math.min(count, i + batch); k++) {
      const at = new Date(start + Math.floor((k / count) * span)).toISOString();
      const customer = people.customerIds[k % people.customerIds.length]!;
      const state = pickState(k);
      rows.push({
        id: uuidv7(), number: `GU-2025-${String(k + 1).padStart(6, '0')}`, subject: `Seeded request ${k + 1}`, requesterId: customer,
        organizationId: null, assigneeId: state === 'new' ? null : people.agentIds[k % people.agentIds.length]!, groupId: null, state,
        pendingReason: state === 'pending' ? 'waiting_for_customer' : null, priority: 'normal', channel: 'web', language: 'en',
        reopenCount: 0, createdAt: at, updatedAt: at, firstResponseAt: null, lastCustomerMessageAt: at, lastAgentMessageAt: null,
        solvedAt: null, closedAt: null,
      });
      if (options.decorate) rows[rows.length - 1] = options.decorate(rows[rows.length - 1]!, k);
    }
    await db.transaction().execute(async (trx) => {
      for (let s = 0; s < rows.length; s += 250) await trx.insertInto('tickets').values(rows.slice(s, s + 250)).execute();
    });
    options.onProgress?.(Math.min(count, i + batch));
  }
}
