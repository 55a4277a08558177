import { z } from 'zod';
import { Channel, Priority } from './enums.js';

const Interval = z.tuple([z.string(), z.string()]).describe('["HH:MM", "HH:MM"]; "24:00" closes at midnight');
const Day = z.array(Interval);

/**
 * A business calendar in its exchange shape (issue 3): what `guichet calendar export` prints and
 * import reads. Times, zones, countries and overlaps are checked by the server, naming the field.
 */
export const CalendarDefinition = z.strictObject({
  name: z.string().max(200),
  timeZone: z.string().max(64).describe('IANA time zone, e.g. Europe/Paris'),
  week: z.strictObject({ mon: Day, tue: Day, wed: Day, thu: Day, fri: Day, sat: Day, sun: Day }),
  holidays: z
    .strictObject({ country: z.string().nullable().describe('ISO 3166 code (FR, ES, RU...) or null for none'), region: z.string().nullable().optional() })
    .describe('Public holidays from date-holidays; Russia also gets its production calendar (transfers, short days)'),
  exceptions: z
    .array(
      z.strictObject({
        date: z.string().describe('YYYY-MM-DD'),
        closed: z.boolean().optional(),
        intervals: z.array(Interval).optional(),
        name: z.string().nullable().optional(),
      }),
    )
    .default([]),
});
/** A calendar definition. */
export type CalendarDefinition = z.infer<typeof CalendarDefinition>;

/** Input to create or replace a calendar: the exchange shape, and whether it is the default. */
export const CalendarBody = CalendarDefinition.extend({ isDefault: z.boolean().optional().describe('Use it when neither the policy nor the team names a calendar') });

/** A stored calendar. */
export const CalendarDto = CalendarDefinition.extend({
  id: z.string(),
  isDefault: z.boolean(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
/** A stored calendar. */
export type CalendarDto = z.infer<typeof CalendarDto>;

/** A day that differs from a calendar's ordinary week. */
export const SpecialDayDto = z.object({
  date: z.string(),
  off: z.boolean().describe('true for a day off; false for a day with its own hours'),
  name: z.string(),
  hours: z.array(z.string()).describe('"HH:MM-HH:MM" for a day with its own hours'),
  source: z.enum(['holiday', 'exception']),
});

/** Query of the due-date preview on a calendar (one rule at a time). */
export const CalendarDueQuery = z.object({
  from: z.string().optional().describe('ISO 8601 instant; now when absent; without an offset, wall time in the calendar'),
  minutes: z.coerce.number().min(0).max(6_000_000).optional().describe('Rule (a): N business minutes'),
  sameDayBefore: z.string().optional().describe('Rule (b): same business day when received before HH:MM'),
  businessDayHours: z.coerce.number().min(0).max(100_000).optional().describe('Rule (c): N hours on business days, whole days'),
});

/** A target: (a) business minutes, (b) same business day before a cut-off, (c) business-day hours. */
export const SlaTarget = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('business_minutes'), minutes: z.number().min(0).max(6_000_000) }),
  z.object({ kind: z.literal('same_business_day'), before: z.string().describe('HH:MM local') }),
  z.object({ kind: z.literal('business_day_hours'), hours: z.number().min(0).max(100_000) }),
]);
/** A target. */
export type SlaTarget = z.infer<typeof SlaTarget>;

/** When a policy applies: every list given must contain the ticket's value. */
export const PolicyConditions = z.object({
  planCodes: z.array(z.string().min(1).max(100)).optional(),
  priorities: z.array(Priority).optional(),
  criticalities: z.array(z.string().min(1).max(100)).optional(),
  channels: z.array(Channel).optional(),
  organizationIds: z.array(z.string().min(1).max(100)).optional(),
  tiers: z.array(z.string().min(1).max(100)).optional(),
  premium: z.boolean().optional(),
});

/** Input to create or replace an SLA policy. */
export const SlaPolicyBody = z.object({
  name: z.string().trim().min(1).max(200),
  position: z.number().int().min(0).max(100_000).optional().describe('Evaluation order (first matching policy applies); last when absent'),
  active: z.boolean().optional(),
  isDefault: z.boolean().optional().describe('Applies when no other policy matches'),
  conditions: PolicyConditions.optional(),
  calendarId: z.string().nullable().optional().describe("The policy's own calendar; null: the team's calendar, else the default"),
  firstResponse: SlaTarget.nullable().optional(),
  nextResponse: SlaTarget.nullable().optional(),
  resolution: SlaTarget.nullable().optional(),
  warningShare: z.number().gt(0).lt(1).nullable().optional().describe('Share of the target at which agents are warned (default: the setting, 0.8)'),
  notifyAnytime: z.boolean().optional().describe('Notify at once instead of in the receiving team’s working hours'),
});
/** Policy input. */
export type SlaPolicyBody = z.infer<typeof SlaPolicyBody>;

