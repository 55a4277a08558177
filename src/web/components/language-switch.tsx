import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { LANGUAGES, type Lang } from '../../i18n/languages.js';
import { useSession, useSessionActions } from '../api/session.js';
import { changeLanguage } from '../i18n/i18n.js';

/** Each language named in itself, as people look for their own (not translated on purpose). */
const AUTONYMS: Record<Lang, string> = { fr: 'Français', es: 'Español', en: 'English', ru: 'Русский' };

/** Switches the interface language; signed in, it also becomes the person's language for the server's messages. */
export function LanguageSwitch() {
  const { t, i18n } = useTranslation();
  const { session } = useSession();
  const { updateProfile } = useSessionActions();
  const id = useId();
  const onChange = async (lang: Lang) => {
    await changeLanguage(lang);
    if (session && session.user.language !== lang) await updateProfile({ language: lang }).catch(() => undefined);
  };
  return (
    <div className="lang">
      <label htmlFor={id} className="visually-hidden">
        {t('web:language')}
      </label>
      <select id={id} className="input input--compact" value={i18n.language} onChange={(e) => void onChange(e.target.value as Lang)}>
        {LANGUAGES.map((l) => (
          <option key={l} value={l} lang={l}>
            {AUTONYMS[l]}
          </option>
        ))}
      </select>
    </div>
  );
}
