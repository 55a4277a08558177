import i18next, { type BackendModule, type i18n as I18n } from 'i18next';
import { initReactI18next } from 'react-i18next';
import { DEFAULT_LANGUAGE, isLang, LANGUAGES, pickLanguage, type Lang } from '../../i18n/languages.js';
import { setApiLanguage } from '../api/client.js';

/**
 * Namespaces the web app loads (src/i18n/locales/<lang>/<ns>.json). To add one: create the file in
 * the four languages, add its name here and its pattern to CATALOGUES below (Vite needs literals).
 */
export const WEB_NAMESPACES = ['common', 'web', 'portal', 'console', 'intake', 'callbacks', 'console2', 'admin', 'reports'] as const;

// One lazy chunk per catalogue: a person downloads only their language.
const CATALOGUES = import.meta.glob<{ default: Record<string, unknown> }>([
  '../../i18n/locales/*/common.json',
  '../../i18n/locales/*/web.json',
  '../../i18n/locales/*/portal.json',
  '../../i18n/locales/*/console.json',
  '../../i18n/locales/*/intake.json',
  '../../i18n/locales/*/callbacks.json',
  '../../i18n/locales/*/console2.json',
  '../../i18n/locales/*/admin.json',
  '../../i18n/locales/*/reports.json',
]);

const lazyCatalogues: BackendModule = {
  type: 'backend',
  init() {},
  read(language, namespace, callback) {
    const load = CATALOGUES[`../../i18n/locales/${language}/${namespace}.json`];
    if (!load) {
      callback(new Error(`no catalogue ${language}/${namespace}`), false);
      return;
    }
    load().then(
      (m) => callback(null, m.default),
      (e: Error) => callback(e, false),
    );
  },
};

/** Missing translations seen so far; the browser tests fail when this is not empty. */
export const missingKeys: string[] = [];
declare global {
  interface Window {
    /** Read by the e2e suite. */
    __guichetMissingKeys?: string[];
  }
}

const STORED = 'guichet.language';

/** The language to start in: the last one chosen on this device, else the browser's. */
export function initialLanguage(): Lang {
  const stored = localStorage.getItem(STORED);
  if (isLang(stored)) return stored;
  return pickLanguage(navigator.languages.join(','), DEFAULT_LANGUAGE);
}

/** Switches the interface language (and remembers it on this device). */
export async function changeLanguage(lang: Lang): Promise<void> {
  localStorage.setItem(STORED, lang);
  await i18next.changeLanguage(lang);
}

/** Starts i18next for the web app; resolves once the first language's catalogues are loaded. */
export async function setupI18n(): Promise<I18n> {
  window.__guichetMissingKeys = missingKeys;
  i18next.on('languageChanged', (lng) => {
    document.documentElement.lang = lng;
    setApiLanguage(lng);
  });
  await i18next
    .use(lazyCatalogues)
    .use(initReactI18next)
    .init({
      lng: initialLanguage(),
      fallbackLng: false,
      supportedLngs: [...LANGUAGES],
      ns: [...WEB_NAMESPACES],
      defaultNS: 'web',
      interpolation: { escapeValue: false },
      returnNull: false,
      saveMissing: true,
      missingKeyHandler: (lngs, ns, key) => {
        const entry = `${lngs.join(',')}:${ns}:${key}`;
        missingKeys.push(entry);
        console.error(`[i18n] missing translation ${entry}`);
      },
      react: { useSuspense: true },
      showSupportNotice: false,
    });
  return i18next;
}
