/** The norms and weights admins set for the fair-use policy. */
export interface FairUsePolicy {
  /** Sliding window of recent behaviour, in days. */
  windowDays: number;
  /** Customer messages on one ticket above which each extra one counts. */
  messagesPerTicketNorm: number;
  /** Customer messages in one day above which each extra one counts. */
  messagesPerDayNorm: number;
  /** Share (0..1) of tickets answered by the documentation that is normal. */
  documentationShareNorm: number;
  /** The documentation share counts only from this many tickets in the window. */
  documentationMinTickets: number;
  /** Points per unit of excess of each factor. */
  weights: { messagesPerTicket: number; messagesPerDay: number; documentation: number; stepsNotFollowed: number };
  /** A score above this lowers the customer's new tickets in the queue. */
  threshold: number;
}

/** Defaults: a month of history; 8 messages per ticket, 15 per day; a third of tickets answered by the docs. */
export const DEFAULT_FAIR_USE_POLICY: FairUsePolicy = {
  windowDays: 30,
  messagesPerTicketNorm: 8,
  messagesPerDayNorm: 15,
  documentationShareNorm: 0.34,
  documentationMinTickets: 3,
  weights: { messagesPerTicket: 1, messagesPerDay: 1, documentation: 3, stepsNotFollowed: 4 },
  threshold: 10,
};

/** What a customer did in the window. */
export interface CustomerActivity {
  /** Customer messages on each of their tickets in the window. */
  messagesPerTicket: number[];
  /** Customer messages on each day they wrote. */
  messagesPerDay: number[];
  /** Tickets filed in the window. */
  tickets: number;
  /** Of those, tickets an agent answered with a knowledge-base article. */
  answeredByDocumentation: number;
  /** Tickets an agent marked "previous solution steps not followed". */
  stepsNotFollowed: number;
}

/** The four factors of the score. */
export const FAIR_USE_FACTORS = ['messages_per_ticket', 'messages_per_day', 'documentation', 'steps_not_followed'] as const;
/** A factor name. */
export type FairUseFactorName = (typeof FAIR_USE_FACTORS)[number];

/** One factor with its numbers, as agents see it. */
export interface FairUseFactor {
  name: FairUseFactorName;
  /** The figure observed: the most messages on a ticket or in a day, the share answered by the docs, the count of marks. */
  value: number;
  norm: number;
  /** How far above the norm, in units (extra messages, extra documentation answers, marks). */
  excess: number;
  weight: number;
  points: number;
}

/** A customer's score and whether it is above the threshold. */
export interface FairUseScore {
  score: number;
  threshold: number;
  aboveThreshold: boolean;
  factors: FairUseFactor[];
}

const round2 = (n: number): number => Math.round(n * 100) / 100;

function overNorm(counts: number[], norm: number): { value: number; excess: number } {
  return { value: counts.reduce((m, c) => Math.max(m, c), 0), excess: counts.reduce((sum, c) => sum + Math.max(0, c - norm), 0) };
}

/**
 * Scores recent behaviour against the norms: every message beyond the norm per ticket and per day,
 * every ticket answered by the documentation beyond the normal share, and every "steps not followed"
 * mark adds its weight in points. Nothing else counts, so agents can check the figure by hand.
 */
export function scoreFairUse(activity: CustomerActivity, policy: FairUsePolicy): FairUseScore {
  const perTicket = overNorm(activity.messagesPerTicket, policy.messagesPerTicketNorm);
  const perDay = overNorm(activity.messagesPerDay, policy.messagesPerDayNorm);
  const share = activity.tickets > 0 ? activity.answeredByDocumentation / activity.tickets : 0;
  const docExcess = activity.tickets >= policy.documentationMinTickets
    ? Math.max(0, activity.answeredByDocumentation - policy.documentationShareNorm * activity.tickets)
    : 0;
  const w = policy.weights;
  const factors: FairUseFactor[] = [
    { name: 'messages_per_ticket', value: perTicket.value, norm: policy.messagesPerTicketNorm, excess: perTicket.excess, weight: w.messagesPerTicket, points: 0 },
    { name: 'messages_per_day', value: perDay.value, norm: policy.messagesPerDayNorm, excess: perDay.excess, weight: w.messagesPerDay, points: 0 },
    { name: 'documentation', value: round2(share), norm: policy.documentationShareNorm, excess: round2(docExcess), weight: w.documentation, points: 0 },
    { name: 'steps_not_followed', value: activity.stepsNotFollowed, norm: 0, excess: activity.stepsNotFollowed, weight: w.stepsNotFollowed, points: 0 },
  ].map((f) => ({ ...f, points: round2(f.excess * f.weight) }) as FairUseFactor);
  const score = round2(factors.reduce((s, f) => s + f.points, 0));
  return { score, threshold: policy.threshold, aboveThreshold: score > policy.threshold, factors };
}

/** The queue penalty of a new ticket: 1 above the threshold, 0 otherwise or when an admin exempted the customer. */
export function fairUsePenalty(standing: { aboveThreshold: boolean; exempt: boolean }): 0 | 1 {
  return standing.aboveThreshold && !standing.exempt ? 1 : 0;
}
