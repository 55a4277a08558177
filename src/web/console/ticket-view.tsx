import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router-dom';
import { useUser } from '../api/session.js';
import { useMessages, useTicket, useUpdateTicket } from '../api/tickets.js';
import { PriorityBadge, StateBadge } from '../components/badges.js';
import { Composer, type ComposerMode } from '../components/composer.js';
import { MessageThread } from '../components/message-thread.js';
import { Page } from '../components/page.js';
import { ProblemAlert } from '../components/problem-alert.js';
import { ExpectedResponse } from '../components/sla.js';
import { Loading } from '../components/status.js';
import { When } from '../components/when.js';
import { useShortcuts } from './shortcuts.js';
import { CannedReplyPicker } from './canned-replies.js';
import { MergePanel } from './merge-panel.js';
import { NextTicketButton } from './next-ticket.js';
import { SlaClocks } from './sla-clocks.js';
import { TicketHistory } from './ticket-history.js';
import { EntitlementPanel, FairUseNotice, SuggestedArticles } from './ticket-panels.js';
import { TicketProperties, type PropertiesCommand } from './ticket-properties.js';
import { lastListPath } from './views.js';

/**
 * One ticket for agents: the thread with internal notes set apart, the composer (r reply, n note),
 * properties (state with reason, priority, assignee; a assigns to me), details and history.
 */
export function TicketViewPage() {
  const { t } = useTranslation();
  const { ref = '' } = useParams();
  const me = useUser();
  const navigate = useNavigate();
  const ticket = useTicket(ref);
  const messages = useMessages(ref);
  const assign = useUpdateTicket(ref);
  const [mode, setMode] = useState<ComposerMode>('reply');
  const [historyOpen, setHistoryOpen] = useState(false);
  const textarea = useRef<HTMLTextAreaElement>(null);
  const [insert, setInsert] = useState<{ text: string; seq: number }>();
  const [command, setCommand] = useState<PropertiesCommand>();
  const insertText = (text: string) => setInsert((i) => ({ text, seq: (i?.seq ?? 0) + 1 }));

  const compose = (m: ComposerMode) => {
    setMode(m);
    textarea.current?.focus();
    textarea.current?.scrollIntoView({ block: 'center' });
  };
  useShortcuts({
    r: () => compose('reply'),
    n: () => compose('note'),
    a: () => ticket.data && ticket.data.assigneeId !== me.id && assign.mutate({ assigneeId: me.id }),
    u: () => navigate(lastListPath()),
    s: () => setCommand((c) => ({ kind: 'state', seq: (c?.seq ?? 0) + 1 })),
    p: () => setCommand((c) => ({ kind: 'pending', seq: (c?.seq ?? 0) + 1 })),
  });

  if (ticket.isPending) return <Loading />;
  if (ticket.error) return <ProblemAlert error={ticket.error} />;
  const tk = ticket.data;
  return (
    <Page
      title={tk.subject}
      subtitle={
        <span className="meta">
          <span className="ticket-number">{tk.number}</span>
          <StateBadge state={tk.state} reason={tk.pendingReason} />
          <PriorityBadge priority={tk.priority} />
        </span>
      }
      actions={
        <>
          <Link to={lastListPath()} className="button button--ghost">
            {t('console:ticket.back')}
          </Link>
          <NextTicketButton />
        </>
      }
    >
      <ProblemAlert error={assign.error} />
      <FairUseNotice ticket={tk} />
      <div className="layout-2">
        <section className="layout-2__main" aria-labelledby="thread-title">
          <h2 id="thread-title" className="section-title">
            {t('console:ticket.thread')}
          </h2>
          <ProblemAlert error={messages.error} />
          {messages.data ? <MessageThread messages={messages.data} audience="staff" /> : <Loading />}
          <section className="panel" aria-labelledby="composer-title">
            <h2 id="composer-title" className="panel__title">
              {t('console:ticket.write')}
            </h2>
            <Composer ticketRef={tk.number} allowNote mode={mode} onModeChange={setMode} textareaRef={textarea} insert={insert} tools={<CannedReplyPicker language={tk.language} onPick={insertText} />} />
          </section>
        </section>
        <aside className="layout-2__side" aria-label={t('console:ticket.side')}>
          <TicketProperties ticket={tk} command={command} />
          <SlaClocks ticket={tk} />
          <EntitlementPanel ticket={tk} />
          <SuggestedArticles ticket={tk} onInsert={insertText} />
          <div className="panel">
            <h2 className="panel__title">{t('console:ticket.details')}</h2>
            <dl className="facts">
              <dt>{t('console:ticket.requester')}</dt>
              <dd>
                {tk.requester.name}
                <br />
                <a href={`mailto:${tk.requester.email}`}>{tk.requester.email}</a>
              </dd>
              <dt>{t('console:ticket.expected')}</dt>
              <dd>
                <ExpectedResponse ticket={tk} />
              </dd>
              <dt>{t('console:ticket.channel')}</dt>
              <dd>{t(`common:channel.${tk.channel}`)}</dd>
              <dt>{t('console:ticket.language')}</dt>
              <dd>{t(`web:languageName.${tk.language}`)}</dd>
              <dt>{t('console:ticket.created')}</dt>
              <dd>
                <When iso={tk.createdAt} />
              </dd>
              <dt>{t('console:ticket.updated')}</dt>
              <dd>
                <When iso={tk.updatedAt} />
              </dd>
              {tk.reopenCount > 0 ? (
                <>
                  <dt>{t('console:ticket.reopened')}</dt>
                  <dd>{t('console:ticket.reopenCount', { count: tk.reopenCount })}</dd>
                </>
              ) : null}
            </dl>
          </div>
          <MergePanel ticket={tk} />
          <details className="panel" onToggle={(e) => setHistoryOpen(e.currentTarget.open)}>
            <summary className="panel__title">{t('console:ticket.history')}</summary>
            {historyOpen ? <TicketHistory ticketRef={tk.number} /> : null}
          </details>
        </aside>
      </div>
    </Page>
  );
}
