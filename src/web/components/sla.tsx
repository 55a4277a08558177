import { useTranslation } from 'react-i18next';
import type { TicketDto } from '../../contracts/tickets.js';
import { When } from './when.js';

/** The SLA facts the screens show, read from the ticket's `sla` field: the one place that knows its shape. */
export interface SlaView {
  /** When the next answer is due: the first response while unmet, else the next response. */
  responseDueAt: string | null;
  /** Whether that target was already missed. */
  breached: boolean;
  /** The clock is stopped while the customer owes information. */
  paused: boolean;
}

/** The response target of a ticket, if one is running. */
export function slaOf(ticket: TicketDto): SlaView | null {
  const sla = ticket.sla;
  if (!sla) return null;
  const open = [sla.firstResponse, sla.nextResponse].find((x) => x && x.dueAt && !x.metAt);
  if (!open?.dueAt) return null;
  return { responseDueAt: open.dueAt, breached: open.breached, paused: sla.paused };
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
