import type { z } from 'zod';
import type { QueueItemDto } from '../../../contracts/queue.js';
import { rankReasons, type RankReason } from '../../../domain/queue/rank.js';
import type { TicketRow } from '../../repositories/tickets.repository.js';
import type { Actor } from '../actor.js';
import type { ServiceDeps } from '../deps.js';
import { langOf } from '../entitlements/explain.js';
import type { FairUseStanding } from '../fair-use/fair-use-standing.js';
import { presentFactors } from '../fair-use/present-fair-use.js';
import { presentTicket } from '../tickets/present-ticket.js';

type Item = z.infer<typeof QueueItemDto>;

/** Formats an instant for the agent: their language and time zone. */
function when(iso: string, lang: string, timeZone: string): string {
  return new Intl.DateTimeFormat(lang, { dateStyle: 'medium', timeStyle: 'short', timeZone }).format(new Date(iso));
}

function reasonText(deps: ServiceDeps, actor: Actor, r: RankReason, standing: FairUseStanding | null): Item['reasons'][number] {
  const lang = langOf(actor.language);
  const t = deps.i18n.getFixedT(lang, 'queue');
  switch (r.kind) {
    case 'tier':
      return { kind: 'tier', tier: r.tier, text: t('reason.tier', { tier: r.tier, order: r.order + 1 }) };
    case 'fair_use':
      if (r.penalty === 0) return { kind: 'fair_use', penalty: 0, text: t('reason.fair_use_none') };
      return {
        kind: 'fair_use', penalty: r.penalty, factors: presentFactors(deps, lang, standing?.factors ?? []),
        text: t('reason.fair_use', { score: standing?.score ?? '?', threshold: standing?.threshold ?? '?' }),
      };
    case 'due':
      return { kind: 'due', at: r.at, target: r.target, text: t('reason.due', { target: r.target, at: when(r.at, lang, actor.timeZone) }) };
    case 'no_due':
      return { kind: 'no_due', text: t('reason.no_due') };
    case 'arrival':
      return { kind: 'arrival', at: r.at, text: t('reason.arrival', { at: when(r.at, lang, actor.timeZone) }) };
  }
}

/** A queue entry: the ticket, its position and the reasons for it, in the agent's language. */
export function presentQueueItem(deps: ServiceDeps, actor: Actor, row: TicketRow, position: number, fairUse: string | undefined): Item {
  const standing = fairUse ? (JSON.parse(fairUse) as FairUseStanding) : null;
  const reasons = rankReasons({ ...row, fairUsePenalty: Number(row.fairUsePenalty) });
  return { position, ticket: presentTicket(row), reasons: reasons.map((r) => reasonText(deps, actor, r, standing)) };
}
