import { useTranslation } from 'react-i18next';
import type { TicketDto } from '../../contracts/tickets.js';
import { When } from './when.js';

/**
 * The SLA facts the screens show, read from the ticket's `sla` field once the SLA area adds it to
 * TicketDto. Until then every ticket answers null and the column shows a dash. Keep this the one
 * place that knows the field's shape.
 */
export interface SlaView {
  /** When the next answer is due: the first response, else the next response. */
  responseDueAt: string | null;
  /** Whether that target was already missed. */
  breached: boolean;
}

type MaybeSla = { sla?: { firstResponseDueAt?: string | null; nextResponseDueAt?: string | null; firstResponseBreachedAt?: string | null; nextResponseBreachedAt?: string | null } | null };

/** The response target of a ticket, if the API sent one. */
export function slaOf(ticket: TicketDto): SlaView | null {
  const sla = (ticket as TicketDto & MaybeSla).sla;
  if (!sla) return null;
  const due = sla.firstResponseDueAt ?? sla.nextResponseDueAt ?? null;
  if (!due) return null;
  return { responseDueAt: due, breached: Boolean(sla.firstResponseBreachedAt ?? sla.nextResponseBreachedAt) };
}

/** "Expected response" cell: the due moment in the person's time zone, or a dash. */
export function ExpectedResponse({ ticket }: { ticket: TicketDto }) {
  const { t } = useTranslation();
  const sla = slaOf(ticket);
  if (!sla?.responseDueAt) return <span className="muted" aria-label={t('web:sla.none')}>—</span>;
  return (
    <span className={sla.breached ? 'sla sla--breached' : 'sla'}>
      <When iso={sla.responseDueAt} />
    </span>
  );
}
