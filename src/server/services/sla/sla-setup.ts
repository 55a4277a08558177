import type { Kysely } from 'kysely';
import type { CalendarDefinition } from '../../../domain/sla/calendar.js';
import { CompiledCalendar } from '../../../domain/sla/compiled-calendar.js';
import type { SlaTarget } from '../../../domain/sla/due-dates.js';
import type { PolicyConditions } from '../../../domain/sla/select-policy.js';
import type { TargetName } from '../../../domain/sla/ticket-sla.js';
import type { DB, Executor } from '../../db/schema.js';
import { findCalendar, groupCalendars, listCalendarHeads, type CalendarRow } from '../../repositories/calendars.repository.js';
import { listPolicies, type SlaPolicyRow } from '../../repositories/sla-policies.repository.js';
import type { ServiceDeps } from '../deps.js';

/** A policy with its JSON columns parsed. */
export interface PolicyRecord {
  id: string;
  name: string;
  position: number;
  active: boolean;
  isDefault: boolean;
  conditions: PolicyConditions;
  calendarId: string | null;
  targets: Record<TargetName, SlaTarget | null>;
  warningShare: number | null;
  notifyAnytime: boolean;
  createdAt: string;
  updatedAt: string;
}

const parse = <T>(text: string | null): T | null => (text === null ? null : (JSON.parse(text) as T));

/** Parses a policy row. */
export function policyRecord(row: SlaPolicyRow): PolicyRecord {
  return {
    id: row.id,
    name: row.name,
    position: Number(row.position),
    active: Boolean(row.active),
    isDefault: Boolean(row.isDefault),
    conditions: parse<PolicyConditions>(row.conditions) ?? {},
    calendarId: row.calendarId,
    targets: { firstResponse: parse(row.firstResponse), nextResponse: parse(row.nextResponse), resolution: parse(row.resolution) },
    warningShare: row.warningShare === null ? null : Number(row.warningShare),
    notifyAnytime: Boolean(row.notifyAnytime),
    createdAt: row.createdAt,
    updatedAt: row.updatedAt,
  };
}

const compiledCache = new Map<string, { updatedAt: string; calendar: CompiledCalendar }>();

/**
 * A stored calendar compiled for arithmetic, cached by id and version: compiled days are reused
 * across requests, and an edited calendar (new updated_at) is compiled afresh.
 */
export function compileCalendarRow(row: Pick<CalendarRow, 'id' | 'updatedAt' | 'definition'>): CompiledCalendar {
  const hit = compiledCache.get(row.id);
  if (hit && hit.updatedAt === row.updatedAt) return hit.calendar;
  const calendar = new CompiledCalendar(JSON.parse(row.definition) as CalendarDefinition);
  if (compiledCache.size > 1000) compiledCache.clear();
  compiledCache.set(row.id, { updatedAt: row.updatedAt, calendar });
  return calendar;
}

/** Everything SLA computations read besides the ticket: policies, calendars, teams' calendars. */
export interface SlaSetup {
  policies: PolicyRecord[];
  calendars: Map<string, { name: string; timeZone: string; calendar: CompiledCalendar }>;
  defaultCalendarId: string | null;
  groupCalendars: Map<string, string | null>;
  /** The setting's warning share (policies may override it). */
  warningShare: number;
}

const SETUP_TTL_MS = 5000;
const setupCache = new WeakMap<Kysely<DB>, { loadedAt: number; setup: SlaSetup }>();

/** Loads the setup through an executor (inside a transaction, pass the transaction). */
export async function loadSlaSetup(executor: Executor, warningShare: number): Promise<SlaSetup> {
  const [policyRows, heads, groups] = [await listPolicies(executor), await listCalendarHeads(executor), await groupCalendars(executor)];
  const calendars: SlaSetup['calendars'] = new Map();
  for (const head of heads) {
    const hit = compiledCache.get(head.id);
    const calendar = hit && hit.updatedAt === head.updatedAt ? hit.calendar : compileCalendarRow((await findCalendar(executor, head.id))!);
    calendars.set(head.id, { name: head.name, timeZone: head.timeZone, calendar });
  }
  return {
    policies: policyRows.map(policyRecord),
    calendars,
    defaultCalendarId: heads.find((h) => h.isDefault)?.id ?? null,
    groupCalendars: groups,
    warningShare,
  };
}

/**
 * The setup, cached per database for a few seconds: policies and calendars change rarely and are
 * read on every ticket change. Admin changes in this process drop the cache at once
 * (invalidateSlaSetup); other nodes see them within the cache's lifetime.
 */
export async function slaSetup(deps: Pick<ServiceDeps, 'db' | 'config'>, executor: Executor = deps.db): Promise<SlaSetup> {
  const hit = setupCache.get(deps.db);
  if (hit && performance.now() - hit.loadedAt < SETUP_TTL_MS) return hit.setup;
  const setup = await loadSlaSetup(executor, deps.config.slaWarningShare);
  setupCache.set(deps.db, { loadedAt: performance.now(), setup });
  return setup;
}

/** Drops the cached setup of a database (after an admin change to policies, calendars or teams). */
export function invalidateSlaSetup(db: Kysely<DB>): void {
  setupCache.delete(db);
}

/** The calendar a ticket's clock runs on: the policy's, else the team's, else the default. */
export function resolveCalendarId(setup: SlaSetup, policy: PolicyRecord | null, groupId: string | null): string | null {
  const candidates = [policy?.calendarId ?? null, groupId ? (setup.groupCalendars.get(groupId) ?? null) : null, setup.defaultCalendarId];
  return candidates.find((id) => id !== null && setup.calendars.has(id)) ?? null;
}
