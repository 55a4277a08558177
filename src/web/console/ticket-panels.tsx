import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { TicketDto } from '../../contracts/tickets.js';
import { fetchArticleLink, useEntitlement, useSuggestedArticles } from '../api/ticket-panels.js';
import { ProblemAlert } from '../components/problem-alert.js';
import { Loading } from '../components/status.js';

/** What the ticket is entitled to (plan, tier, basis) and the server's explanation, in the agent's language. */
export function EntitlementPanel({ ticket }: { ticket: TicketDto }) {
  const { t } = useTranslation();
  const ent = useEntitlement(ticket.number);
  return (
    <section className="panel" aria-labelledby="entitlement-title">
      <h2 id="entitlement-title" className="panel__title">
        {t('console2:entitlement.title')}
      </h2>
      <ProblemAlert error={ent.error} />
      {ent.isPending ? (
        <Loading />
      ) : ent.data ? (
        <>
          <dl className="facts">
            <dt>{t('console2:entitlement.plan')}</dt>
            <dd>{ent.data.planName ?? t('console2:entitlement.noPlan')}</dd>
            <dt>{t('console2:entitlement.tier')}</dt>
            <dd>{t(`console2:tier.${ent.data.tier}`)}</dd>
            <dt>{t('console2:entitlement.licence')}</dt>
            <dd>{ent.data.licenceNumber ?? t('console2:entitlement.noLicence')}</dd>
          </dl>
          <p className="entitlement__why">{ent.data.explanation.text}</p>
          {ent.data.notes.length ? (
            <ul className="reasons">
              {ent.data.notes.map((n, i) => (
                <li key={i}>{n.text}</li>
              ))}
            </ul>
          ) : null}
        </>
      ) : null}
    </section>
  );
}

/** The fair-use notice: shown when the requester's score is above the threshold or an exemption applies. */
export function FairUseNotice({ ticket }: { ticket: TicketDto }) {
  const { t } = useTranslation();
  const ent = useEntitlement(ticket.number);
  const fu = ent.data?.fairUse;
  if (!fu || (!fu.exempt && fu.penalty === 0 && fu.score <= fu.threshold)) return null;
  return (
    <section className="panel notice" aria-labelledby="fair-use-title">
      <h2 id="fair-use-title" className="panel__title">
        {t('console2:fairUse.title')}
      </h2>
      <p>
        {fu.exempt
          ? t('console2:fairUse.exempt', { score: fu.score, threshold: fu.threshold })
          : fu.penalty > 0
            ? t('console2:fairUse.penalty', { score: fu.score, threshold: fu.threshold })
            : t('console2:fairUse.above', { score: fu.score, threshold: fu.threshold })}
      </p>
      {fu.factors.length ? (
        <ul className="reasons">
          {fu.factors.map((f) => (
            <li key={f.name}>{f.text}</li>
          ))}
        </ul>
      ) : null}
    </section>
  );
}

/** Articles that match the ticket; "insert link" puts the article's title and address in the reply, in the ticket's language. */
export function SuggestedArticles({ ticket, onInsert }: { ticket: TicketDto; onInsert: (text: string) => void }) {
  const { t } = useTranslation();
  const sug = useSuggestedArticles(ticket.number);
  const [error, setError] = useState<unknown>(null);
  const insert = (id: string) => {
    setError(null);
    fetchArticleLink(id, ticket.language).then((link) => onInsert(link.text), setError);
  };
  const results = sug.data?.results ?? [];
  const seen = sug.data?.shownBeforeFiling ?? [];
  return (
    <section className="panel" aria-labelledby="suggested-title">
      <h2 id="suggested-title" className="panel__title">
        {t('console2:articles.title')}
      </h2>
      <ProblemAlert error={sug.error ?? error} />
      {sug.isPending ? (
        <Loading />
      ) : results.length === 0 ? (
        <p className="muted">{t('console2:articles.none')}</p>
      ) : (
        <ul className="suggested">
          {results.map((a) => (
            <li key={a.id}>
              <a href={a.url} target="_blank" rel="noreferrer">
                {a.title}
              </a>
              <div className="suggested__meta" dangerouslySetInnerHTML={{ __html: a.snippet }} />
              <button type="button" className="button button--small button--ghost" onClick={() => insert(a.id)} aria-label={t('console2:articles.insertNamed', { title: a.title })}>
                {t('console2:articles.insert')}
              </button>
            </li>
          ))}
        </ul>
      )}
      {seen.length ? (
        <>
          <h3 className="dialog__subtitle">{t('console2:articles.seenBefore')}</h3>
          {sug.data?.question ? <p className="suggested__meta">{t('console2:articles.question', { question: sug.data.question })}</p> : null}
          <ul className="suggested">
            {seen.map((a) => (
              <li key={a.id}>
                <a href={a.url} target="_blank" rel="noreferrer">
                  {a.title}
                </a>{' '}
                <span className="suggested__meta">{a.opened ? t('console2:articles.opened') : t('console2:articles.notOpened')}</span>
              </li>
            ))}
          </ul>
        </>
      ) : null}
    </section>
  );
}
