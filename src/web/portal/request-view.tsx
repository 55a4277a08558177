import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation, useParams } from 'react-router-dom';
import type { TicketDto } from '../../contracts/tickets.js';
import { useUser } from '../api/session.js';
import { useMessages, useTicket, useUpdateTicket } from '../api/tickets.js';
import { StateBadge } from '../components/badges.js';
import { Composer } from '../components/composer.js';
import { MessageThread } from '../components/message-thread.js';
import { Page } from '../components/page.js';
import { ProblemAlert } from '../components/problem-alert.js';
import { ExpectedResponse, slaOf } from '../components/sla.js';
import { Loading, Notice } from '../components/status.js';
import { When } from '../components/when.js';
import type { CreatedState } from './new-request.js';

/** Solve, reopen or close: what a customer may do with their own request in its state. */
function RequestActions({ ticket }: { ticket: TicketDto }) {
  const { t } = useTranslation();
  const update = useUpdateTicket(ticket.number);
  const active = ticket.state === 'new' || ticket.state === 'open' || ticket.state === 'pending';
  return (
    <div className="panel">
      <h2 className="panel__title">{t('portal:view.actionsTitle')}</h2>
      {active ? (
        <>
          <p className="hint">{t('portal:view.solveHint')}</p>
          <button type="button" className="button button--secondary" disabled={update.isPending} onClick={() => update.mutate({ state: 'solved' })}>
            {t('portal:view.markSolved')}
          </button>
        </>
      ) : null}
      {ticket.state === 'solved' ? (
        <>
          <p className="hint">{t('portal:view.reopenHint')}</p>
          <div className="button-row">
            <button type="button" className="button button--secondary" disabled={update.isPending} onClick={() => update.mutate({ state: 'open' })}>
              {t('portal:view.reopen')}
            </button>
            <button type="button" className="button button--ghost" disabled={update.isPending} onClick={() => update.mutate({ state: 'closed' })}>
              {t('portal:view.close')}
            </button>
          </div>
        </>
      ) : null}
      {ticket.state === 'closed' ? <p className="hint">{t('portal:view.closedHint')}</p> : null}
      <ProblemAlert error={update.error} />
    </div>
  );
}

/** One request as its customer sees it: confirmation after filing, thread, reply, solve or reopen. */
export function RequestViewPage() {
  const { t } = useTranslation();
  const { ref = '' } = useParams();
  const user = useUser();
  const location = useLocation();
  const created = (location.state as CreatedState | null)?.created === true;
  const ticket = useTicket(ref);
  const messages = useMessages(ref);
  const [mode, setMode] = useState<'reply' | 'note'>('reply');
  const confirmation = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (created && ticket.data) confirmation.current?.focus();
  }, [created, ticket.data]);

  if (ticket.isPending) return <Loading />;
  if (ticket.error) return <ProblemAlert error={ticket.error} />;
  const tk = ticket.data;
  const own = tk.requester.id === user.id;
  const sla = slaOf(tk);
  return (
    <Page
      title={tk.subject}
      focusHeading={!created}
      subtitle={
        <span className="meta">
          <span className="ticket-number">{tk.number}</span>
          <StateBadge state={tk.state} reason={tk.pendingReason} />
        </span>
      }
      actions={
        <Link to="/portal" className="button button--ghost">
          {t('portal:view.back')}
        </Link>
      }
    >
      {created ? (
        <div ref={confirmation} tabIndex={-1} className="confirmation">
          <Notice>
            <strong>{t('portal:view.createdTitle')}</strong> {t('portal:view.createdText', { number: tk.number })}{' '}
            {sla?.responseDueAt ? t('portal:view.createdExpected') : t('portal:view.createdNoTarget')}
            {sla?.responseDueAt ? (
              <>
                {' '}
                <ExpectedResponse ticket={tk} />
              </>
            ) : null}
          </Notice>
        </div>
      ) : null}
      <div className="layout-2">
        <section className="layout-2__main" aria-labelledby="thread-title">
          <h2 id="thread-title" className="section-title">
            {t('portal:view.thread')}
          </h2>
          <ProblemAlert error={messages.error} />
          {messages.data ? <MessageThread messages={messages.data} audience="customer" /> : <Loading />}
          {tk.state !== 'closed' ? (
            <section className="panel" aria-labelledby="reply-title">
              <h2 id="reply-title" className="panel__title">
                {t('portal:view.replyTitle')}
              </h2>
              {tk.state === 'solved' ? <p className="hint">{t('portal:view.replyReopens')}</p> : null}
              <Composer ticketRef={tk.number} allowNote={false} mode={mode} onModeChange={setMode} />
            </section>
          ) : null}
        </section>
        <aside className="layout-2__side" aria-label={t('portal:view.details')}>
          <div className="panel">
            <h2 className="panel__title">{t('portal:view.details')}</h2>
            <dl className="facts">
              <dt>{t('portal:columns.number')}</dt>
              <dd>{tk.number}</dd>
              <dt>{t('portal:columns.state')}</dt>
              <dd>
                <StateBadge state={tk.state} reason={tk.pendingReason} />
              </dd>
              <dt>{t('portal:columns.expected')}</dt>
              <dd>
                <ExpectedResponse ticket={tk} />
              </dd>
              <dt>{t('portal:view.opened')}</dt>
              <dd>
                <When iso={tk.createdAt} />
              </dd>
              <dt>{t('portal:columns.requester')}</dt>
              <dd>{tk.requester.name}</dd>
            </dl>
          </div>
          {own ? <RequestActions ticket={tk} /> : null}
        </aside>
      </div>
    </Page>
  );
}
