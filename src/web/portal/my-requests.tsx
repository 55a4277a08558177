import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router-dom';
import { TicketState } from '../../contracts/enums.js';
import { useUser } from '../api/session.js';
import { useTicketList, type TicketFilter } from '../api/tickets.js';
import { StateBadge } from '../components/badges.js';
import { LoadMore } from '../components/load-more.js';
import { Page } from '../components/page.js';
import { ProblemAlert } from '../components/problem-alert.js';
import { ExpectedResponse } from '../components/sla.js';
import { EmptyState, Loading } from '../components/status.js';
import { When } from '../components/when.js';

/** The portal's home: my requests, or my organization's when it shares them, with state and expected response. */
export function MyRequestsPage() {
  const { t } = useTranslation();
  const user = useUser();
  const stateId = useId();
  const [params, setParams] = useSearchParams();
  const orgScope = params.get('scope') === 'org' && user.organizationSharesTickets && user.organizationId !== null;
  const state = TicketState.safeParse(params.get('state')).data;
  const filter: TicketFilter = { ...(orgScope ? { organization: user.organizationId! } : { requester: user.id }), ...(state ? { state } : {}) };
  const list = useTicketList(filter);
  const tickets = list.data?.pages.flatMap((p) => p.items) ?? [];
  const set = (k: string, v: string | null) => {
    const next = new URLSearchParams(params);
    if (v) next.set(k, v);
    else next.delete(k);
    setParams(next, { replace: true });
  };

  return (
    <Page
      title={t('portal:home.title')}
      subtitle={user.organizationName ? t('portal:home.subtitle', { organization: user.organizationName }) : null}
      actions={
        <Link to="/portal/new" className="button button--primary">
          {t('portal:home.newRequest')}
        </Link>
      }
    >
      <div className="toolbar">
        {user.organizationSharesTickets ? (
          <div className="tabs" role="group" aria-label={t('portal:home.scope')}>
            <button type="button" className="tabs__tab" aria-pressed={!orgScope} onClick={() => set('scope', null)}>
              {t('portal:home.mine')}
            </button>
            <button type="button" className="tabs__tab" aria-pressed={orgScope} onClick={() => set('scope', 'org')}>
              {t('portal:home.organization')}
            </button>
          </div>
        ) : null}
        <div className="toolbar__filter">
          <label htmlFor={stateId}>{t('portal:home.stateFilter')}</label>
          <select id={stateId} className="input input--compact" value={state ?? ''} onChange={(e) => set('state', e.target.value || null)}>
            <option value="">{t('portal:home.allStates')}</option>
            {TicketState.options.map((s) => (
              <option key={s} value={s}>
                {t(`common:state.${s}`)}
              </option>
            ))}
          </select>
        </div>
      </div>
      <ProblemAlert error={list.error} />
      {list.isPending ? (
        <Loading />
      ) : tickets.length === 0 ? (
        <EmptyState
          title={state ? t('portal:home.emptyFiltered') : t('portal:home.empty')}
          action={
            <Link to="/portal/new" className="button button--primary">
              {t('portal:home.newRequest')}
            </Link>
          }
        >
          {t('portal:home.emptyHint')}
        </EmptyState>
      ) : (
        <>
          <table className="table">
            <caption className="visually-hidden">{orgScope ? t('portal:home.organization') : t('portal:home.mine')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('portal:columns.number')}</th>
                <th scope="col">{t('portal:columns.subject')}</th>
                {orgScope ? <th scope="col">{t('portal:columns.requester')}</th> : null}
                <th scope="col">{t('portal:columns.state')}</th>
                <th scope="col">{t('portal:columns.expected')}</th>
                <th scope="col">{t('portal:columns.updated')}</th>
              </tr>
            </thead>
            <tbody>
              {tickets.map((ticket) => (
                <tr key={ticket.id}>
                  <td data-label={t('portal:columns.number')} className="table__number">
                    {ticket.number}
                  </td>
                  <td data-label={t('portal:columns.subject')} className="table__main">
                    <Link to={`/portal/requests/${ticket.number}`}>{ticket.subject}</Link>
                  </td>
                  {orgScope ? <td data-label={t('portal:columns.requester')}>{ticket.requester.name}</td> : null}
                  <td data-label={t('portal:columns.state')}>
                    <StateBadge state={ticket.state} reason={ticket.pendingReason} />
                  </td>
                  <td data-label={t('portal:columns.expected')}>
                    <ExpectedResponse ticket={ticket} />
                  </td>
                  <td data-label={t('portal:columns.updated')}>
                    <When iso={ticket.updatedAt} relative />
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
