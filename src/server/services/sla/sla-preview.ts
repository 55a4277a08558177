import type { SlaPreviewBody, SlaPreviewDto } from '../../../contracts/sla.js';
import { addBusinessMinutes, nextBusinessInstant } from '../../../domain/sla/business-time.js';
import { parseTimeOfDay } from '../../../domain/sla/calendar.js';
import { formatInZone, parseInstant, type CompiledCalendar } from '../../../domain/sla/compiled-calendar.js';
import { dueDate, type SlaTarget } from '../../../domain/sla/due-dates.js';
import type { Executor } from '../../db/schema.js';
import { AppError } from '../../errors/app-error.js';
import { findTicket } from '../../repositories/tickets.repository.js';
import type { ServiceDeps } from '../deps.js';
import { newTicketInputs, planTicketSla } from './sla-plan.js';
import { resolveCalendarId, slaSetup } from './sla-setup.js';

/** One due-date rule, as the CLI and the calendar preview take it. */
export interface DueRuleInput {
  from?: string | undefined;
  minutes?: number | undefined;
  sameDayBefore?: string | undefined;
  businessDayHours?: number | undefined;
}

/** Turns CLI/API options into a target, refusing zero or several rules, naming the field. */
export function ruleTarget(input: DueRuleInput): SlaTarget {
  const given = [input.minutes !== undefined, input.sameDayBefore !== undefined, input.businessDayHours !== undefined].filter(Boolean).length;
  if (given !== 1) throw new AppError('validation_failed', { detailKey: 'sla:errors.due_rule', errors: [{ path: 'minutes', message: 'give exactly one of minutes, sameDayBefore, businessDayHours' }] });
  if (input.minutes !== undefined) {
    if (!Number.isFinite(input.minutes) || input.minutes < 0) throw new AppError('validation_failed', { detailKey: 'validation_failed_detail', errors: [{ path: 'minutes', message: 'must be a number of minutes, 0 or more' }] });
    return { kind: 'business_minutes', minutes: input.minutes };
  }
  if (input.businessDayHours !== undefined) {
    if (!Number.isFinite(input.businessDayHours) || input.businessDayHours < 0) {
      throw new AppError('validation_failed', { detailKey: 'validation_failed_detail', errors: [{ path: 'businessDayHours', message: 'must be a number of hours, 0 or more' }] });
    }
    return { kind: 'business_day_hours', hours: input.businessDayHours };
  }
  const cut = parseTimeOfDay(input.sameDayBefore);
  if (!cut.ok || cut.minutes === 1440) throw new AppError('validation_failed', { detailKey: 'validation_failed_detail', errors: [{ path: 'sameDayBefore', message: cut.ok ? 'must be before 24:00' : cut.message }] });
  return { kind: 'same_business_day', before: input.sameDayBefore! };
}

/** Reads an instant (without an offset: wall time in the zone), or answers 400 naming the field. */
export function readInstant(text: string, zone: string, path: string): number {
  const t = parseInstant(text, zone);
  if (t === null) throw new AppError('validation_failed', { detailKey: 'sla:errors.instant_invalid', errors: [{ path, message: `"${text}" is not an ISO 8601 date and time` }] });
  return t;
}

/** The due instant of one rule on a calendar, ISO 8601 with the calendar's offset (null: never). */
export function calendarDue(calendar: CompiledCalendar, input: DueRuleInput, now: Date): string | null {
  const target = ruleTarget(input);
  const from = input.from ? readInstant(input.from, calendar.zone, 'from') : now.getTime();
  const due = dueDate(calendar, from, target);
  return due === null ? null : formatInZone(due, calendar.zone);
}

/**
 * "If a ticket came now, when would it be due?": the policy a ticket with these facts would get,
 * its calendar, and its due dates (ISO with the calendar's offset). Intake calls this before a
 * ticket exists, e.g. to show the expected response time in the form.
 */
