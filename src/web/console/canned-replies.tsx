import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Language } from '../../contracts/enums.js';
import type { CannedReplyDto } from '../../contracts/canned-replies.js';
import { useCannedReplies, useDeleteCannedReply, useSaveCannedReply } from '../api/canned-replies.js';
import { useUser } from '../api/session.js';
import { Page } from '../components/page.js';
import { ProblemAlert } from '../components/problem-alert.js';
import { EmptyState, Loading } from '../components/status.js';

/** The composer's canned-reply picker: the replies in the ticket's language; choosing one inserts its text. */
export function CannedReplyPicker({ language, onPick }: { language: string; onPick: (text: string) => void }) {
  const { t } = useTranslation();
  const id = useId();
  const replies = useCannedReplies(language);
  const items = replies.data ?? [];
  return (
    <div className="composer__tools">
      <div className="field">
        <label htmlFor={id} className="field__label">
          {t('console2:canned.pick')}
        </label>
        <select
          id={id}
          className="input input--compact"
          value=""
          disabled={items.length === 0}
          onChange={(e) => {
            const chosen = items.find((r) => r.id === e.target.value);
            if (chosen) onPick(chosen.body);
          }}
        >
          <option value="">{items.length ? t('console2:canned.choose') : t('console2:canned.noneInLanguage')}</option>
          {items.map((r) => (
            <option key={r.id} value={r.id}>
              {r.title}
            </option>
          ))}
        </select>
      </div>
    </div>
  );
}

interface Draft {
  id?: string;
  language: Language;
  title: string;
  body: string;
}

/** Canned replies: every agent writes them; the author or an admin changes or deletes one. */
export function CannedRepliesPage() {
  const { t, i18n } = useTranslation();
  const me = useUser();
  const id = useId();
  const replies = useCannedReplies();
  const save = useSaveCannedReply();
  const remove = useDeleteCannedReply();
  const fresh = (): Draft => ({ language: Language.safeParse(i18n.language).data ?? 'en', title: '', body: '' });
  const [draft, setDraft] = useState<Draft>(fresh);
  const [done, setDone] = useState<string | null>(null);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    setDone(null);
    save.mutate(draft, {
      onSuccess: (r) => {
        setDone(t('console2:canned.saved', { title: r.title }));
        setDraft(fresh());
      },
    });
  };
  const mayChange = (r: CannedReplyDto) => me.role === 'admin' || r.createdBy === me.id;
  const items = replies.data ?? [];
  return (
    <Page title={t('console2:canned.title')} subtitle={t('console2:canned.intro')}>
      <form className="panel form form--compact" onSubmit={submit} aria-labelledby={`${id}-title`}>
        <h2 id={`${id}-title`} className="panel__title">
          {draft.id ? t('console2:canned.edit') : t('console2:canned.create')}
        </h2>
        <label htmlFor={`${id}-lang`} className="field__label">
          {t('console2:canned.language')}
        </label>
        <select id={`${id}-lang`} className="input" value={draft.language} onChange={(e) => setDraft({ ...draft, language: e.target.value as Language })}>
          {Language.options.map((l) => (
            <option key={l} value={l}>
              {t(`web:languageName.${l}`)}
            </option>
          ))}
        </select>
        <label htmlFor={`${id}-name`} className="field__label">
          {t('console2:canned.name')}
        </label>
        <input id={`${id}-name`} className="input" required maxLength={120} value={draft.title} onChange={(e) => setDraft({ ...draft, title: e.target.value })} />
        <label htmlFor={`${id}-body`} className="field__label">
          {t('console2:canned.body')}
        </label>
        <textarea id={`${id}-body`} className="input" required rows={5} maxLength={20000} value={draft.body} onChange={(e) => setDraft({ ...draft, body: e.target.value })} />
        <ProblemAlert error={save.error} />
        <div className="form__actions">
          {done ? (
            <span role="status" className="composer__sent">
              {done}
            </span>
          ) : null}
          {draft.id ? (
            <button type="button" className="button button--ghost" onClick={() => setDraft(fresh())}>
              {t('console2:canned.cancel')}
            </button>
          ) : null}
          <button type="submit" className="button button--primary" disabled={save.isPending}>
            {save.isPending ? t('web:saving') : t('console2:canned.save')}
          </button>
        </div>
      </form>
      <ProblemAlert error={replies.error ?? remove.error} />
      {replies.isPending ? (
        <Loading />
      ) : items.length === 0 ? (
        <EmptyState title={t('console2:canned.empty')}>{t('console2:canned.emptyHint')}</EmptyState>
      ) : (
        <table className="table">
          <caption className="visually-hidden">{t('console2:canned.title')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('console2:canned.name')}</th>
              <th scope="col">{t('console2:canned.language')}</th>
              <th scope="col">{t('console2:canned.body')}</th>
              <th scope="col">{t('console2:canned.actions')}</th>
            </tr>
          </thead>
          <tbody>
            {items.map((r) => (
              <tr key={r.id}>
                <td className="table__main" data-label={t('console2:canned.name')}>
                  {r.title}
                </td>
                <td data-label={t('console2:canned.language')}>{t(`web:languageName.${r.language}`)}</td>
                <td data-label={t('console2:canned.body')} className="canned__body">
                  {r.body}
                </td>
                <td data-label={t('console2:canned.actions')}>
                  {mayChange(r) ? (
                    <span className="inline-actions">
                      <button type="button" className="button button--small button--ghost" onClick={() => setDraft({ id: r.id, language: r.language, title: r.title, body: r.body })} aria-label={t('console2:canned.editNamed', { title: r.title })}>
                        {t('console2:canned.editShort')}
                      </button>
                      <button type="button" className="button button--small button--ghost" onClick={() => remove.mutate(r.id)} aria-label={t('console2:canned.deleteNamed', { title: r.title })}>
                        {t('console2:canned.delete')}
                      </button>
                    </span>
                  ) : null}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </Page>
  );
}
