import { useTranslation } from 'react-i18next';
import { useEffect, useId, useMemo, useRef } from 'react';
import { Link, Navigate, useLocation, useNavigate, useParams, useSearchParams } from 'react-router-dom';
import { TicketState } from '../../contracts/enums.js';
import type { TicketDto } from '../../contracts/tickets.js';
import { useQueue, type QueueItem } from '../api/queue.js';
import { useTicketList } from '../api/tickets.js';
import { useAssignees } from '../api/users.js';
import { PriorityBadge, StateBadge } from '../components/badges.js';
import { LoadMore } from '../components/load-more.js';
import { Page } from '../components/page.js';
import { ProblemAlert } from '../components/problem-alert.js';
import { EmptyState, Loading } from '../components/status.js';
import { When } from '../components/when.js';
import { NextTicketButton } from './next-ticket.js';
import { useShortcuts } from './shortcuts.js';
import { RemainingCell } from './sla-clocks.js';
import { findView, rememberList, type TicketView } from './views.js';

/** A console view: the ranked queue (with each ticket's reasons) or a ticket list; j/k move, o opens; refreshed live. */
export function TicketListPage() {
  const { t } = useTranslation();
  const { view: viewId } = useParams();
  const view = findView(viewId);
  const navigate = useNavigate();
  const table = useRef<HTMLTableSectionElement>(null);
  const location = useLocation();
  useEffect(() => rememberList(location.pathname + location.search), [location]);

  const move = (delta: number) => {
    const links = [...(table.current?.querySelectorAll<HTMLAnchorElement>('a.row-link') ?? [])];
    if (links.length === 0) return;
    const at = links.indexOf(document.activeElement as HTMLAnchorElement);
    const next = at < 0 ? (delta > 0 ? 0 : links.length - 1) : Math.min(links.length - 1, Math.max(0, at + delta));
    links[next]!.focus();
    links[next]!.scrollIntoView({ block: 'nearest' });
  };
  useShortcuts({
    j: () => move(1),
    k: () => move(-1),
    o: () => {
      const a = document.activeElement as HTMLAnchorElement | null;
      if (a?.classList.contains('row-link')) navigate(a.getAttribute('href')!);
    },
  });

  if (!view) return <Navigate to="/console/views/mine" replace />;
  return (
    <Page title={t(`console2:views.${view.id}`)} subtitle={t(`console2:viewHints.${view.id}`)} actions={<NextTicketButton />}>
      {view.kind === 'queue' ? <QueueTable key={view.id} view={view} body={table} /> : <PlainTable key={view.id} view={view} body={table} />}
    </Page>
  );
}

type Props<K extends TicketView['kind']> = { view: Extract<TicketView, { kind: K }>; body: React.RefObject<HTMLTableSectionElement | null> };

/** The queue in the server's rank, with the place, the time left and why. */
function QueueTable({ view, body }: Props<'queue'>) {
  const { t } = useTranslation();
  const queue = useQueue(view.filter);
  const items = queue.data?.pages.flatMap((p) => p.items) ?? [];
  return (
    <>
      <ProblemAlert error={queue.error} />
      {queue.isPending ? (
        <Loading />
      ) : items.length === 0 ? (
        <EmptyState title={t('console:list.empty')}>{t('console:list.emptyHint')}</EmptyState>
      ) : (
        <>
          <table className="table table--console table--queue">
            <caption className="visually-hidden">{t(`console2:views.${view.id}`)}</caption>
            <thead>
              <tr>
                <th scope="col">{t('console2:columns.position')}</th>
                <th scope="col">{t('console:columns.ticket')}</th>
                <th scope="col">{t('console:columns.state')}</th>
                <th scope="col">{t('console:columns.assignee')}</th>
                <th scope="col">{t('console2:columns.remaining')}</th>
                <th scope="col">{t('console2:columns.reasons')}</th>
              </tr>
            </thead>
            <tbody ref={body}>
              {items.map((item) => (
                <QueueRow key={item.ticket.id} item={item} />
              ))}
            </tbody>
          </table>
          <LoadMore hasMore={queue.hasNextPage} loading={queue.isFetchingNextPage} onMore={() => void queue.fetchNextPage()} shown={items.length} />
        </>
      )}
    </>
  );
}

