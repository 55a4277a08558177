import { readdirSync, statSync } from 'node:fs';
import path from 'node:path';

/** The package root. */
export const ROOT = path.resolve(import.meta.dirname, '../..');

function newestSource(dir: string): number {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const file = path.join(dir, entry.name);
    if (entry.isDirectory()) newest = Math.max(newest, newestSource(file));
    else if (!entry.name.includes('.test.')) newest = Math.max(newest, statSync(file).mtimeMs);
  }
  return newest;
}

let checked = false;

/**
 * Node arguments that run the real `guichet` command: the built CLI (bin/guichet.js → dist/),
 * exactly what users run. `npm test` builds first (transpiling the sources on every spawn would cost
 * seconds of CPU per command); a stale build fails loudly instead of testing old code.
 */
export function cliArgs(...args: string[]): string[] {
  if (!checked) {
    const built = (() => {
      try {
        return statSync(path.join(ROOT, 'dist/server/main/cli.js')).mtimeMs;
      } catch {
        return 0;
      }
    })();
    const stale = ['server', 'domain', 'contracts', 'i18n'].some((d) => newestSource(path.join(ROOT, 'src', d)) > built);
    if (stale) throw new Error('dist/ is missing or older than src/: run `npm run build:server` (npm test does it) before the CLI tests');
    checked = true;
  }
  return [path.join(ROOT, 'bin/guichet.js'), ...args];
}
