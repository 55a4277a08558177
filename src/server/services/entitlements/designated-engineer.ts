import type { Executor } from '../../db/schema.js';

/** Who gets a direct-assistance ticket, and in which role. */
export interface DesignatedPick {
  userId: string;
  role: 'engineer' | 'deputy';
}

async function available(db: Executor, userId: string | null, at: string): Promise<boolean> {
  if (!userId) return false;
  const user = await db.selectFrom('users').select(['role', 'active']).where('id', '=', userId).executeTakeFirst();
  if (!user || user.role === 'customer' || Number(user.active) !== 1) return false;
  const absence = await db.selectFrom('agentAbsences').select('until').where('userId', '=', userId).executeTakeFirst();
  return !absence || (absence.until !== null && new Date(absence.until).getTime() <= new Date(at).getTime());
}

/** The organization's designated engineer, or the deputy when the engineer is absent; null when neither can take it. */
export async function pickDesignatedEngineer(db: Executor, organizationId: string, at: string): Promise<DesignatedPick | null> {
  const support = await db.selectFrom('organizationSupport').selectAll().where('organizationId', '=', organizationId).executeTakeFirst();
  if (!support) return null;
  if (await available(db, support.engineerId, at)) return { userId: support.engineerId!, role: 'engineer' };
  if (await available(db, support.deputyId, at)) return { userId: support.deputyId!, role: 'deputy' };
  return null;
}
