import { describe, expect, it } from 'vitest';
import { MOSCOW, PARIS, PRIORITY } from '../../../test/fixtures/sla-calendars.js';
import { CompiledCalendar, formatInZone } from './compiled-calendar.js';
import type { SlaTarget } from './due-dates.js';
import { buildTimeline, type StateChange } from './pauses.js';
import { selectPolicy, type TicketFacts } from './select-policy.js';
import { computeTicketSla, remainingBusinessMs, type TargetName, type TicketSlaInput } from './ticket-sla.js';

const paris = new CompiledCalendar(PARIS);
const moscow = new CompiledCalendar(MOSCOW);
const t = (iso: string): number => Date.parse(iso);
const fmt = (cal: CompiledCalendar, ms: number | null | undefined): string | null => (ms == null ? null : formatInZone(ms, cal.zone));

interface Scenario {
  calendar?: CompiledCalendar;
  targets: Partial<Record<TargetName, SlaTarget>>;
  created: string;
  changes?: Array<[string, string | undefined, string | null | undefined]>;
  messages?: Array<[string, 'customer' | 'agent']>;
  moves?: Array<[string, string]>;
  state?: [string, string | null];
}

function input(s: Scenario): TicketSlaInput {
  const changes: StateChange[] = (s.changes ?? []).map(([at, state, pendingReason]) => ({
    at: t(at),
    ...(state !== undefined ? { state } : {}),
    ...(pendingReason !== undefined ? { pendingReason } : {}),
  }));
  const timeline = buildTimeline(t(s.created), changes, {
    state: s.state?.[0] ?? 'open',
    pendingReason: s.state?.[1] ?? null,
    updatedAt: t(s.created),
  });
  return {
    calendar: s.calendar ?? paris,
    targets: { firstResponse: s.targets.firstResponse ?? null, nextResponse: s.targets.nextResponse ?? null, resolution: s.targets.resolution ?? null },
    createdAt: t(s.created),
    timeline,
    messages: [['created', 'customer'] as [string, 'customer'], ...(s.messages ?? [])].map(([at, from]) => ({ at: at === 'created' ? t(s.created) : t(at), from })),
    moves: (s.moves ?? []).map(([at, dueAt]) => ({ at: t(at), dueAt: t(dueAt) })),
    warningShare: 0.8,
  };
}

const fr240: Partial<Record<TargetName, SlaTarget>> = { firstResponse: { kind: 'business_minutes', minutes: 240 } };
const created = '2027-05-10T09:00:00+02:00';

describe('first response', () => {
  it.each([
    ['runs from creation; warning at 80 %', { targets: fr240, created }, '2027-05-10T10:00:00+02:00', { dueAt: '2027-05-10T15:00:00+02:00', warningAt: '2027-05-10T14:12:00+02:00', metAt: null, breachedAt: null, pausedSince: null }],
    ['met by the first public reply', { targets: fr240, created, messages: [['2027-05-10T11:00:00+02:00', 'agent']] }, '2027-05-10T12:00:00+02:00', { dueAt: '2027-05-10T15:00:00+02:00', metAt: '2027-05-10T11:00:00+02:00', breachedAt: null, warningAt: null }],
    ['paused while waiting for the customer, resumed later', { targets: fr240, created, changes: [['2027-05-10T10:00:00+02:00', 'pending', 'waiting_for_customer'], ['2027-05-10T14:30:00+02:00', 'open', null]] }, '2027-05-10T15:00:00+02:00', { dueAt: '2027-05-10T17:30:00+02:00', pausedSince: null, breachedAt: null }],
    ['still paused: due frozen, no warning, paused since', { targets: fr240, created, state: ['pending', 'waiting_for_customer'], changes: [['2027-05-10T10:00:00+02:00', 'pending', 'waiting_for_customer']] }, '2027-05-10T16:00:00+02:00', { dueAt: '2027-05-10T15:00:00+02:00', pausedSince: '2027-05-10T10:00:00+02:00', warningAt: null, breachedAt: null }],
    ['breached when due passes unanswered', { targets: fr240, created }, '2027-05-10T15:00:00+02:00', { breachedAt: '2027-05-10T15:00:00+02:00' }],
    ['a breach stays recorded when the reply comes late', { targets: fr240, created, messages: [['2027-05-10T16:00:00+02:00', 'agent']] }, '2027-05-10T17:00:00+02:00', { metAt: '2027-05-10T16:00:00+02:00', breachedAt: '2027-05-10T15:00:00+02:00' }],
    ['solving without a reply stops the clock', { targets: fr240, created, state: ['solved', null], changes: [['2027-05-10T10:00:00+02:00', 'solved', null]] }, '2027-05-11T10:00:00+02:00', { pausedSince: '2027-05-10T10:00:00+02:00', breachedAt: null, warningAt: null }],
  ] as Array<[string, Scenario, string, Record<string, string | null>]>)('%s', (_label, scenario, now, expected) => {
    const r = computeTicketSla(input(scenario), t(now)).firstResponse!;
    const shown = Object.fromEntries(Object.keys(expected).map((k) => [k, fmt(paris, r[k as keyof typeof r])]));
    expect(shown).toEqual(expected);
  });
});

