import { describe, expect, it } from 'vitest';
import type { TicketDto } from '../../contracts/tickets.js';
import type { SlaTargetState, TicketSla } from '../../contracts/sla.js';
import { slaOf } from './sla.js';

const ticket = { id: 't', number: 'GU-2027-000001', state: 'open' } as TicketDto;
const target = (t: Partial<SlaTargetState>): SlaTargetState => ({ dueAt: null, metAt: null, breachedAt: null, breached: false, paused: false, remainingBusinessMinutes: null, ...t });
const sla = (s: Partial<TicketSla>): TicketSla => ({ policyId: 'p', calendarId: 'c', paused: false, pausedSince: null, firstResponse: null, nextResponse: null, resolution: null, ...s });

describe('slaOf: the expected response of a ticket', () => {
  it('is empty when the ticket carries no sla', () => {
    expect(slaOf(ticket)).toBeNull();
  });
  it.each([
    ['first response running', sla({ firstResponse: target({ dueAt: '2027-03-01T15:00:00Z' }) }), { responseDueAt: '2027-03-01T15:00:00Z', breached: false, paused: false }],
    ['first met, next running', sla({ firstResponse: target({ dueAt: 'x', metAt: 'y' }), nextResponse: target({ dueAt: '2027-03-02T09:00:00Z' }) }), { responseDueAt: '2027-03-02T09:00:00Z', breached: false, paused: false }],
    ['breached', sla({ firstResponse: target({ dueAt: '2027-03-01T15:00:00Z', breachedAt: '2027-03-01T15:00:00Z', breached: true }) }), { responseDueAt: '2027-03-01T15:00:00Z', breached: true, paused: false }],
    ['paused', sla({ paused: true, firstResponse: target({ dueAt: '2027-03-01T15:00:00Z' }) }), { responseDueAt: '2027-03-01T15:00:00Z', breached: false, paused: true }],
    ['everything met', sla({ firstResponse: target({ dueAt: 'x', metAt: 'y' }) }), null],
  ])('%s', (_name, value, expected) => {
    expect(slaOf({ ...ticket, sla: value })).toEqual(expected);
  });
});
