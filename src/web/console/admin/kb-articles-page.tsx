import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { Language } from '../../../contracts/enums.js';
import { useKbArticles } from '../../api/admin-kb.js';
import { Page } from '../../components/page.js';
import { ProblemAlert } from '../../components/problem-alert.js';
import { EmptyState, Loading } from '../../components/status.js';
import { When } from '../../components/when.js';

/** Admin: knowledge-base articles in every language, drafts included, with filters. */
export function KbArticlesPage() {
  const { t } = useTranslation();
  const uid = useId();
  const [lang, setLang] = useState('');
  const [state, setState] = useState('');
  const [title, setTitle] = useState('');
  const articles = useKbArticles({ lang: lang || undefined, state: state || undefined, title: title.trim() || undefined });
  const rows = articles.data?.pages.flatMap((p) => p.items) ?? [];
  return (
    <Page
      title={t('admin:kb.title')}
      subtitle={t('admin:kb.intro')}
      actions={
        <Link to="/console/admin/kb/new" className="button button--primary">
          {t('admin:kb.new')}
        </Link>
      }
    >
      <div className="toolbar">
        <div className="toolbar__filter">
          <label htmlFor={`${uid}-title`}>{t('admin:kb.searchTitle')}</label>
          <input id={`${uid}-title`} className="input input--compact" type="search" value={title} onChange={(e) => setTitle(e.target.value)} />
        </div>
        <div className="toolbar__filter">
          <label htmlFor={`${uid}-lang`}>{t('admin:kb.field.lang')}</label>
          <select id={`${uid}-lang`} className="input input--compact" value={lang} onChange={(e) => setLang(e.target.value)}>
            <option value="">{t('admin:kb.allLanguages')}</option>
            {Language.options.map((l) => (
              <option key={l} value={l}>
                {t(`web:languageName.${l}`)}
              </option>
            ))}
          </select>
        </div>
        <div className="toolbar__filter">
          <label htmlFor={`${uid}-state`}>{t('admin:kb.field.state')}</label>
          <select id={`${uid}-state`} className="input input--compact" value={state} onChange={(e) => setState(e.target.value)}>
            <option value="">{t('admin:kb.allStates')}</option>
            <option value="draft">{t('admin:kb.state.draft')}</option>
            <option value="published">{t('admin:kb.state.published')}</option>
          </select>
        </div>
      </div>
      <ProblemAlert error={articles.error} />
      {articles.isPending ? (
        <Loading />
      ) : rows.length === 0 ? (
        <EmptyState title={t('admin:kb.empty')} />
      ) : (
        <table className="table">
          <caption className="visually-hidden">{t('admin:kb.title')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('admin:kb.field.title')}</th>
              <th scope="col">{t('admin:kb.field.lang')}</th>
              <th scope="col">{t('admin:kb.field.state')}</th>
              <th scope="col">{t('admin:calendars.updated')}</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((a) => (
              <tr key={a.id}>
                <td className="table__main" data-label={t('admin:kb.field.title')}>
                  <Link to={`/console/admin/kb/${a.id}`} lang={a.lang}>
                    {a.title}
                  </Link>
                  {a.kind === 'faq' ? <span className="table__sub">{t('admin:kb.kind.faq')}</span> : null}
                </td>
                <td data-label={t('admin:kb.field.lang')}>{t(`web:languageName.${a.lang}`)}</td>
                <td data-label={t('admin:kb.field.state')}>{t(`admin:kb.state.${a.state}`)}</td>
                <td data-label={t('admin:calendars.updated')}>
                  <When iso={a.updatedAt} relative />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {articles.hasNextPage ? (
        <div className="pager">
          <button type="button" className="button button--secondary" disabled={articles.isFetchingNextPage} onClick={() => void articles.fetchNextPage()}>
            {t('web:list.next')}
          </button>
        </div>
      ) : null}
    </Page>
  );
}