describe('next response', () => {
  const targets: Partial<Record<TargetName, SlaTarget>> = { nextResponse: { kind: 'business_minutes', minutes: 60 } };
  it.each([
    ['none before the first reply', [], null],
    ['due an hour after the first unanswered customer message', [['2027-05-10T09:30:00+02:00', 'agent'], ['2027-05-10T10:00:00+02:00', 'customer'], ['2027-05-10T10:10:00+02:00', 'customer']], { dueAt: '2027-05-10T11:00:00+02:00', metAt: null }],
    ['met by the next reply', [['2027-05-10T09:30:00+02:00', 'agent'], ['2027-05-10T10:00:00+02:00', 'customer'], ['2027-05-10T10:50:00+02:00', 'agent']], { dueAt: '2027-05-10T11:00:00+02:00', metAt: '2027-05-10T10:50:00+02:00' }],
    ['a message at the end of the day is due next morning', [['2027-05-10T09:30:00+02:00', 'agent'], ['2027-05-10T17:45:00+02:00', 'customer']], { dueAt: '2027-05-11T09:45:00+02:00', metAt: null }],
  ] as Array<[string, Array<[string, 'customer' | 'agent']>, Record<string, string | null> | null]>)('%s', (_label, messages, expected) => {
    const r = computeTicketSla(input({ targets, created, messages }), t('2027-05-10T18:00:00+02:00')).nextResponse;
    expect(r ? { dueAt: fmt(paris, r.dueAt), metAt: fmt(paris, r.metAt) } : null).toEqual(expected);
  });
});

describe('resolution', () => {
  it('is met when solved, and a reopening restarts it', () => {
    const s: Scenario = {
      targets: { resolution: { kind: 'business_minutes', minutes: 480 } },
      created,
      state: ['open', null],
      changes: [['2027-05-10T11:00:00+02:00', 'solved', null], ['2027-05-11T10:00:00+02:00', 'open', null]],
    };
    const r = computeTicketSla(input(s), t('2027-05-11T10:00:00+02:00')).resolution!;
    expect({ start: fmt(paris, r.start), dueAt: fmt(paris, r.dueAt), metAt: r.metAt }).toEqual({ start: '2027-05-11T10:00:00+02:00', dueAt: '2027-05-12T11:00:00+02:00', metAt: null });
    const solved = computeTicketSla(input({ ...s, state: ['solved', null], changes: [['2027-05-10T11:00:00+02:00', 'solved', null]] }), t('2027-05-10T12:00:00+02:00')).resolution!;
    expect(fmt(paris, solved.metAt)).toBe('2027-05-10T11:00:00+02:00');
  });

  it.each([
    ['48 business-day hours on Moscow', [], [], '2027-05-19T10:00:00+03:00'],
    ['moved by an agent (cannot reproduce) to a date with a reason', [['2027-05-18T09:00:00+03:00', 'pending', 'cannot_reproduce']], [['2027-05-18T09:00:00+03:00', '2027-05-24T12:00:00+03:00']], '2027-05-24T12:00:00+03:00'],
    [
      'moved, then paused a whole day waiting for the customer: the moved date moves a day',
      [['2027-05-18T09:00:00+03:00', 'pending', 'cannot_reproduce'], ['2027-05-19T10:00:00+03:00', 'pending', 'waiting_for_customer'], ['2027-05-20T10:00:00+03:00', 'open', null]],
      [['2027-05-18T09:00:00+03:00', '2027-05-24T12:00:00+03:00']],
      '2027-05-25T12:00:00+03:00',
    ],
    ['the latest move wins', [], [['2027-05-18T09:00:00+03:00', '2027-05-24T12:00:00+03:00'], ['2027-05-20T09:00:00+03:00', '2027-05-21T17:00:00+03:00']], '2027-05-21T17:00:00+03:00'],
  ] as Array<[string, Array<[string, string, string | null]>, Array<[string, string]>, string]>)('%s', (_label, changes, moves, expected) => {
    const s: Scenario = { calendar: moscow, targets: { resolution: { kind: 'business_day_hours', hours: 48 } }, created: '2027-05-17T10:00:00+03:00', changes, moves, state: ['open', null] };
    expect(fmt(moscow, computeTicketSla(input(s), t('2027-05-20T12:00:00+03:00')).resolution!.dueAt)).toBe(expected);
  });

  it('uses the cut-off rule on the eve of a holiday', () => {
    const s: Scenario = { targets: { resolution: { kind: 'same_business_day', before: '16:00' } }, created: '2027-05-05T16:30:00+02:00' };
    expect(fmt(paris, computeTicketSla(input(s), t('2027-05-05T17:00:00+02:00')).resolution!.dueAt)).toBe('2027-05-07T18:00:00+02:00');
  });
});

