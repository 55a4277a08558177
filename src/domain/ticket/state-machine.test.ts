import { describe, expect, it } from 'vitest';
import { nextStates, transition, type PendingReason, type TicketState, type TransitionActor } from './state-machine.js';

type Row = [TicketState, TicketState, PendingReason | null, TransitionActor, string];

const cases: Row[] = [
  ['new', 'open', null, 'agent', 'ok'],
  ['new', 'pending', 'waiting_for_customer', 'agent', 'ok'],
  ['new', 'pending', null, 'agent', 'pending_reason_required'],
  ['new', 'solved', null, 'agent', 'ok'],
  ['new', 'closed', null, 'agent', 'illegal_transition'],
  ['new', 'new', null, 'agent', 'illegal_transition'],
  ['open', 'pending', 'cannot_reproduce', 'agent', 'ok'],
  ['open', 'pending', 'needs_diagnostics', 'agent', 'ok'],
  ['open', 'pending', 'awaiting_product_update', 'agent', 'ok'],
  ['open', 'solved', null, 'agent', 'ok'],
  ['open', 'closed', null, 'agent', 'illegal_transition'],
  ['open', 'new', null, 'agent', 'illegal_transition'],
  ['open', 'open', null, 'agent', 'illegal_transition'],
  ['open', 'solved', 'waiting_for_customer', 'agent', 'reason_not_allowed'],
  ['pending', 'open', null, 'agent', 'ok'],
  ['pending', 'solved', null, 'agent', 'ok'],
  ['pending', 'closed', null, 'agent', 'illegal_transition'],
  ['pending', 'new', null, 'agent', 'illegal_transition'],
  ['solved', 'closed', null, 'agent', 'ok'],
  ['solved', 'open', null, 'agent', 'ok'],
  ['solved', 'pending', 'waiting_for_customer', 'agent', 'illegal_transition'],
  ['solved', 'new', null, 'agent', 'illegal_transition'],
  ['closed', 'open', null, 'agent', 'ok'],
  ['closed', 'solved', null, 'agent', 'illegal_transition'],
  ['closed', 'pending', 'waiting_for_customer', 'agent', 'illegal_transition'],
  ['new', 'solved', null, 'customer', 'ok'],
  ['open', 'solved', null, 'customer', 'ok'],
  ['pending', 'solved', null, 'customer', 'ok'],
  ['solved', 'open', null, 'customer', 'ok'],
  ['solved', 'closed', null, 'customer', 'ok'],
  ['new', 'open', null, 'customer', 'illegal_transition'],
  ['open', 'pending', 'waiting_for_customer', 'customer', 'illegal_transition'],
  ['closed', 'open', null, 'customer', 'illegal_transition'],
];

describe('ticket state machine', () => {
  it.each(cases)('%s → %s (reason %s, %s) is %s', (from, to, reason, actor, expected) => {
    const r = transition({ from, to, reason, actor, currentReason: null });
    expect(r.ok ? 'ok' : r.reason).toBe(expected);
    if (r.ok) {
      expect(r.state).toBe(to);
      expect(r.pendingReason).toBe(to === 'pending' ? reason : null);
    }
  });

  it('changes the reason of a pending ticket, but not to the same reason', () => {
    const base = { from: 'pending' as const, to: 'pending' as const, actor: 'agent' as const, currentReason: 'waiting_for_customer' as const };
    expect(transition({ ...base, reason: 'cannot_reproduce' }).ok).toBe(true);
    expect(transition({ ...base, reason: 'waiting_for_customer' })).toMatchObject({ ok: false, reason: 'illegal_transition' });
  });

  it.each([
    ['solved', true],
    ['closed', true],
    ['pending', false],
  ] as const)('marks a move from %s to open as a reopen: %s', (from, reopened) => {
    const r = transition({ from, to: 'open', actor: 'agent', currentReason: null });
    expect(r).toMatchObject({ ok: true, reopened });
  });

  it('lists next states per actor', () => {
    expect(nextStates('closed', 'customer')).toEqual([]);
    expect(nextStates('open', 'agent')).toEqual(['pending', 'solved']);
  });
});
