import type { Tier } from '../entitlement/resolve-entitlement.js';

/** Tier order in the queue: premium first, standard last. */
export const TIER_RANK: Record<Tier, number> = { premium: 0, direct: 1, contract: 2, standard: 3 };

/** States in which a ticket waits for an agent (pending and solved tickets wait for someone else). */
export const QUEUE_STATES: readonly string[] = ['new', 'open'];

/** Which SLA target a due time belongs to. */
export type DueTarget = 'first_response' | 'next_response' | 'resolution';

/** The SLA columns of a ticket row. */
export interface SlaFacts {
  firstResponseDueAt: string | null;
  firstResponseMetAt: string | null;
  nextResponseDueAt: string | null;
  nextResponseMetAt: string | null;
  resolutionDueAt: string | null;
  resolutionMetAt: string | null;
}

/** What a ticket's place in the queue depends on. */
export interface RankFacts extends SlaFacts {
  id: string;
  state: string;
  tier: string;
  /** Fair-use penalty fixed when the ticket was filed (0 none). */
  fairUsePenalty: number;
  createdAt: string;
}

/** Why a ticket is where it is: one entry per criterion, in the order they count. */
export type RankReason =
  | { kind: 'tier'; tier: Tier; order: number }
  | { kind: 'fair_use'; penalty: number }
  | { kind: 'due'; at: string; target: DueTarget }
  | { kind: 'no_due' }
  | { kind: 'arrival'; at: string };

const iso = (value: string): string => new Date(value).toISOString();

function tierOf(value: string): Tier {
  return value in TIER_RANK ? (value as Tier) : 'standard';
}

/** The earliest SLA due time not yet met, and which target it is; null when the ticket has none. */
export function nextDue(f: SlaFacts): { at: string; target: DueTarget } | null {
  const open: Array<{ at: string; target: DueTarget }> = [];
  if (f.firstResponseDueAt && !f.firstResponseMetAt) open.push({ at: iso(f.firstResponseDueAt), target: 'first_response' });
  if (f.nextResponseDueAt && !f.nextResponseMetAt) open.push({ at: iso(f.nextResponseDueAt), target: 'next_response' });
  if (f.resolutionDueAt && !f.resolutionMetAt) open.push({ at: iso(f.resolutionDueAt), target: 'resolution' });
  return open.sort((a, b) => (a.at < b.at ? -1 : a.at > b.at ? 1 : 0))[0] ?? null;
}

/** Sorts after every ISO instant, so tickets without a due time come after dated ones. */
const NO_DUE = '~';

/**
 * The ticket's place as one sortable string: tier, penalty, due time, arrival. Sorting these keys
 * (then the id) gives exactly `compareRank`, so the database orders the queue off one index.
 * Null when the ticket is not waiting for an agent.
 */
export function queueKey(f: RankFacts): string | null {
  if (!QUEUE_STATES.includes(f.state)) return null;
  const penalty = Math.min(9, Math.max(0, Math.trunc(f.fairUsePenalty)));
  return `${TIER_RANK[tierOf(f.tier)]}${penalty}|${nextDue(f)?.at ?? NO_DUE}|${iso(f.createdAt)}`;
}

/** Queue order: tier, then fair-use penalty, then the earliest due time (none last), then arrival, then id. */
export function compareRank(a: RankFacts, b: RankFacts): number {
  const byTier = TIER_RANK[tierOf(a.tier)] - TIER_RANK[tierOf(b.tier)];
  if (byTier !== 0) return byTier;
  if (a.fairUsePenalty !== b.fairUsePenalty) return a.fairUsePenalty - b.fairUsePenalty;
  const da = nextDue(a)?.at ?? NO_DUE;
  const db = nextDue(b)?.at ?? NO_DUE;
  if (da !== db) return da < db ? -1 : 1;
  const ca = iso(a.createdAt);
  const cb = iso(b.createdAt);
  if (ca !== cb) return ca < cb ? -1 : 1;
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}

/** The reasons behind a ticket's place, for agents. */
export function rankReasons(f: RankFacts): RankReason[] {
  const tier = tierOf(f.tier);
  const due = nextDue(f);
  return [
    { kind: 'tier', tier, order: TIER_RANK[tier] },
    { kind: 'fair_use', penalty: f.fairUsePenalty },
    due ? { kind: 'due', at: due.at, target: due.target } : { kind: 'no_due' },
    { kind: 'arrival', at: iso(f.createdAt) },
  ];
}

/** Tickets in queue order with their reasons (tickets not waiting for an agent are left out). */
export function rankTickets<T extends RankFacts>(tickets: T[]): Array<{ ticket: T; position: number; reasons: RankReason[] }> {
  return tickets
    .filter((t) => QUEUE_STATES.includes(t.state))
    .sort(compareRank)
    .map((ticket, i) => ({ ticket, position: i + 1, reasons: rankReasons(ticket) }));
}
