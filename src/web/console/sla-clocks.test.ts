import { describe, expect, it } from 'vitest';
import type { SlaTargetState, TicketSla } from '../../contracts/sla.js';
import type { TicketDto } from '../../contracts/tickets.js';
import { formatMinutes, runningTarget } from './sla-clocks.js';

const target = (t: Partial<SlaTargetState>): SlaTargetState => ({ dueAt: null, metAt: null, breachedAt: null, breached: false, paused: false, remainingBusinessMinutes: null, ...t });
const withSla = (s: Partial<TicketSla>): TicketDto => ({ id: 't', sla: { policyId: 'p', calendarId: 'c', paused: false, pausedSince: null, firstResponse: null, nextResponse: null, resolution: null, ...s } }) as TicketDto;

describe('formatMinutes: business time left, in the locale', () => {
  it.each([
    ['en', 45, '45 min'],
    ['en', 60, '1 hr'],
    ['en', 125, '2 hr 5 min'],
    ['en', -95, '1 hr 35 min'],
    ['fr', 125, '2 h 5 min'],
    ['ru', 125, '2 ч 5 мин'],
  ])('%s %d → %s', (locale, minutes, expected) => {
    expect(formatMinutes(locale, minutes).replace(/\s/g, ' ')).toBe(expected);
  });
});

describe('runningTarget: the target to watch', () => {
  it('is null without an SLA or when everything is met', () => {
    expect(runningTarget({ id: 't' } as TicketDto)).toBeNull();
    expect(runningTarget(withSla({ firstResponse: target({ dueAt: '2027-03-01T10:00:00Z', metAt: '2027-03-01T09:00:00Z' }) }))).toBeNull();
  });
  it('is the earliest unmet target with a due time', () => {
    const tk = withSla({
      firstResponse: target({ dueAt: '2027-03-01T10:00:00Z', metAt: '2027-03-01T09:00:00Z' }),
      nextResponse: target({ dueAt: '2027-03-03T10:00:00Z', remainingBusinessMinutes: 300 }),
      resolution: target({ dueAt: '2027-03-02T17:00:00Z', remainingBusinessMinutes: 120 }),
    });
    expect(runningTarget(tk)?.name).toBe('resolution');
    expect(runningTarget(withSla({ resolution: target({}), nextResponse: target({ dueAt: '2027-03-03T10:00:00Z' }) }))?.name).toBe('nextResponse');
  });
});
