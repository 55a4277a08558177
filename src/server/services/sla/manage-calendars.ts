import { v7 as uuidv7 } from 'uuid';
import { checkCalendar, officeWeek, type CalendarDefinition, type CalendarException } from '../../../domain/sla/calendar.js';
import { parseIcsExceptions } from '../../../domain/sla/ics.js';
import type { Executor } from '../../db/schema.js';
import { AppError, notFound } from '../../errors/app-error.js';
import {
  calendarUsage,
  clearDefaultCalendar,
  deleteCalendarRow,
  findCalendar,
  findCalendarByName,
  insertCalendar,
  setGroupCalendarId,
  updateCalendarRow,
  type CalendarRow,
} from '../../repositories/calendars.repository.js';
import type { ServiceDeps } from '../deps.js';
import { queueSlaRebuild, slaConfigCommitted } from './sla-config-change.js';

/** Validates a calendar in the exchange shape, or answers 400 naming every bad field. */
export function validateCalendar(input: unknown): CalendarDefinition {
  const r = checkCalendar(input);
  if (!r.ok) throw new AppError('validation_failed', { detailKey: 'sla:errors.calendar_invalid', errors: r.errors });
  return r.value;
}

/** The calendar in its exchange shape (what export prints and import reads). */
export function exportCalendar(row: Pick<CalendarRow, 'definition'>): CalendarDefinition {
  const d = JSON.parse(row.definition) as CalendarDefinition;
  return { name: d.name, timeZone: d.timeZone, week: d.week, holidays: d.holidays, exceptions: d.exceptions };
}

/** Loads a calendar or answers 404. */
export async function loadCalendar(db: Executor, id: string): Promise<CalendarRow> {
  const row = await findCalendar(db, id);
  if (!row) throw notFound('resource');
  return row;
}

function splitDefault(body: unknown): { definition: unknown; isDefault: boolean | undefined } {
  if (typeof body !== 'object' || body === null || Array.isArray(body)) return { definition: body, isDefault: undefined };
  const { isDefault, ...definition } = body as Record<string, unknown>;
  return { definition, isDefault: typeof isDefault === 'boolean' ? isDefault : undefined };
}

async function saveCalendar(deps: ServiceDeps, existing: CalendarRow | null, def: CalendarDefinition, isDefault: boolean | undefined): Promise<CalendarRow> {
  const clash = await findCalendarByName(deps.db, def.name);
  if (clash && clash.id !== existing?.id) throw new AppError('already_exists', { detailKey: 'sla:errors.calendar_name_taken', params: { name: def.name } });
  const at = deps.clock.now().toISOString();
  const id = existing?.id ?? uuidv7();
  await deps.db.transaction().execute(async (trx) => {
    const hasDefault = await trx.selectFrom('calendars').select('id').where('isDefault', '=', 1).executeTakeFirst();
    const makeDefault = isDefault ?? (existing ? Boolean(existing.isDefault) : !hasDefault);
    const row = { name: def.name, timeZone: def.timeZone, definition: JSON.stringify(def), isDefault: makeDefault ? 1 : 0, updatedAt: at };
    if (existing) await updateCalendarRow(trx, id, row);
    else await insertCalendar(trx, { id, ...row, createdAt: at });
    if (makeDefault) await clearDefaultCalendar(trx, id);
    if (existing || makeDefault) await queueSlaRebuild(deps, trx);
  });
  slaConfigCommitted(deps);
  return (await findCalendar(deps.db, id))!;
}

/** Creates a calendar (the first one becomes the default). */
export async function createCalendar(deps: ServiceDeps, body: unknown): Promise<CalendarRow> {
  const { definition, isDefault } = splitDefault(body);
  return saveCalendar(deps, null, validateCalendar(definition), isDefault);
}