describe('remaining business time', () => {
  it.each([
    ['before the due date', '2027-05-10T10:00:00+02:00', null, 240],
    ['frozen while paused', '2027-05-11T10:00:00+02:00', '2027-05-10T11:00:00+02:00', 180],
    ['negative once overdue', '2027-05-10T17:00:00+02:00', null, -60],
  ] as Array<[string, string, string | null, number]>)('%s', (_label, now, pausedSince, minutes) => {
    expect(remainingBusinessMs(paris, t(now), t('2027-05-10T16:00:00+02:00'), pausedSince ? t(pausedSince) : null) / 60_000).toBe(minutes);
  });
});

describe('policy selection', () => {
  const policies = [
    { id: 'default', position: 0, isDefault: true, active: true, conditions: {} },
    { id: 'premium', position: 1, isDefault: false, active: true, conditions: { premium: true } },
    { id: 'urgent', position: 2, isDefault: false, active: true, conditions: { priorities: ['urgent'] } },
    { id: 'contract', position: 3, isDefault: false, active: true, conditions: { planCodes: ['contract'] } },
    { id: 'direct-phone', position: 4, isDefault: false, active: true, conditions: { planCodes: ['direct'], channels: ['phone'] } },
    { id: 'retired', position: 0, isDefault: false, active: false, conditions: {} },
  ];
  const base: TicketFacts = { planCode: null, priority: 'normal', criticality: null, channel: 'web', organizationId: null, tier: 'standard', premium: false };
  it.each([
    ['nothing special → default', {}, 'default'],
    ['premium request → premium', { premium: true, planCode: 'contract' }, 'premium'],
    ['urgent priority → urgent', { priority: 'urgent' }, 'urgent'],
    ['contract plan → contract', { planCode: 'contract' }, 'contract'],
    ['direct plan by phone → direct-phone', { planCode: 'direct', channel: 'phone' }, 'direct-phone'],
    ['direct plan on the web → default (all conditions must hold)', { planCode: 'direct' }, 'default'],
  ] as Array<[string, Partial<TicketFacts>, string]>)('%s', (_label, facts, expected) => {
    expect(selectPolicy(policies, { ...base, ...facts })?.id).toBe(expected);
  });

  it('answers none when no policy matches and there is no default', () => {
    expect(selectPolicy(policies.filter((p) => !p.isDefault), base)).toBeNull();
  });

  it('runs premium tickets on the wider calendar (Sunday)', () => {
    const wide = new CompiledCalendar(PRIORITY);
    const s: Scenario = { calendar: wide, targets: { firstResponse: { kind: 'business_minutes', minutes: 60 } }, created: '2027-06-06T10:00:00+02:00' };
    expect(fmt(wide, computeTicketSla(input(s), t('2027-06-06T10:00:00+02:00')).firstResponse!.dueAt)).toBe('2027-06-06T11:00:00+02:00');
  });
});
