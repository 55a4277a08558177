import i18next, { type i18n as I18n, type Resource } from 'i18next';
import { DEFAULT_LANGUAGE, LANGUAGES } from './languages.js';

/**
 * Builds an i18next instance over the given resources (lang → namespace → keys).
 * Missing keys are reported through `onMissing` so tests can fail on them.
 */
export function createI18n(resources: Resource, onMissing?: (lng: string, ns: string, key: string) => void): I18n {
  const instance = i18next.createInstance();
  void instance.init({
    resources,
    lng: DEFAULT_LANGUAGE,
    fallbackLng: false,
    supportedLngs: [...LANGUAGES],
    ns: Object.keys(resources[DEFAULT_LANGUAGE] ?? {}),
    defaultNS: 'common',
    interpolation: { escapeValue: false },
    initAsync: false,
    saveMissing: Boolean(onMissing),
    missingKeyHandler: onMissing
      ? (lngs, ns, key) => {
          for (const l of lngs) onMissing(l, ns, key);
        }
      : false,
    returnNull: false,
    showSupportNotice: false,
  });
  return instance;
}