/** Replaces a calendar's definition; active tickets on it are recomputed and their customers told. */
export async function updateCalendar(deps: ServiceDeps, id: string, body: unknown): Promise<CalendarRow> {
  const existing = await loadCalendar(deps.db, id);
  const { definition, isDefault } = splitDefault(body);
  return saveCalendar(deps, existing, validateCalendar(definition), isDefault);
}

/** Creates or replaces the calendar of that name (CLI and API import). */
export async function importCalendar(deps: ServiceDeps, body: unknown, isDefault?: boolean): Promise<{ calendar: CalendarRow; created: boolean }> {
  const def = validateCalendar(body);
  const existing = (await findCalendarByName(deps.db, def.name)) ?? null;
  return { calendar: await saveCalendar(deps, existing, def, isDefault), created: existing === null };
}

/** Deletes a calendar no policy or team uses and that is not the default. */
export async function deleteCalendar(deps: ServiceDeps, id: string): Promise<void> {
  const row = await loadCalendar(deps.db, id);
  if (row.isDefault) throw new AppError('conflict', { detailKey: 'sla:errors.calendar_default' });
  const usage = await calendarUsage(deps.db, id);
  if (usage.policies + usage.groups > 0) throw new AppError('conflict', { detailKey: 'sla:errors.calendar_in_use', params: usage });
  await deleteCalendarRow(deps.db, id);
  slaConfigCommitted(deps);
}

/**
 * Adds the days of an iCalendar file to a calendar's exceptions (a date from the file replaces the
 * same date). Recurring events are expanded from a year ago to three years ahead. A malformed file
 * or a resulting invalid calendar is refused and nothing is saved.
 */
export async function importIcsExceptions(deps: ServiceDeps, id: string, text: string): Promise<{ calendar: CalendarRow; added: number }> {
  const row = await loadCalendar(deps.db, id);
  const def = exportCalendar(row);
  const now = deps.clock.now();
  const year = now.getUTCFullYear();
  const parsed = parseIcsExceptions(text, { timeZone: def.timeZone, from: `${year - 1}-01-01`, until: `${year + 3}-12-31` });
  if (!parsed.ok) throw new AppError('validation_failed', { detailKey: 'sla:errors.ics_invalid', errors: parsed.errors });
  const byDate = new Map<string, CalendarException>(def.exceptions.map((x) => [x.date, x]));
  for (const x of parsed.value) byDate.set(x.date, x);
  const merged = { ...def, exceptions: [...byDate.values()].sort((a, b) => a.date.localeCompare(b.date)) };
  return { calendar: await saveCalendar(deps, row, validateCalendar(merged), undefined), added: parsed.value.length };
}

/** Gives a team its calendar (null: the default calendar). */
export async function setGroupCalendar(deps: ServiceDeps, groupId: string, calendarId: string | null): Promise<void> {
  if (calendarId !== null && !(await findCalendar(deps.db, calendarId))) {
    throw new AppError('unprocessable', { detailKey: 'sla:errors.calendar_unknown', errors: [{ path: 'calendarId', message: 'unknown calendar' }] });
  }
  await deps.db.transaction().execute(async (trx) => {
    if ((await setGroupCalendarId(trx, groupId, calendarId)) === 0) throw notFound('resource');
    await queueSlaRebuild(deps, trx);
  });
  slaConfigCommitted(deps);
}

/** The calendar used when nothing else is set up: Monday to Friday, 09:00–18:00, in the default time zone. */
export async function ensureDefaultCalendar(deps: ServiceDeps): Promise<CalendarRow> {
  const existing = await deps.db.selectFrom('calendars').selectAll().where('isDefault', '=', 1).executeTakeFirst();
  if (existing) return existing;
  const name = (await findCalendarByName(deps.db, 'Business hours')) ? `Business hours ${deps.clock.now().toISOString().slice(0, 10)}` : 'Business hours';
  return saveCalendar(deps, null, validateCalendar({ name, timeZone: deps.config.defaultTimeZone, week: officeWeek([['09:00', '18:00']]), holidays: { country: null, region: null }, exceptions: [] }), true);
}
