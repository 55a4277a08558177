import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams, useSearchParams } from 'react-router-dom';
import { Language } from '../../../contracts/enums.js';
import { ArticleKind, CreateArticleBody, UpdateArticleBody, type ArticleDto } from '../../../contracts/kb.js';
import { useKbArticle, useKbCategories, useKbWrites } from '../../api/admin-kb.js';
import { describedBy, Field } from '../../components/form.js';
import { Page } from '../../components/page.js';
import { ProblemAlert } from '../../components/problem-alert.js';
import { Loading, Notice } from '../../components/status.js';
import { useFieldErrors } from './admin-form.js';

/** Admin: write or change a knowledge-base article in one language, publish or unpublish it, reach its other languages. */
export function KbArticleEditPage() {
  const { id: param } = useParams();
  const id = param && param !== 'new' ? param : null;
  const stored = useKbArticle(id);
  if (id && stored.isPending) return <Loading />;
  if (id && stored.error) return <ProblemAlert error={stored.error} />;
  return <ArticleEditor key={id ?? 'new'} stored={stored.data ?? null} />;
}

function ArticleEditor({ stored }: { stored: ArticleDto | null }) {
  const { t, i18n } = useTranslation();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const uid = useId();
  const categories = useKbCategories();
  const { create, update, setState } = useKbWrites();
  const fields = useFieldErrors();
  const translationOf = params.get('translationOf') ?? undefined;
  const [v, setV] = useState({
    lang: stored?.lang ?? params.get('lang') ?? i18n.language,
    title: stored?.title ?? '',
    body: stored?.bodyMd ?? '',
    kind: stored?.kind ?? 'article',
    categoryId: stored?.categoryId ?? params.get('category') ?? '',
  });
  const [notice, setNotice] = useState<string | null>(null);
  const fid = (k: string) => `${uid}-${k}`;
  const set = (k: keyof typeof v) => (e: { target: { value: string } }) => {
    setNotice(null);
    setV((o) => ({ ...o, [k]: e.target.value }));
  };

  const submit = (e: FormEvent) => {
    e.preventDefault();
    setNotice(null);
    if (stored) {
      const body = fields.check(UpdateArticleBody, { title: v.title, body: v.body, kind: v.kind, categoryId: v.categoryId || null }, fid);
      if (body) update.mutate({ id: stored.id, body }, { onSuccess: () => setNotice(t('admin:kb.saved')), onError: fields.fromServer });
      return;
    }
    const body = fields.check(CreateArticleBody, { lang: v.lang, title: v.title, body: v.body, kind: v.kind, categoryId: v.categoryId || null, ...(translationOf ? { translationOf } : {}) }, fid);
    if (body) create.mutate(body, { onSuccess: (a) => navigate(`/console/admin/kb/${a.id}`, { replace: true }), onError: fields.fromServer });
  };
  const toggleState = () => {
    if (!stored) return;
    const publish = stored.state === 'draft';
    setState.mutate({ id: stored.id, publish }, { onSuccess: () => setNotice(t(publish ? 'admin:kb.publishedNotice' : 'admin:kb.unpublishedNotice')) });
  };

  const err = fields.errors;
  const title = stored ? t('admin:kb.editTitle', { title: stored.title }) : t('admin:kb.newTitle');
  const missing = stored ? Language.options.filter((l) => l !== stored.lang && !stored.translations.some((x) => x.lang === l)) : [];
  const categoryName = (c: { names: Partial<Record<string, { name: string }>>; slug: string }) => c.names[v.lang]?.name ?? c.names[i18n.language]?.name ?? c.slug;
  const pending = create.isPending || update.isPending;
  return (
    <Page
      title={title}
      subtitle={stored ? t(`admin:kb.stateLine.${stored.state}`, { lang: t(`web:languageName.${stored.lang}`) }) : t('admin:kb.newIntro')}
      actions={
        <Link to="/console/admin/kb" className="button button--secondary">
          {t('admin:kb.backToList')}
        </Link>
      }
    >
      {notice ? <Notice>{notice}</Notice> : null}
      {stored ? (
        <nav className="card" aria-label={t('admin:kb.languages')}>
          <h2 className="panel__title">{t('admin:kb.languages')}</h2>
          <ul className="checks">
            <li>
              <strong>{t(`web:languageName.${stored.lang}`)}</strong> · {t(`admin:kb.state.${stored.state}`)}
            </li>
            {stored.translations.map((x) => (
              <li key={x.id}>
                <Link to={`/console/admin/kb/${x.id}`} lang={x.lang}>
                  {t(`web:languageName.${x.lang}`)} — {x.title}
                </Link>{' '}
                · {t(`admin:kb.state.${x.state}`)}
              </li>
            ))}
            {missing.map((l) => (
              <li key={l}>
                <Link to={`/console/admin/kb/new?translationOf=${stored.id}&lang=${l}${stored.categoryId ? `&category=${stored.categoryId}` : ''}`}>{t('admin:kb.translateTo', { lang: t(`web:languageName.${l}`) })}</Link>
              </li>
            ))}
          </ul>
        </nav>
      ) : null}
      <form className="card form" onSubmit={submit} noValidate aria-label={title}>
        <div className="form__grid">
          <Field id={fid('lang')} label={t('admin:kb.field.lang')}>
            <select id={fid('lang')} className="input" value={v.lang} onChange={set('lang')} disabled={Boolean(stored)}>
              {Language.options.map((l) => (
                <option key={l} value={l}>
                  {t(`web:languageName.${l}`)}
                </option>
              ))}
            </select>
          </Field>
          <Field id={fid('kind')} label={t('admin:kb.field.kind')}>
            <select id={fid('kind')} className="input" value={v.kind} onChange={set('kind')}>
              {ArticleKind.options.map((k) => (
                <option key={k} value={k}>
                  {t(`admin:kb.kind.${k}`)}
                </option>
              ))}
            </select>
          </Field>
          <Field id={fid('categoryId')} label={t('admin:kb.field.category')} error={err.categoryId}>
            <select id={fid('categoryId')} className="input" value={v.categoryId} onChange={set('categoryId')} {...describedBy(fid('categoryId'), { error: err.categoryId })}>
              <option value="">{t('admin:kb.noCategory')}</option>
              {(categories.data ?? []).map((c) => (
                <option key={c.id} value={c.id}>
                  {categoryName(c)}
                </option>
              ))}
            </select>
          </Field>
        </div>
        <Field id={fid('title')} label={t('admin:kb.field.title')} error={err.title} required>
          <input id={fid('title')} className="input" lang={v.lang} value={v.title} onChange={set('title')} {...describedBy(fid('title'), { error: err.title })} />
        </Field>
        <Field id={fid('body')} label={t('admin:kb.field.body')} hint={t('admin:kb.bodyHint')} error={err.body}>
          <textarea id={fid('body')} className="input kb-body" lang={v.lang} rows={16} value={v.body} onChange={set('body')} {...describedBy(fid('body'), { hint: true, error: err.body })} />
        </Field>
        <ProblemAlert error={create.error ?? update.error ?? setState.error} />
        <div className="form__actions">
          {stored ? (
            <button type="button" className="button button--secondary" onClick={toggleState} disabled={setState.isPending}>
              {stored.state === 'draft' ? t('admin:kb.publish') : t('admin:kb.unpublish')}
            </button>
          ) : null}
          <button type="submit" className="button button--primary" disabled={pending}>
            {pending ? t('web:saving') : stored ? t('admin:kb.save') : t('admin:kb.createDraft')}
          </button>
        </div>
      </form>
      {stored ? (
        <section className="card" aria-labelledby={fid('preview')}>
          <h2 id={fid('preview')} className="panel__title">
            {t('admin:kb.savedVersion')}
          </h2>
          {stored.state === 'published' ? (
            <p>
              <a href={stored.url}>{t('admin:kb.publicPage')}</a>
            </p>
          ) : null}
          {/* bodyHtml is rendered and sanitized by the server. */}
          <div className="kb-preview" lang={stored.lang} dangerouslySetInnerHTML={{ __html: stored.bodyHtml }} />
        </section>
      ) : null}
    </Page>
  );
}
