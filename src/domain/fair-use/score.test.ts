import { describe, expect, it } from 'vitest';
import { DEFAULT_FAIR_USE_POLICY as P, fairUsePenalty, scoreFairUse, type CustomerActivity } from './score.js';

const quiet: CustomerActivity = { messagesPerTicket: [2, 3], messagesPerDay: [2, 3], tickets: 2, answeredByDocumentation: 0, stepsNotFollowed: 0 };

describe('fair-use score', () => {
  it.each([
    { name: 'a quiet customer', a: quiet, score: 0, above: false },
    { name: 'messages at the norm do not count', a: { ...quiet, messagesPerTicket: [8], messagesPerDay: [15] }, score: 0, above: false },
    { name: 'each message above the norm on a ticket counts 1', a: { ...quiet, messagesPerTicket: [12, 9] }, score: 5, above: false },
    { name: 'each message above the daily norm counts 1', a: { ...quiet, messagesPerDay: [20, 16] }, score: 6, above: false },
    { name: 'many messages: above the threshold', a: { ...quiet, messagesPerTicket: [20], messagesPerDay: [20] }, score: 17, above: true },
    { name: 'documentation share above the norm (4 of 6, norm 34 %)', a: { ...quiet, tickets: 6, answeredByDocumentation: 4 }, score: 5.88, above: false },
    { name: 'documentation share ignored below the minimum number of tickets', a: { ...quiet, tickets: 2, answeredByDocumentation: 2 }, score: 0, above: false },
    { name: 'steps not followed count 4 each', a: { ...quiet, stepsNotFollowed: 3 }, score: 12, above: true },
    { name: 'exactly at the threshold is not above it', a: { ...quiet, messagesPerTicket: [18] }, score: 10, above: false },
  ])('$name', ({ a, score, above }) => {
    const r = scoreFairUse(a, P);
    expect(r.score).toBe(score);
    expect(r.aboveThreshold).toBe(above);
    expect(r.factors.reduce((s, f) => s + f.points, 0)).toBeCloseTo(score, 2);
  });

  it('shows every factor with its numbers', () => {
    const r = scoreFairUse({ messagesPerTicket: [11], messagesPerDay: [11], tickets: 3, answeredByDocumentation: 3, stepsNotFollowed: 1 }, P);
    expect(r.factors).toEqual([
      { name: 'messages_per_ticket', value: 11, norm: 8, excess: 3, weight: 1, points: 3 },
      { name: 'messages_per_day', value: 11, norm: 15, excess: 0, weight: 1, points: 0 },
      { name: 'documentation', value: 1, norm: 0.34, excess: 1.98, weight: 3, points: 5.94 },
      { name: 'steps_not_followed', value: 1, norm: 0, excess: 1, weight: 4, points: 4 },
    ]);
  });

  it.each([
    [true, false, 1],
    [true, true, 0],
    [false, false, 0],
    [false, true, 0],
  ])('above=%s exempt=%s → penalty %i', (aboveThreshold, exempt, penalty) => {
    expect(fairUsePenalty({ aboveThreshold, exempt })).toBe(penalty);
  });
});
