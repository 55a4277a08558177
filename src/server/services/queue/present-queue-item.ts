import type { TFunction } from 'i18next';
import type { z } from 'zod';
import type { QueueItemDto } from '../../../contracts/queue.js';
import type { TicketSla } from '../../../contracts/sla.js';
import { rankReasons, type RankReason } from '../../../domain/queue/rank.js';
import type { TicketRow } from '../../repositories/tickets.repository.js';
import type { Actor } from '../actor.js';
import type { ServiceDeps } from '../deps.js';
import { langOf } from '../entitlements/explain.js';
import type { FairUseStanding } from '../fair-use/fair-use-standing.js';
import { presentFactors } from '../fair-use/present-fair-use.js';
import { presentTicket } from '../tickets/present-ticket.js';

type Item = z.infer<typeof QueueItemDto>;
type Reason = Item['reasons'][number];

const formatters = new Map<string, Intl.DateTimeFormat>();

/** A date formatter for a language and time zone (they are costly to build: kept). */
function formatter(lang: string, timeZone: string): Intl.DateTimeFormat {
  const key = `${lang}|${timeZone}`;
  let f = formatters.get(key);
  if (!f) {
    f = new Intl.DateTimeFormat(lang, { dateStyle: 'medium', timeStyle: 'short', timeZone });
    if (formatters.size > 200) formatters.clear();
    formatters.set(key, f);
  }
  return f;
}

/**
 * Writes rank reasons for one agent. Built once per page: the fixed phrases are translated once,
 * which keeps a page of 50 tickets (200 reasons) well under a millisecond of text work.
 */
export class ReasonWriter {
  private readonly t: TFunction;
  private readonly lang: string;
  private readonly dates: Intl.DateTimeFormat;
  private readonly cache = new Map<string, string>();

  constructor(private readonly deps: ServiceDeps, actor: Actor) {
    this.lang = langOf(actor.language);
    this.t = deps.i18n.getFixedT(this.lang, 'queue');
    this.dates = formatter(this.lang, actor.timeZone);
  }

  private once(key: string, make: () => string): string {
    let v = this.cache.get(key);
    if (v === undefined) {
      v = make();
      this.cache.set(key, v);
    }
    return v;
  }

  /** One reason with its text. */
  write(r: RankReason, standing: FairUseStanding | null): Reason {
    const t = this.t;
    switch (r.kind) {
      case 'tier':
        return { kind: 'tier', tier: r.tier, text: this.once(`tier.${r.tier}`, () => t('reason.tier', { tierName: t(`tier.${r.tier}`), order: r.order + 1 })) };
      case 'fair_use':
        if (r.penalty === 0) return { kind: 'fair_use', penalty: 0, text: this.once('fair_use_none', () => t('reason.fair_use_none')) };
        return {
          kind: 'fair_use', penalty: r.penalty, factors: presentFactors(this.deps, this.lang, standing?.factors ?? []),
          text: t('reason.fair_use', { score: standing?.score ?? '?', threshold: standing?.threshold ?? '?' }),
        };
      case 'due':
        return { kind: 'due', at: r.at, target: r.target, text: t('reason.due', { targetName: this.once(`target.${r.target}`, () => t(`target.${r.target}`)), at: this.dates.format(new Date(r.at)) }) };
      case 'no_due':
        return { kind: 'no_due', text: this.once('no_due', () => t('reason.no_due')) };
      case 'arrival':
        return { kind: 'arrival', at: r.at, text: t('reason.arrival', { at: this.dates.format(new Date(r.at)) }) };
    }
  }
}

/** A queue entry: the ticket, its position and the reasons for it, in the agent's language. */
export function presentQueueItem(writer: ReasonWriter, row: TicketRow, position: number, fairUse: string | undefined, sla?: (row: TicketRow) => TicketSla | undefined): Item {
  const standing = fairUse ? (JSON.parse(fairUse) as FairUseStanding) : null;
  const reasons = rankReasons({ ...row, fairUsePenalty: Number(row.fairUsePenalty) });
  return { position, ticket: presentTicket(row, sla ? { sla } : {}), reasons: reasons.map((r) => writer.write(r, standing)) };
}
