import type { Insertable, Selectable } from 'kysely';
import type { Executor } from '../db/schema.js';
import type { GroupsTable } from '../db/tables/foundation.js';

/** A group row. */
export type GroupRow = Selectable<GroupsTable>;

/** Inserts a group. */
export async function insertGroup(db: Executor, row: Insertable<GroupsTable>): Promise<void> {
  await db.insertInto('groups').values(row).execute();
}

/** Adds an agent to a group (no-op when already a member). */
export async function addGroupMember(db: Executor, groupId: string, userId: string): Promise<void> {
  await db.insertInto('groupMembers').values({ groupId, userId }).onConflict((oc) => oc.doNothing()).execute();
}

/** Lists groups by name. */
export function listGroups(db: Executor): Promise<GroupRow[]> {
  return db.selectFrom('groups').selectAll().orderBy('name').execute();
}

/** Groups an agent belongs to. */
export async function groupIdsOf(db: Executor, userId: string): Promise<string[]> {
  const rows = await db.selectFrom('groupMembers').select('groupId').where('userId', '=', userId).execute();
  return rows.map((r) => r.groupId);
}