export async function previewTicketSla(deps: ServiceDeps, input: SlaPreviewBody): Promise<SlaPreviewDto> {
  const setup = await slaSetup(deps);
  const at = input.at ? readInstant(input.at, 'UTC', 'at') : deps.clock.now().getTime();
  const iso = new Date(at).toISOString();
  const ticket = {
    id: 'preview', createdAt: iso, updatedAt: iso, state: 'new', pendingReason: null, planCode: input.planCode ?? null, priority: input.priority ?? 'normal',
    criticality: input.criticality ?? null, channel: input.channel ?? 'web', organizationId: input.organizationId ?? null, tier: input.tier ?? 'standard',
    premium: input.premium ? 1 : 0, groupId: input.groupId ?? null, firstResponseAt: null, slaPolicyId: null, slaCalendarId: null, slaPausedAt: null,
    firstResponseDueAt: null, firstResponseMetAt: null, firstResponseBreachedAt: null, nextResponseDueAt: null, nextResponseMetAt: null, nextResponseBreachedAt: null,
    resolutionDueAt: null, resolutionMetAt: null, resolutionBreachedAt: null,
  };
  const plan = planTicketSla(setup, ticket, newTicketInputs(ticket), at);
  const cal = plan.calendarId ? setup.calendars.get(plan.calendarId)! : null;
  const show = (t: number | null | undefined) => (t == null || !cal ? null : formatInZone(t, cal.timeZone));
  const next = plan.policy?.targets.nextResponse && plan.calendar ? dueDate(plan.calendar, at, plan.policy.targets.nextResponse) : null;
  return {
    policy: plan.policy ? { id: plan.policy.id, name: plan.policy.name } : null,
    calendar: cal && plan.calendarId ? { id: plan.calendarId, name: cal.name, timeZone: cal.timeZone } : null,
    at: cal ? formatInZone(at, cal.timeZone) : iso,
    firstResponseDueAt: show(plan.result?.firstResponse?.dueAt),
    nextResponseDueAt: show(next),
    resolutionDueAt: show(plan.result?.resolution?.dueAt),
  };
}

/**
 * A ticket's expected first-response and resolution times, as stored by the SLA hook (call it after
 * the hooks ran, e.g. to put the expected response time in the acceptance confirmation). ISO with
 * the offset of the ticket's calendar; null when the ticket has no SLA.
 */
export async function expectedResponseTimes(
  deps: ServiceDeps,
  executor: Executor,
  ticketId: string,
): Promise<{ firstResponseDueAt: string | null; resolutionDueAt: string | null; timeZone: string | null } | null> {
  const ticket = await findTicket(executor, ticketId);
  if (!ticket) return null;
  const setup = await slaSetup(deps, executor);
  const zone = ticket.slaCalendarId ? (setup.calendars.get(ticket.slaCalendarId)?.timeZone ?? null) : null;
  const show = (v: string | null) => (v === null ? null : zone ? formatInZone(Date.parse(v), zone) : v);
  return { firstResponseDueAt: show(ticket.firstResponseDueAt), resolutionDueAt: show(ticket.resolutionDueAt), timeZone: zone };
}

/**
 * The next `minutes` business minutes of a team's calendar from an instant (its calendar, else the
 * default): when the window opens (the first business instant) and when it closes. Callbacks use it
 * for "a technician calls you within 4 business hours" (minutes = 240). Null without any calendar.
 */
export async function businessWindow(
  deps: ServiceDeps,
  input: { groupId: string | null; from: Date; minutes: number },
  executor: Executor = deps.db,
): Promise<{ start: string; end: string; timeZone: string } | null> {
  const setup = await slaSetup(deps, executor);
  const id = resolveCalendarId(setup, null, input.groupId);
  if (!id) return null;
  const { calendar, timeZone } = setup.calendars.get(id)!;
  const from = input.from.getTime();
  const start = nextBusinessInstant(calendar, from);
  const end = addBusinessMinutes(calendar, from, input.minutes);
  if (start === null || end === null) return null;
  return { start: formatInZone(start, timeZone), end: formatInZone(end, timeZone), timeZone };
}