/** A stored SLA policy. */
export const SlaPolicyDto = z.object({
  id: z.string(),
  name: z.string(),
  position: z.number().int(),
  active: z.boolean(),
  isDefault: z.boolean(),
  conditions: PolicyConditions,
  calendarId: z.string().nullable(),
  firstResponse: SlaTarget.nullable(),
  nextResponse: SlaTarget.nullable(),
  resolution: SlaTarget.nullable(),
  warningShare: z.number().nullable(),
  notifyAnytime: z.boolean(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
/** A stored SLA policy. */
export type SlaPolicyDto = z.infer<typeof SlaPolicyDto>;

/** One target of a ticket as the API shows it. */
export const SlaTargetState = z.object({
  dueAt: z.string().nullable(),
  metAt: z.string().nullable(),
  breachedAt: z.string().nullable().describe('Set once the due instant passed unmet; kept even when met late'),
  breached: z.boolean(),
  paused: z.boolean(),
  remainingBusinessMinutes: z.number().nullable().describe('Business minutes left (negative once overdue); frozen while paused; null when met'),
});
/** A target's state. */
export type SlaTargetState = z.infer<typeof SlaTargetState>;

/** A ticket's service levels. */
export const TicketSla = z.object({
  policyId: z.string().nullable(),
  calendarId: z.string().nullable(),
  paused: z.boolean().describe('The clock of first response and resolution is stopped (waiting for the customer)'),
  pausedSince: z.string().nullable(),
  firstResponse: SlaTargetState.nullable(),
  nextResponse: SlaTargetState.nullable(),
  resolution: SlaTargetState.nullable(),
});
/** A ticket's service levels. */
export type TicketSla = z.infer<typeof TicketSla>;

/** "If a ticket came now, when would it be due?" */
export const SlaPreviewBody = z.object({
  at: z.string().optional().describe('ISO 8601 instant; now when absent'),
  planCode: z.string().max(100).nullable().optional(),
  priority: Priority.optional(),
  criticality: z.string().max(100).nullable().optional(),
  channel: Channel.optional(),
  organizationId: z.string().nullable().optional(),
  tier: z.string().max(100).optional(),
  premium: z.boolean().optional(),
  groupId: z.string().nullable().optional().describe('The team that would handle it (its calendar)'),
});
/** Preview input. */
export type SlaPreviewBody = z.infer<typeof SlaPreviewBody>;

/** The answer of a preview: ISO instants with the calendar's offset. */
export const SlaPreviewDto = z.object({
  policy: z.object({ id: z.string(), name: z.string() }).nullable(),
  calendar: z.object({ id: z.string(), name: z.string(), timeZone: z.string() }).nullable(),
  at: z.string(),
  firstResponseDueAt: z.string().nullable(),
  nextResponseDueAt: z.string().nullable().describe('For a customer message arriving at `at`'),
  resolutionDueAt: z.string().nullable(),
});
/** A preview. */
export type SlaPreviewDto = z.infer<typeof SlaPreviewDto>;

/** An agent moves the resolution target (pending: cannot reproduce, needs diagnostics, awaiting a product update). */
export const MoveResolutionTargetBody = z.object({
  dueAt: z.string().describe('ISO 8601 instant with an offset'),
  reason: z.string().trim().min(1).max(1000).describe('Told to the customer'),
});

/** Sets a team's calendar. */
export const GroupCalendarBody = z.object({ calendarId: z.string().nullable() });

/** Something an agent should look at. */
export const NotificationDto = z.object({
  id: z.string(),
  kind: z.string().describe('sla_warning or sla_breach'),
  ticketId: z.string().nullable(),
  text: z.string().describe("In the agent's language"),
  payload: z.record(z.string(), z.unknown()),
  createdAt: z.string(),
  readAt: z.string().nullable(),
});
/** A notification. */
export type NotificationDto = z.infer<typeof NotificationDto>;

/** Id in a path. */
export const IdParams = z.object({ id: z.string().min(1).max(64) });

/** "If a ticket came now, when would it be due?" for a calendar being edited (not saved yet). */
export const CalendarDraftPreviewBody = z.object({
  calendarId: z.string().max(64).nullable().optional().describe('The stored calendar being edited (null or absent for a new one)'),
  calendar: z.unknown().describe('The draft in the exchange shape; checked like a saved calendar, naming the field'),
  at: z.string().optional().describe('ISO 8601 instant; now when absent'),
});
/** Draft preview input. */
export type CalendarDraftPreviewBody = z.infer<typeof CalendarDraftPreviewBody>;

/** One priority's row of a draft preview. */
export const CalendarDraftPreviewRow = z.object({
  priority: Priority,
  policy: z.object({ id: z.string(), name: z.string() }).nullable().describe('The policy a standard ticket of this priority gets; null: none applies'),
  calendar: z.object({ id: z.string().nullable(), name: z.string(), draft: z.boolean() }).nullable().describe('Where its clock runs: the draft, or the policy’s own calendar'),
  firstResponseDueAt: z.string().nullable(),
  resolutionDueAt: z.string().nullable(),
});

/** The answer of a draft preview: ISO instants with the calendar's offset. */
export const CalendarDraftPreviewDto = z.object({
  at: z.string(),
  timeZone: z.string(),
  openNow: z.boolean(),
  nextOpenAt: z.string().nullable().describe('When the clock of a ticket arriving at `at` starts'),
  rows: z.array(CalendarDraftPreviewRow),
  upcoming: z.array(SpecialDayDto).describe('The next days that differ from the ordinary week (at most 8); an exception without a name has an empty name'),
});
/** A draft preview. */
export type CalendarDraftPreviewDto = z.infer<typeof CalendarDraftPreviewDto>;

/** A country or region whose public holidays a calendar can follow, named in the asked language. */
export const HolidayPlaceDto = z.object({ code: z.string(), name: z.string() });
