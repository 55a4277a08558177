import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cliArgs } from '../support/cli.js';
import { TEST_DATABASE_URL } from '../support/test-db.js';
import { eml } from './support/fixtures.js';

const ROOT = path.resolve(import.meta.dirname, '../..');
let dataDir: string;
let schema: string | null = null;
let databaseUrl: string | undefined;

/** Runs the built `guichet` command, optionally feeding standard input. */
function guichet(args: string[], input?: Buffer): { code: number; stdout: string; stderr: string } {
  const r = spawnSync(process.execPath, cliArgs('--data', dataDir, ...args), {
    cwd: ROOT,
    encoding: 'utf8',
    input,
    env: { ...process.env, DATABASE_URL: databaseUrl ?? '', GUICHET_LANG: 'en', NODE_NO_WARNINGS: '1' },
    timeout: 120_000,
  });
  return { code: r.status ?? -1, stdout: r.stdout, stderr: r.stderr };
}

beforeAll(async () => {
  dataDir = mkdtempSync(path.join(tmpdir(), 'guichet-mail-cli-'));
  if (TEST_DATABASE_URL) {
    schema = `mailcli_${Date.now().toString(36)}`;
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

describe('guichet mail ingest', () => {
  it('reads a file or standard input and prints one JSON line per mail', () => {
    const file = path.join(dataDir, 'new.eml');
    writeFileSync(file, eml('new-ru-koi8.eml'));
    const created = guichet(['mail', 'ingest', file]);
    expect(created.stderr).toBe('');
    expect(created.code).toBe(0);
    const line = JSON.parse(created.stdout.trim()) as { action: string; ticket: string; reason: null };
    expect(line.action).toBe('created');
    expect(line.ticket).toMatch(/^GU-\d{4}-\d{6}$/);
    expect(line.reason).toBeNull();
    expect(created.stdout.trim().split('\n')).toHaveLength(1);
    // the same bytes from stdin (an MTA pipe): recognised, nothing added
    const again = guichet(['mail', 'ingest'], eml('new-ru-koi8.eml'));
    expect(again.code).toBe(0);
    expect(JSON.parse(again.stdout)).toEqual({ action: 'ignored', ticket: line.ticket, reason: 'duplicate' });
    const auto = guichet(['mail', 'ingest'], eml('auto-x-autoreply.eml', { SUBJECT: 'x' }));
    expect(JSON.parse(auto.stdout)).toEqual({ action: 'ignored', ticket: null, reason: 'automatic:x_autoreply' });
    const nofrom = guichet(['mail', 'ingest'], eml('missing-from.eml'));
    expect(JSON.parse(nofrom.stdout)).toEqual({ action: 'rejected', ticket: null, reason: 'no_sender' });
  });

  it('says which file it cannot read', () => {
    const r = guichet(['mail', 'ingest', path.join(dataDir, 'nope.eml')]);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('nope.eml');
    expect(r.stdout).toBe('');
  });
});
