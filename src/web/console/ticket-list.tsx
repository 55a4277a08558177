import { useTranslation } from 'react-i18next';
import { useEffect, useId, useMemo, useRef } from 'react';
import { Link, Navigate, useLocation, useNavigate, useParams, useSearchParams } from 'react-router-dom';
import { TicketState } from '../../contracts/enums.js';
import { useTicketList } from '../api/tickets.js';
import { useAssignees } from '../api/users.js';
import { PriorityBadge, StateBadge } from '../components/badges.js';
import { LoadMore } from '../components/load-more.js';
import { Page } from '../components/page.js';
import { ProblemAlert } from '../components/problem-alert.js';
import { EmptyState, Loading } from '../components/status.js';
import { When } from '../components/when.js';
import { useShortcuts } from './shortcuts.js';
import { findView, rememberList } from './views.js';

/** A console view: the tickets of a filter, j/k to move, Enter or o to open; refreshed live. */
export function TicketListPage() {
  const { t } = useTranslation();
  const { view: viewId } = useParams();
  const view = findView(viewId);
  const [params, setParams] = useSearchParams();
  const navigate = useNavigate();
  const stateId = useId();
  const state = view?.stateFilter ? TicketState.safeParse(params.get('state')).data : undefined;
  const filter = useMemo(() => ({ ...view?.filter, ...(state ? { state } : {}), order: view?.order ?? 'newest' }), [view, state]);
  const list = useTicketList(filter);
  const assignees = useAssignees();
  const names = new Map((assignees.data ?? []).map((u) => [u.id, u.name]));
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
  const tickets = list.data?.pages.flatMap((p) => p.items) ?? [];
  return (
    <Page title={t(`console:views.${view.id}`)} subtitle={t(`console:viewHints.${view.id}`)}>
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
            <caption className="visually-hidden">{t(`console:views.${view.id}`)}</caption>
            <thead>
              <tr>
                <th scope="col">{t('console:columns.ticket')}</th>
                <th scope="col">{t('console:columns.state')}</th>
                <th scope="col">{t('console:columns.priority')}</th>
                <th scope="col">{t('console:columns.assignee')}</th>
                <th scope="col">{t('console:columns.updated')}</th>
              </tr>
            </thead>
            <tbody ref={table}>
              {tickets.map((tk) => (
                <tr key={tk.id} className={tk.state === 'new' ? 'row--new' : undefined}>
                  <td className="table__main" data-label={t('console:columns.ticket')}>
                    <Link to={`/console/tickets/${tk.number}`} className="row-link">
                      {tk.subject}
                    </Link>
                    <div className="table__sub">
                      <span className="ticket-number">{tk.number}</span> · {tk.requester.name}
                    </div>
                  </td>
                  <td data-label={t('console:columns.state')}>
                    <StateBadge state={tk.state} reason={tk.pendingReason} />
                  </td>
                  <td data-label={t('console:columns.priority')}>
                    <PriorityBadge priority={tk.priority} />
                  </td>
                  <td data-label={t('console:columns.assignee')}>
                    {tk.assigneeId ? (names.get(tk.assigneeId) ?? '…') : <span className="muted">{t('console:list.nobody')}</span>}
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
    </Page>
  );
}
