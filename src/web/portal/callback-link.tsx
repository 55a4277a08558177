import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router-dom';
import { useTicketCallbacks } from '../api/callbacks.js';
import { useTicket } from '../api/tickets.js';
import { useFormats } from '../i18n/format.js';
import { slotLabel } from './callback-time.js';

/**
 * For the request view's side column: the callback booked on this request (in the customer's time
 * zone), or a link to book one while the request is not closed.
 */
export function CallbackLink({ ticket }: { ticket: { number: string; state: string } }) {
  const { t } = useTranslation();
  const f = useFormats();
  const booked = useTicketCallbacks(ticket.number);
  const current = booked.data?.[0];
  if (ticket.state === 'closed' && !current) return null;
  return (
    <div className="panel">
      <h2 className="panel__title">{t('callbacks:portal.panel')}</h2>
      {current ? (
        <p>{t('callbacks:portal.existing', { when: slotLabel(f, current.slotStart, current.slotEnd), phone: current.phone })}</p>
      ) : (
        <Link to={`/portal/requests/${encodeURIComponent(ticket.number)}/callback`} className="button button--secondary">
          {t('callbacks:portal.link')}
        </Link>
      )}
    </div>
  );
}

/**
 * The callback panel under the request view (routes.tsx puts it after RequestViewPage, so the
 * request view itself needs no change); reads the request from the route and the query cache.
 */
export function RequestCallbackPanel() {
  const { ref = '' } = useParams();
  const ticket = useTicket(ref);
  if (!ticket.data) return null;
  return (
    <div className="page page--wide">
      <CallbackLink ticket={ticket.data} />
    </div>
  );
}
