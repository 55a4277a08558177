import type { CalendarDraftPreviewBody, CalendarDraftPreviewDto } from '../../../contracts/sla.js';
import { Priority } from '../../../contracts/enums.js';
import { isBusinessInstant, nextBusinessInstant } from '../../../domain/sla/business-time.js';
import { CompiledCalendar, formatInZone } from '../../../domain/sla/compiled-calendar.js';
import { specialDays } from '../../../domain/sla/days-off.js';
import { dueDate } from '../../../domain/sla/due-dates.js';
import { selectPolicy } from '../../../domain/sla/select-policy.js';
import type { ServiceDeps } from '../deps.js';
import { validateCalendar } from './manage-calendars.js';
import { readInstant } from './sla-preview.js';
import { slaSetup } from './sla-setup.js';

const UPCOMING = 8;

/**
 * "If a ticket came now, when would it be due?" for a calendar an admin is editing, before it is
 * saved. For each priority: the policy a standard web ticket of that priority gets (no plan, no
 * premium) and its first-response and resolution due dates for a team working on this calendar.
 * A policy that names another calendar keeps running on that one (the row says which), so the
 * preview never claims an edit changes what it does not. The draft is checked like a saved
 * calendar (400 naming the field); nothing is written.
 */
export async function previewCalendarDraft(deps: ServiceDeps, input: CalendarDraftPreviewBody): Promise<CalendarDraftPreviewDto> {
  const def = validateCalendar(input.calendar);
  const draft = new CompiledCalendar(def);
  const zone = def.timeZone;
  const at = input.at ? readInstant(input.at, zone, 'at') : deps.clock.now().getTime();
  const setup = await slaSetup(deps);
  const selfId = input.calendarId ?? null;
  const show = (t: number | null, z: string) => (t === null ? null : formatInZone(t, z));

  const rows = Priority.options.map((priority) => {
    const policy = selectPolicy(setup.policies, { planCode: null, priority, criticality: null, channel: 'web', organizationId: null, tier: 'standard', premium: false });
    if (!policy) return { priority, policy: null, calendar: null, firstResponseDueAt: null, resolutionDueAt: null };
    const other = policy.calendarId && policy.calendarId !== selfId ? setup.calendars.get(policy.calendarId) : undefined;
    const calendar = other?.calendar ?? draft;
    const z = other?.timeZone ?? zone;
    const due = (name: 'firstResponse' | 'resolution') => {
      const target = policy.targets[name];
      return target ? show(dueDate(calendar, at, target), z) : null;
    };
    return {
      priority,
      policy: { id: policy.id, name: policy.name },
      calendar: other ? { id: policy.calendarId, name: other.name, draft: false } : { id: selfId, name: def.name, draft: true },
      firstResponseDueAt: due('firstResponse'),
      resolutionDueAt: due('resolution'),
    };
  });

  const today = formatInZone(at, zone).slice(0, 10);
  const year = Number(today.slice(0, 4));
  // An exception without a name is named by the interface (the domain's English fallback is not shown).
  const named = new Map(def.exceptions.map((e) => [e.date, e.name ?? '']));
  const upcoming = [...specialDays(draft, year), ...specialDays(draft, year + 1)]
    .filter((d) => d.date >= today)
    .slice(0, UPCOMING)
    .map((d) => (d.source === 'exception' ? { ...d, name: named.get(d.date) ?? '' } : d));
  return {
    at: formatInZone(at, zone),
    timeZone: zone,
    openNow: isBusinessInstant(draft, at),
    nextOpenAt: show(nextBusinessInstant(draft, at), zone),
    rows,
    upcoming,
  };
}
