import { useId, useMemo, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { LANGUAGES, type Lang } from '../../i18n/languages.js';
import { useSessionActions, useUser } from '../api/session.js';
import { describedBy, Field } from '../components/form.js';
import { Page } from '../components/page.js';
import { ProblemAlert } from '../components/problem-alert.js';
import { Notice } from '../components/status.js';
import { changeLanguage } from '../i18n/i18n.js';
import { TwoFactorPanel } from './two-factor.js';

/** My account: language and time zone (dates are shown in it), two-factor sign-in. */
export function ProfilePage() {
  const { t } = useTranslation();
  const user = useUser();
  const { updateProfile } = useSessionActions();
  const id = useId();
  const zones = useMemo(() => Intl.supportedValuesOf('timeZone'), []);
  const [language, setLanguage] = useState<Lang>(user.language);
  const [timeZone, setTimeZone] = useState(user.timeZone);
  const [error, setError] = useState<unknown>(null);
  const [saved, setSaved] = useState(false);
  const [busy, setBusy] = useState(false);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setBusy(true);
    setSaved(false);
    setError(null);
    try {
      await updateProfile({ language, timeZone: timeZone.trim() });
      await changeLanguage(language);
      setSaved(true);
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  };

  return (
    <Page title={t('web:account.title')} subtitle={`${user.name} · ${user.email}`} width="narrow">
      <form className="panel form" onSubmit={(e) => void submit(e)} aria-labelledby={`${id}-prefs`}>
        <h2 id={`${id}-prefs`} className="panel__title">
          {t('web:account.preferences')}
        </h2>
        {saved ? <Notice>{t('web:account.saved')}</Notice> : null}
        <Field id={`${id}-lang`} label={t('web:account.language')}>
          <select id={`${id}-lang`} className="input" value={language} onChange={(e) => setLanguage(e.target.value as Lang)}>
            {LANGUAGES.map((l) => (
              <option key={l} value={l}>
                {t(`web:languageName.${l}`)}
              </option>
            ))}
          </select>
        </Field>
        <Field id={`${id}-tz`} label={t('web:account.timeZone')} hint={t('web:account.timeZoneHint')}>
          <input id={`${id}-tz`} className="input" list={`${id}-zones`} value={timeZone} onChange={(e) => setTimeZone(e.target.value)} {...describedBy(`${id}-tz`, { hint: true })} />
          <datalist id={`${id}-zones`}>
            {zones.map((z) => (
              <option key={z} value={z} />
            ))}
          </datalist>
        </Field>
        <ProblemAlert error={error} />
        <div className="form__actions">
          <button type="submit" className="button button--primary" disabled={busy}>
            {busy ? t('web:saving') : t('web:account.save')}
          </button>
        </div>
      </form>
      <TwoFactorPanel />
    </Page>
  );
}
