import { sql, type Selectable } from 'kysely';
import { v7 as uuidv7 } from 'uuid';
import type { Executor } from '../db/schema.js';
import type { CreditEntriesTable } from '../db/tables/entitlements.js';

/** A ledger entry. */
export type CreditEntryRow = Selectable<CreditEntriesTable>;

/** A movement of premium credits. */
export interface CreditMovement {
  organizationId: string;
  kind: 'grant' | 'payment' | 'spend' | 'refund';
  /** Positive for grant, payment and refund; negative for spend. */
  amount: number;
  ticketId?: string | null;
  actorId?: string | null;
  eventId?: string | null;
  reason?: string | null;
  at: string;
}

/**
 * Moves credits and appends the ledger entry, inside the caller's transaction. A spend is one
 * conditional UPDATE (`balance + amount >= 0`): on PostgreSQL it locks the balance row, so two
 * concurrent spends of the last credit cannot both succeed; on SQLite the single writer does the
 * same. Returns the new balance, or null when the spend would make it negative.
 */
export async function moveCredits(db: Executor, m: CreditMovement): Promise<number | null> {
  let balance: number | null;
  if (m.amount < 0) {
    const row = await db
      .updateTable('creditBalances')
      .set({ balance: sql`balance + ${m.amount}`, updatedAt: m.at })
      .where('organizationId', '=', m.organizationId)
      .where(sql<boolean>`balance + ${m.amount} >= 0`)
      .returning('balance')
      .executeTakeFirst();
    balance = row ? Number(row.balance) : null;
  } else {
    const row = await db
      .insertInto('creditBalances')
      .values({ organizationId: m.organizationId, balance: m.amount, updatedAt: m.at })
      .onConflict((oc) => oc.column('organizationId').doUpdateSet({ balance: sql`credit_balances.balance + ${m.amount}`, updatedAt: m.at }))
      .returning('balance')
      .executeTakeFirstOrThrow();
    balance = Number(row.balance);
  }
  if (balance === null) return null;
  await db
    .insertInto('creditEntries')
    .values({
      id: uuidv7(), organizationId: m.organizationId, kind: m.kind, amount: m.amount, balanceAfter: balance,
      ticketId: m.ticketId ?? null, actorId: m.actorId ?? null, eventId: m.eventId ?? null, reason: m.reason ?? null, createdAt: m.at,
    })
    .execute();
  return balance;
}

/** An organization's balance (0 when it never had credits). */
export async function creditBalance(db: Executor, organizationId: string): Promise<number> {
  const row = await db.selectFrom('creditBalances').select('balance').where('organizationId', '=', organizationId).executeTakeFirst();
  return row ? Number(row.balance) : 0;
}

/** The ledger of an organization, newest first. */
export function listCreditEntries(db: Executor, organizationId: string, limit = 200): Promise<CreditEntryRow[]> {
  return db.selectFrom('creditEntries').selectAll().where('organizationId', '=', organizationId).orderBy('createdAt', 'desc').orderBy('id', 'desc').limit(limit).execute();
}

/** The ledger entry of a payment event, if it was processed. */
export function findPaymentEvent(db: Executor, eventId: string): Promise<CreditEntryRow | undefined> {
  return db.selectFrom('creditEntries').selectAll().where('eventId', '=', eventId).executeTakeFirst();
}

/** The spend entry of a ticket that was not refunded yet, if any. */
export async function unrefundedSpend(db: Executor, ticketId: string): Promise<CreditEntryRow | undefined> {
  const rows = await db.selectFrom('creditEntries').selectAll().where('ticketId', '=', ticketId).where('kind', 'in', ['spend', 'refund']).execute();
  const spent = rows.filter((r) => r.kind === 'spend').length;
  const refunded = rows.filter((r) => r.kind === 'refund').length;
  return spent > refunded ? rows.find((r) => r.kind === 'spend') : undefined;
}
