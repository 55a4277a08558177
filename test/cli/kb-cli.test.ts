import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { cliArgs } from '../support/cli.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TEST_DATABASE_URL } from '../support/test-db.js';

const ROOT = path.resolve(import.meta.dirname, '../..');
let dataDir: string;
let schema: string | null = null;
let databaseUrl: string | undefined;

/** Runs the real `guichet` command (from source). */
function guichet(...args: string[]): { code: number; stdout: string; stderr: string } {
  const r = spawnSync(process.execPath, cliArgs('--data', dataDir, ...args), {
    cwd: ROOT,
    encoding: 'utf8',
    env: { ...process.env, DATABASE_URL: databaseUrl ?? '', GUICHET_LANG: 'en', NODE_NO_WARNINGS: '1' },
    timeout: 120_000,
  });
  return { code: r.status ?? -1, stdout: r.stdout, stderr: r.stderr };
}

beforeAll(async () => {
  dataDir = mkdtempSync(path.join(tmpdir(), 'guichet-kb-cli-'));
  if (TEST_DATABASE_URL) {
    schema = `kbcli_${Date.now().toString(36)}`;
    const c = new pg.Client({ connectionString: TEST_DATABASE_URL });
    await c.connect();
    await c.query(`create schema ${schema}`);
    await c.end();
    databaseUrl = `${TEST_DATABASE_URL}${TEST_DATABASE_URL.includes('?') ? '&' : '?'}options=${encodeURIComponent(`-c search_path=${schema}`)}`;
  }
});

afterAll(async () => {
  rmSync(dataDir, { recursive: true, force: true });
  if (schema) {
    const c = new pg.Client({ connectionString: TEST_DATABASE_URL! });
    await c.connect();
    await c.query(`drop schema ${schema} cascade`);
    await c.end();
  }
});

describe('guichet kb', () => {
  it('imports JSON lines, upserts by id and language, reports rejected lines and exports the same format', () => {
    const file = path.join(dataDir, 'kb.jsonl');
    writeFileSync(
      file,
      [
        JSON.stringify({ id: 'faq-1', title: 'Reset a password', body: 'Open **Account** and choose *Reset*.', lang: 'en' }),
        JSON.stringify({ id: 'faq-1', title: 'Réinitialiser un mot de passe', body: 'Ouvrez **Compte** puis *Réinitialiser*.', lang: 'fr' }),
        'this is not JSON',
        JSON.stringify({ id: 'faq-2', title: 'Missing body', lang: 'en' }),
        JSON.stringify({ id: 'faq-3', title: 'German', body: 'Hallo', lang: 'de' }),
        JSON.stringify({ id: 'faq-4', title: '', body: 'A paragraph without a title, as in the benchmark.', source_title: 'ignored' }),
        '',
      ].join('\n'),
    );
    const first = guichet('kb', 'import', file, '--lang', 'en', '--publish');
    expect(first.code).toBe(2);
    expect(first.stdout).toContain('Imported: 2 created, 0 updated, 0 unchanged, 4 rejected.');
    expect(first.stderr).toContain('line 2: lang: the record is in "fr", the import is for "en"');
    expect(first.stderr).toContain('line 3: not JSON');
    expect(first.stderr).toContain('line 4: body');
    expect(first.stderr).toContain('line 5: lang');
    expect(first.stderr).toMatch(/import \[/);

    const fr = guichet('kb', 'import', file);
    expect(fr.stdout).toContain('1 created');
    // The French version came in as a draft: publishing it is its only change; the English one is unchanged.
    const again = guichet('kb', 'import', file, '--publish');
    expect(again.stdout).toContain('Imported: 0 created, 1 updated, 1 unchanged, 4 rejected.');

    const out = guichet('kb', 'export', '--lang', 'en');
    expect(out.code).toBe(0);
    const lines = out.stdout.trim().split('\n').map((l) => JSON.parse(l) as Record<string, string>);
    expect(lines).toEqual(
      expect.arrayContaining([
        { id: 'faq-1', title: 'Reset a password', body: 'Open **Account** and choose *Reset*.', lang: 'en' },
        { id: 'faq-4', title: '', body: 'A paragraph without a title, as in the benchmark.', lang: 'en' },
      ]),
    );
    expect(out.stderr).toContain('2 articles exported.');
    const all = guichet('kb', 'export');
    expect(all.stdout.trim().split('\n')).toHaveLength(3);

    const reindex = guichet('kb', 'reindex');
    expect(reindex.code).toBe(0);
    expect(reindex.stdout).toContain('Search index rebuilt: 3 articles, 0 tickets.');
  }, 240_000);

  it('says clearly when the file cannot be read or the language is wrong', () => {
    const missing = guichet('kb', 'import', path.join(dataDir, 'nope.jsonl'));
    expect(missing.code).toBe(1);
    expect(missing.stderr).toContain('cannot read');
    const lang = guichet('kb', 'export', '--lang', 'xx');
    expect(lang.code).toBe(1);
    expect(lang.stderr).toContain('--lang');
  }, 120_000);
});
