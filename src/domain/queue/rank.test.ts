import { describe, expect, it } from 'vitest';
import { DEFAULT_FAIR_USE_POLICY, fairUsePenalty, scoreFairUse } from '../fair-use/score.js';
import { compareRank, nextDue, queueKey, rankReasons, rankTickets, type RankFacts } from './rank.js';

const NO_SLA = { firstResponseDueAt: null, firstResponseMetAt: null, nextResponseDueAt: null, nextResponseMetAt: null, resolutionDueAt: null, resolutionMetAt: null };
const t = (id: string, over: Partial<RankFacts> = {}): RankFacts => ({
  id, state: 'open', tier: 'standard', fairUsePenalty: 0, createdAt: '2027-03-01T09:00:00.000Z', ...NO_SLA, ...over,
});

/** A customer well above the fair-use threshold: 20 messages on one ticket. */
const abuser = scoreFairUse({ messagesPerTicket: [20], messagesPerDay: [20], tickets: 1, answeredByDocumentation: 0, stepsNotFollowed: 0 }, DEFAULT_FAIR_USE_POLICY);

const CASES: Array<{ name: string; tickets: RankFacts[]; order: string[] }> = [
  { name: 'premium > direct > contract > standard', tickets: [t('s', { tier: 'standard' }), t('c', { tier: 'contract' }), t('p', { tier: 'premium' }), t('d', { tier: 'direct' })], order: ['p', 'd', 'c', 's'] },
  { name: 'a premium ticket filed last still comes first', tickets: [t('s1'), t('s2', { createdAt: '2027-03-01T08:00:00Z' }), t('p', { tier: 'premium', createdAt: '2027-03-02T09:00:00Z' })], order: ['p', 's2', 's1'] },
  { name: 'first come, first served within a tier', tickets: [t('late', { createdAt: '2027-03-01T10:00:00Z' }), t('early', { createdAt: '2027-03-01T08:00:00Z' }), t('mid')], order: ['early', 'mid', 'late'] },
  { name: 'same arrival instant: the id breaks the tie', tickets: [t('b'), t('a'), t('c')], order: ['a', 'b', 'c'] },
  { name: 'the earlier due time first, whatever the arrival', tickets: [t('x', { createdAt: '2027-03-01T08:00:00Z', firstResponseDueAt: '2027-03-02T12:00:00Z' }), t('y', { createdAt: '2027-03-01T10:00:00Z', firstResponseDueAt: '2027-03-01T13:00:00Z' })], order: ['y', 'x'] },
  { name: 'tickets without a due time after dated ones', tickets: [t('none', { createdAt: '2027-03-01T07:00:00Z' }), t('dated', { resolutionDueAt: '2027-03-09T12:00:00Z' })], order: ['dated', 'none'] },
  { name: 'a met target no longer counts', tickets: [t('met', { firstResponseDueAt: '2027-03-01T10:00:00Z', firstResponseMetAt: '2027-03-01T09:30:00Z', resolutionDueAt: '2027-03-05T10:00:00Z' }), t('due', { resolutionDueAt: '2027-03-03T10:00:00Z' })], order: ['due', 'met'] },
  { name: 'fair-use penalty: after the others of the same tier, even when filed earlier', tickets: [t('penalized', { fairUsePenalty: 1, createdAt: '2027-03-01T07:00:00Z' }), t('polite')], order: ['polite', 'penalized'] },
  { name: 'fair-use penalty: before a lower tier', tickets: [t('contract-penalized', { tier: 'contract', fairUsePenalty: 1 }), t('standard')], order: ['contract-penalized', 'standard'] },
  { name: 'fair-use penalty beats an earlier due time', tickets: [t('penalized', { fairUsePenalty: 1, firstResponseDueAt: '2027-03-01T10:00:00Z' }), t('polite', { firstResponseDueAt: '2027-03-04T10:00:00Z' })], order: ['polite', 'penalized'] },
  { name: 'two penalized tickets keep first come, first served', tickets: [t('p2', { fairUsePenalty: 1, createdAt: '2027-03-01T10:00:00Z' }), t('p1', { fairUsePenalty: 1, createdAt: '2027-03-01T08:00:00Z' })], order: ['p1', 'p2'] },
  { name: 'an exempted customer above the threshold is not penalized', tickets: [t('exempt', { fairUsePenalty: fairUsePenalty({ aboveThreshold: abuser.aboveThreshold, exempt: true }), createdAt: '2027-03-01T07:00:00Z' }), t('other')], order: ['exempt', 'other'] },
  { name: 'the same customer without exemption is', tickets: [t('abuser', { fairUsePenalty: fairUsePenalty({ aboveThreshold: abuser.aboveThreshold, exempt: false }), createdAt: '2027-03-01T07:00:00Z' }), t('other')], order: ['other', 'abuser'] },
  { name: 'pending, solved and closed tickets are not in the queue', tickets: [t('p', { state: 'pending' }), t('s', { state: 'solved' }), t('c', { state: 'closed' }), t('n', { state: 'new' })], order: ['n'] },
  { name: 'an unknown tier counts as standard', tickets: [t('weird', { tier: 'gold', createdAt: '2027-03-01T07:00:00Z' }), t('c', { tier: 'contract' })], order: ['c', 'weird'] },
];

describe('queue rank', () => {
  it.each(CASES)('$name', ({ tickets, order }) => {
    expect(rankTickets(tickets).map((r) => r.ticket.id)).toEqual(order);
  });

  it.each(CASES)('sorting the stored keys gives the same order: $name', ({ tickets, order }) => {
    const keyed = tickets.map((x) => ({ id: x.id, key: queueKey(x) })).filter((x) => x.key !== null);
    keyed.sort((a, b) => (a.key! < b.key! ? -1 : a.key! > b.key! ? 1 : a.id < b.id ? -1 : 1));
    expect(keyed.map((x) => x.id)).toEqual(order);
  });

  it('gives each ticket its reasons in the order they count', () => {
    const r = rankReasons(t('x', { tier: 'contract', fairUsePenalty: 1, nextResponseDueAt: '2027-03-02T10:00:00+01:00' }));
    expect(r).toEqual([
      { kind: 'tier', tier: 'contract', order: 2 },
      { kind: 'fair_use', penalty: 1 },
      { kind: 'due', at: '2027-03-02T09:00:00.000Z', target: 'next_response' },
      { kind: 'arrival', at: '2027-03-01T09:00:00.000Z' },
    ]);
    expect(rankReasons(t('y'))[2]).toEqual({ kind: 'no_due' });
  });

  it('the next due time is the earliest unmet one', () => {
    expect(nextDue({ ...NO_SLA, firstResponseDueAt: '2027-03-03T00:00:00Z', resolutionDueAt: '2027-03-02T00:00:00Z' })).toEqual({ at: '2027-03-02T00:00:00.000Z', target: 'resolution' });
    expect(nextDue(NO_SLA)).toBeNull();
  });

  it('numbers positions from 1', () => {
    expect(rankTickets([t('a'), t('b', { tier: 'premium' })]).map((r) => r.position)).toEqual([1, 2]);
    expect(compareRank(t('a'), t('a'))).toBe(0);
  });
});