function QueueRow({ item }: { item: QueueItem }) {
  const { t } = useTranslation();
  const tk = item.ticket;
  return (
    <tr className={tk.state === 'new' ? 'row--new' : undefined}>
      <td data-label={t('console2:columns.position')} className="queue__position">
        {item.position}
      </td>
      <TicketCell ticket={tk} />
      <td data-label={t('console:columns.state')}>
        <StateBadge state={tk.state} reason={tk.pendingReason} /> <PriorityBadge priority={tk.priority} />
      </td>
      <AssigneeCell ticket={tk} />
      <td data-label={t('console2:columns.remaining')}>
        <RemainingCell ticket={tk} />
      </td>
      <td data-label={t('console2:columns.reasons')}>
        <ul className="reasons">
          {item.reasons.map((r, i) => (
            <li key={i} className={`reasons__item ${r.kind === 'fair_use' && (r.penalty ?? 0) > 0 ? 'reasons__item--penalty' : ''}`}>
              {r.text}
            </li>
          ))}
        </ul>
      </td>
    </tr>
  );
}

function TicketCell({ ticket: tk }: { ticket: TicketDto }) {
  const { t } = useTranslation();
  return (
    <td className="table__main" data-label={t('console:columns.ticket')}>
      <Link to={`/console/tickets/${tk.number}`} className="row-link">
        {tk.subject}
      </Link>
      <div className="table__sub">
        <span className="ticket-number">{tk.number}</span> · {tk.requester.name}
      </div>
    </td>
  );
}

function AssigneeCell({ ticket: tk }: { ticket: TicketDto }) {
  const { t } = useTranslation();
  const assignees = useAssignees();
  const name = (assignees.data ?? []).find((u) => u.id === tk.assigneeId)?.name;
  return (
    <td data-label={t('console:columns.assignee')}>{tk.assigneeId ? (name ?? '…') : <span className="muted">{t('console:list.nobody')}</span>}</td>
  );
}

/** A browsing list (pending, all) in date order, optionally narrowed by state. */
function PlainTable({ view, body }: Props<'list'>) {
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  const stateId = useId();
  const state = view.stateFilter ? TicketState.safeParse(params.get('state')).data : undefined;
  const filter = useMemo(() => ({ ...view.filter, ...(state ? { state } : {}), order: view.order }), [view, state]);
  const list = useTicketList(filter);
  const tickets = list.data?.pages.flatMap((p) => p.items) ?? [];
  return (
    <>
      {view.stateFilter ? (
        <div className="toolbar">
          <div className="toolbar__filter">
            <label htmlFor={stateId}>{t('console:list.stateFilter')}</label>
            <select
              id={stateId}
              className="input input--compact"
              value={state ?? ''}
              onChange={(e) => setParams(e.target.value ? { state: e.target.value } : {}, { replace: true })}
            >
              <option value="">{t('console:list.allStates')}</option>
              {TicketState.options.map((s) => (
                <option key={s} value={s}>
                  {t(`common:state.${s}`)}
                </option>
              ))}
            </select>
          </div>
        </div>
      ) : null}
      <ProblemAlert error={list.error} />
      {list.isPending ? (
        <Loading />
      ) : tickets.length === 0 ? (
        <EmptyState title={t('console:list.empty')}>{t('console:list.emptyHint')}</EmptyState>
      ) : (
        <>
          <table className="table table--console">
            <caption className="visually-hidden">{t(`console2:views.${view.id}`)}</caption>
            <thead>
              <tr>
                <th scope="col">{t('console:columns.ticket')}</th>
                <th scope="col">{t('console:columns.state')}</th>
                <th scope="col">{t('console:columns.priority')}</th>
                <th scope="col">{t('console:columns.assignee')}</th>
                <th scope="col">{t('console2:columns.remaining')}</th>
                <th scope="col">{t('console:columns.updated')}</th>
              </tr>
            </thead>
            <tbody ref={body}>
              {tickets.map((tk) => (
                <tr key={tk.id} className={tk.state === 'new' ? 'row--new' : undefined}>
                  <TicketCell ticket={tk} />
                  <td data-label={t('console:columns.state')}>
                    <StateBadge state={tk.state} reason={tk.pendingReason} />
                  </td>
                  <td data-label={t('console:columns.priority')}>
                    <PriorityBadge priority={tk.priority} />
                  </td>
                  <AssigneeCell ticket={tk} />
                  <td data-label={t('console2:columns.remaining')}>
                    <RemainingCell ticket={tk} />
                  </td>
                  <td data-label={t('console:columns.updated')}>
                    <When iso={tk.updatedAt} relative />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
          <LoadMore hasMore={list.hasNextPage} loading={list.isFetchingNextPage} onMore={() => void list.fetchNextPage()} shown={tickets.length} />
        </>
      )}
    </>
  );
}
