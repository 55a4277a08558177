import { describe, expect, it } from 'vitest';
import type { TicketDto } from '../../contracts/tickets.js';
import { slaOf } from './sla.js';

const ticket = { id: 't', number: 'GU-2027-000001', state: 'open' } as TicketDto;

describe('slaOf: the expected response, once the SLA area sends it', () => {
  it('is empty while tickets carry no sla field', () => {
    expect(slaOf(ticket)).toBeNull();
  });
  it.each([
    [{ firstResponseDueAt: '2027-03-01T15:00:00Z' }, { responseDueAt: '2027-03-01T15:00:00Z', breached: false }],
    [{ firstResponseDueAt: null, nextResponseDueAt: '2027-03-02T09:00:00Z' }, { responseDueAt: '2027-03-02T09:00:00Z', breached: false }],
    [{ firstResponseDueAt: '2027-03-01T15:00:00Z', firstResponseBreachedAt: '2027-03-01T15:00:00Z' }, { responseDueAt: '2027-03-01T15:00:00Z', breached: true }],
    [{ firstResponseDueAt: null, nextResponseDueAt: null }, null],
  ])('reads %j', (sla, expected) => {
    expect(slaOf({ ...ticket, sla } as TicketDto)).toEqual(expected);
  });
});
