import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Resource } from 'i18next';
import { LANGUAGES } from './languages.js';

/** Where the JSON catalogues live: src/i18n/locales in development, dist/i18n/locales when built. */
export const LOCALES_DIR = fileURLToPath(new URL('./locales/', import.meta.url));

/** Reads every catalogue (locales/<lang>/<namespace>.json) from disk. */
export function loadServerResources(dir: string = LOCALES_DIR): Resource {
  const resources: Resource = {};
  for (const lang of LANGUAGES) {
    const namespaces: Record<string, Record<string, unknown>> = {};
    for (const file of readdirSync(new URL(`${lang}/`, `file://${dir}`)).filter((f) => f.endsWith('.json'))) {
      namespaces[file.slice(0, -5)] = JSON.parse(readFileSync(`${dir}${lang}/${file}`, 'utf8')) as Record<string, unknown>;
    }
    resources[lang] = namespaces;
  }
  return resources;
}
