import type { Insertable, Selectable, Updateable } from 'kysely';
import type { Executor } from '../db/schema.js';
import type { CalendarsTable } from '../db/tables/sla.js';

/** A calendar row. */
export type CalendarRow = Selectable<CalendarsTable>;
/** A calendar row without its definition (for lists and cache checks). */
export type CalendarHead = Omit<CalendarRow, 'definition'>;

/** Inserts a calendar. */
export async function insertCalendar(db: Executor, row: Insertable<CalendarsTable>): Promise<void> {
  await db.insertInto('calendars').values(row).execute();
}

/** Updates a calendar. */
export async function updateCalendarRow(db: Executor, id: string, patch: Updateable<CalendarsTable>): Promise<void> {
  await db.updateTable('calendars').set(patch).where('id', '=', id).execute();
}

/** Makes every calendar but `keep` non-default. */
export async function clearDefaultCalendar(db: Executor, keep: string): Promise<void> {
  await db.updateTable('calendars').set({ isDefault: 0 }).where('isDefault', '=', 1).where('id', '!=', keep).execute();
}

/** Finds a calendar by id. */
export function findCalendar(db: Executor, id: string): Promise<CalendarRow | undefined> {
  return db.selectFrom('calendars').selectAll().where('id', '=', id).executeTakeFirst();
}

/** Finds a calendar by its (unique) name. */
export function findCalendarByName(db: Executor, name: string): Promise<CalendarRow | undefined> {
  return db.selectFrom('calendars').selectAll().where('name', '=', name).executeTakeFirst();
}

/** Every calendar without definitions, by name. */
export function listCalendarHeads(db: Executor): Promise<CalendarHead[]> {
  return db.selectFrom('calendars').select(['id', 'name', 'timeZone', 'isDefault', 'createdAt', 'updatedAt']).orderBy('name').execute();
}

/** Every calendar, by name. */
export function listCalendars(db: Executor): Promise<CalendarRow[]> {
  return db.selectFrom('calendars').selectAll().orderBy('name').execute();
}

/** Deletes a calendar. */
export async function deleteCalendarRow(db: Executor, id: string): Promise<void> {
  await db.deleteFrom('calendars').where('id', '=', id).execute();
}

/** How many policies and teams use a calendar. */
export async function calendarUsage(db: Executor, id: string): Promise<{ policies: number; groups: number }> {
  const p = await db.selectFrom('slaPolicies').select((eb) => eb.fn.countAll<number>().as('n')).where('calendarId', '=', id).executeTakeFirstOrThrow();
  const g = await db.selectFrom('groups').select((eb) => eb.fn.countAll<number>().as('n')).where('calendarId', '=', id).executeTakeFirstOrThrow();
  return { policies: Number(p.n), groups: Number(g.n) };
}

/** Each team's calendar. */
export async function groupCalendars(db: Executor): Promise<Map<string, string | null>> {
  const rows = await db.selectFrom('groups').select(['id', 'calendarId']).execute();
  return new Map(rows.map((r) => [r.id, r.calendarId ?? null]));
}

/** Sets a team's calendar. */
export async function setGroupCalendarId(db: Executor, groupId: string, calendarId: string | null): Promise<number> {
  const r = await db.updateTable('groups').set({ calendarId }).where('id', '=', groupId).executeTakeFirst();
  return Number(r.numUpdatedRows);
}
