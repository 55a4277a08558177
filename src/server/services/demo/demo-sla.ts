import type { CalendarDefinition, IntervalText } from '../../../domain/sla/calendar.js';
import { officeWeek } from '../../../domain/sla/calendar.js';
import type { ServiceDeps } from '../deps.js';
import { importCalendar, setGroupCalendar } from '../sla/manage-calendars.js';
import { createPolicy } from '../sla/manage-policies.js';
import { rebuildSla } from '../sla/rebuild-sla.js';

const split: IntervalText[] = [
  ['09:00', '12:00'],
  ['14:00', '18:00'],
];

/** The demo's calendars: the Paris office (seeds 002, 003), the Moscow office (seed 004), the priority desk. */
export const DEMO_CALENDARS: CalendarDefinition[] = [
  { name: 'Paris office', timeZone: 'Europe/Paris', week: officeWeek(split, [['09:00', '12:00']]), holidays: { country: 'FR', region: null }, exceptions: [] },
  { name: 'Moscow office', timeZone: 'Europe/Moscow', week: officeWeek([['09:00', '18:00']]), holidays: { country: 'RU', region: null }, exceptions: [] },
  {
    name: 'Priority desk 7/7',
    timeZone: 'Europe/Paris',
    week: { ...officeWeek([['08:00', '20:00']], [['08:00', '20:00']]), sun: [['08:00', '20:00']] },
    holidays: { country: null, region: null },
    exceptions: [],
  },
];

/**
 * Service levels for the demo: calendars for the two teams and a 7/7 priority desk, the policies of
 * the seeds (standard, support contract, direct assistance, premium — matched on the tier the
 * entitlements area gives each ticket), and the SLA of every demo ticket computed from its history.
 */
export async function loadSlaDemo(deps: ServiceDeps): Promise<void> {
  const ids: Record<string, string> = {};
  for (const def of DEMO_CALENDARS) ids[def.name] = (await importCalendar(deps, def, def.name === 'Paris office')).calendar.id;
  const groups = await deps.db.selectFrom('groups').select(['id', 'name']).execute();
  for (const g of groups) {
    if (g.name === 'Support Europe') await setGroupCalendar(deps, g.id, ids['Paris office']!);
    if (g.name === 'Support Russia') await setGroupCalendar(deps, g.id, ids['Moscow office']!);
  }
  const wide = ids['Priority desk 7/7']!;
  await createPolicy(deps, { name: 'Premium request', position: 0, conditions: { premium: true }, calendarId: wide, notifyAnytime: true, firstResponse: { kind: 'business_minutes', minutes: 60 }, nextResponse: { kind: 'business_minutes', minutes: 120 }, resolution: { kind: 'business_minutes', minutes: 480 } });
  await createPolicy(deps, { name: 'Urgent priority', position: 1, conditions: { priorities: ['urgent'] }, calendarId: wide, notifyAnytime: true, firstResponse: { kind: 'business_minutes', minutes: 120 }, resolution: { kind: 'business_day_hours', hours: 24 } });
  await createPolicy(deps, { name: 'Support contract', position: 2, conditions: { tiers: ['contract'] }, firstResponse: { kind: 'business_minutes', minutes: 240 }, nextResponse: { kind: 'business_minutes', minutes: 240 }, resolution: { kind: 'business_day_hours', hours: 48 } });
  await createPolicy(deps, { name: 'Direct assistance', position: 3, conditions: { tiers: ['direct'] }, firstResponse: { kind: 'same_business_day', before: '16:00' }, nextResponse: { kind: 'business_minutes', minutes: 240 }, resolution: { kind: 'business_day_hours', hours: 48 } });
  await createPolicy(deps, { name: 'Standard', position: 4, isDefault: true, firstResponse: { kind: 'business_minutes', minutes: 24 * 60 }, nextResponse: { kind: 'business_minutes', minutes: 24 * 60 }, resolution: { kind: 'business_day_hours', hours: 48 } });

  // Demo tickets go to the team of their language.
  const byName = new Map(groups.map((g) => [g.name, g.id]));
  const russia = byName.get('Support Russia') ?? null;
  const europe = byName.get('Support Europe') ?? null;
  if (russia) await deps.db.updateTable('tickets').set({ groupId: russia }).where('groupId', 'is', null).where('language', '=', 'ru').execute();
  if (europe) await deps.db.updateTable('tickets').set({ groupId: europe }).where('groupId', 'is', null).execute();
  await rebuildSla(deps, { announce: false });
}
