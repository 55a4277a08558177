/**
 * Which SLA policy applies to a ticket: the first active policy (by position) whose conditions all
 * match, else the default policy, else none.
 */
import type { FieldProblem } from './calendar.js';

/** Conditions of a policy: each list given must contain the ticket's value (AND across fields). */
export interface PolicyConditions {
  planCodes?: string[];
  priorities?: string[];
  criticalities?: string[];
  channels?: string[];
  organizationIds?: string[];
  /** Queue tiers set by entitlements: premium, direct, contract, standard. */
  tiers?: string[];
  /** Paid premium requests only (true) or never (false). */
  premium?: boolean;
}

/** The facts of a ticket that policies match on. */
export interface TicketFacts {
  planCode: string | null;
  priority: string;
  criticality: string | null;
  channel: string;
  organizationId: string | null;
  tier: string;
  premium: boolean;
}

/** What selection needs of a policy. */
export interface PolicyCandidate {
  position: number;
  isDefault: boolean;
  active: boolean;
  conditions: PolicyConditions;
}

const LIST_FIELDS: Array<[keyof PolicyConditions, keyof TicketFacts]> = [
  ['planCodes', 'planCode'],
  ['priorities', 'priority'],
  ['criticalities', 'criticality'],
  ['channels', 'channel'],
  ['organizationIds', 'organizationId'],
  ['tiers', 'tier'],
];

/** Whether every condition given holds for the ticket. */
export function matchesConditions(conditions: PolicyConditions, facts: TicketFacts): boolean {
  for (const [cond, fact] of LIST_FIELDS) {
    const list = conditions[cond] as string[] | undefined;
    if (list && list.length > 0 && !list.includes(String(facts[fact] ?? ''))) return false;
  }
  if (conditions.premium !== undefined && conditions.premium !== facts.premium) return false;
  return true;
}

/** The policy that applies: first matching non-default by position, else the default, else null. */
export function selectPolicy<P extends PolicyCandidate>(policies: readonly P[], facts: TicketFacts): P | null {
  const active = policies.filter((p) => p.active).sort((a, b) => a.position - b.position);
  return active.find((p) => !p.isDefault && matchesConditions(p.conditions, facts)) ?? active.find((p) => p.isDefault) ?? null;
}

/** Validates conditions (lists of short texts, premium a boolean). */
export function checkConditions(input: unknown, path = 'conditions'): { ok: true; value: PolicyConditions } | { ok: false; errors: FieldProblem[] } {
  if (input === undefined || input === null) return { ok: true, value: {} };
  if (typeof input !== 'object' || Array.isArray(input)) return { ok: false, errors: [{ path, message: 'must be an object' }] };
  const errors: FieldProblem[] = [];
  const value: PolicyConditions = {};
  const x = input as Record<string, unknown>;
  for (const key of Object.keys(x)) {
    if (key === 'premium') {
      if (typeof x.premium !== 'boolean') errors.push({ path: `${path}.premium`, message: 'must be true or false' });
      else value.premium = x.premium;
      continue;
    }
    if (!LIST_FIELDS.some(([c]) => c === key)) {
      errors.push({ path: `${path}.${key}`, message: `unknown condition; use ${[...LIST_FIELDS.map(([c]) => c), 'premium'].join(', ')}` });
      continue;
    }
    const list = x[key];
    if (!Array.isArray(list) || list.some((v) => typeof v !== 'string' || v.length === 0 || v.length > 100)) {
      errors.push({ path: `${path}.${key}`, message: 'must be a list of texts' });
      continue;
    }
    (value as Record<string, string[]>)[key] = [...new Set(list as string[])];
  }
  return errors.length ? { ok: false, errors } : { ok: true, value };
}
