import type { SlaTargetState, TicketSla } from '../../../contracts/sla.js';
import type { BusinessClock } from '../../../domain/sla/compiled-calendar.js';
import { targetClock } from '../../../domain/sla/due-dates.js';
import { remainingBusinessMs, TARGET_NAMES, type TargetName } from '../../../domain/sla/ticket-sla.js';
import type { TicketRow } from '../../repositories/tickets.repository.js';
import type { ServiceDeps } from '../deps.js';
import type { SlaColumn } from './sla-plan.js';
import { slaSetup, type SlaSetup } from './sla-setup.js';

type SlaRow = Pick<TicketRow, 'state' | SlaColumn>;

function targetState(row: SlaRow, name: TargetName, clock: BusinessClock | null, now: number): SlaTargetState | null {
  const dueAt = row[`${name}DueAt`];
  const metAt = row[`${name}MetAt`];
  const breachedAt = row[`${name}BreachedAt`];
  if (dueAt === null && metAt === null && breachedAt === null) return null;
  const stopped = row.state === 'solved' || row.state === 'closed';
  const paused = metAt === null && (stopped || (name !== 'nextResponse' && row.slaPausedAt !== null));
  const pausedSince = paused ? (name !== 'nextResponse' && row.slaPausedAt !== null ? Date.parse(row.slaPausedAt) : null) : null;
  const remaining = metAt === null && dueAt !== null && clock && !(paused && pausedSince === null) ? remainingBusinessMs(clock, now, Date.parse(dueAt), pausedSince) / 60_000 : null;
  return { dueAt, metAt, breachedAt, breached: breachedAt !== null, paused, remainingBusinessMinutes: remaining === null ? null : Math.round(remaining * 100) / 100 };
}

/** A ticket's SLA for the API, from its row (remaining business time counted on its calendar at `now`). */
export function presentSla(row: SlaRow, setup: SlaSetup, now: number): TicketSla | undefined {
  if (row.slaPolicyId === null && TARGET_NAMES.every((n) => row[`${n}BreachedAt`] === null)) return undefined;
  const calendar = row.slaCalendarId ? (setup.calendars.get(row.slaCalendarId)?.calendar ?? null) : null;
  const policy = setup.policies.find((p) => p.id === row.slaPolicyId);
  const clockOf = (name: TargetName): BusinessClock | null => {
    const target = policy?.targets[name];
    return calendar ? (target ? targetClock(calendar, target) : calendar) : null;
  };
  return {
    policyId: row.slaPolicyId,
    calendarId: row.slaCalendarId,
    paused: row.slaPausedAt !== null,
    pausedSince: row.slaPausedAt,
    firstResponse: targetState(row, 'firstResponse', clockOf('firstResponse'), now),
    nextResponse: targetState(row, 'nextResponse', clockOf('nextResponse'), now),
    resolution: targetState(row, 'resolution', clockOf('resolution'), now),
  };
}

/** Loads what presenting SLAs needs (cached) and returns a presenter for ticket rows. */
export async function slaPresenter(deps: ServiceDeps): Promise<(row: SlaRow) => TicketSla | undefined> {
  const setup = await slaSetup(deps);
  const now = deps.clock.now().getTime();
  return (row) => presentSla(row, setup, now);
}
