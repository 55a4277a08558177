import type { Generated } from 'kysely';

/** Timestamps are ISO-8601 UTC strings; booleans are 0/1 integers. */
type Timestamp = string;
type Flag = number;

/** A business calendar; `definition` is the JSON of issue 3 (name, timeZone, week, holidays, exceptions). */
export interface CalendarsTable {
  id: string;
  name: string;
  timeZone: string;
  /** JSON CalendarDefinition. */
  definition: string;
  /** 1 for the calendar used when neither the policy nor the team names one. */
  isDefault: Generated<Flag>;
  createdAt: Timestamp;
  updatedAt: Timestamp;
}

/** An SLA policy: conditions, targets (JSON, null when absent) and the calendar they count on. */
export interface SlaPoliciesTable {
  id: string;
  name: string;
  /** Order of evaluation: the first matching policy applies. */
  position: number;
  active: Generated<Flag>;
  /** 1 for the policy used when none matches. */
  isDefault: Generated<Flag>;
  /** JSON PolicyConditions. */
  conditions: string;
  /** The policy's own calendar (e.g. 7/7 for premium); null: the team's calendar, else the default. */
  calendarId: string | null;
  /** JSON SlaTarget or null. */
  firstResponse: string | null;
  nextResponse: string | null;
  resolution: string | null;
  /** Share of the target after which the warning fires; null: the GUICHET_SLA_WARNING_SHARE setting. */
  warningShare: number | null;
  /** 1: notifications go out at once; 0: in the receiving team's working hours. */
  notifyAnytime: Generated<Flag>;
  createdAt: Timestamp;
  updatedAt: Timestamp;
}

/** An agent's move of a target's due date (the event the clock is recomputed from). */
export interface SlaTargetMovesTable {
  id: string;
  ticketId: string;
  target: string;
  dueAt: Timestamp;
  previousDueAt: Timestamp | null;
  reason: string;
  pendingReason: string | null;
  actorId: string | null;
  createdAt: Timestamp;
}

/** A warning or breach that fired: unique per ticket, target, kind and due instant. */
export interface SlaAlertsTable {
  id: string;
  ticketId: string;
  target: string;
  kind: string;
  dueAt: Timestamp;
  createdAt: Timestamp;
}

/** Something an agent should look at (SLA warnings and breaches). */
export interface NotificationsTable {
  id: string;
  userId: string;
  ticketId: string | null;
  kind: string;
  /** JSON. */
  payload: string;
  createdAt: Timestamp;
  readAt: Timestamp | null;
}

/** Columns the SLA area adds to foundation tables. */
export interface SlaTicketColumns {
  /** The calendar the ticket's clock runs on (resolved from policy, team, default). */
  slaCalendarId: string | null;
  /** Start of the current wait for the customer (the clock of first response and resolution is stopped). */
  slaPausedAt: Timestamp | null;
}

/** Tables of the SLA area. */
export interface SlaTables {
  calendars: CalendarsTable;
  slaPolicies: SlaPoliciesTable;
  slaTargetMoves: SlaTargetMovesTable;
  slaAlerts: SlaAlertsTable;
  notifications: NotificationsTable;
}

// The SLA columns added by migration 0003 to foundation tables, merged into their row types here so
// foundation.ts stays untouched.
declare module './foundation.js' {
  interface TicketsTable extends SlaTicketColumns {}
  interface GroupsTable {
    /** The team's business calendar (its working hours and holidays); null: the default calendar. */
    calendarId?: string | null;
  }
}
