import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
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

/** Runs the real `guichet` command (from source) and returns its exit code and output. */
function guichet(...args: string[]): { code: number; stdout: string; stderr: string } {
  return guichetIn('en', ...args);
}

function guichetIn(lang: string, ...args: string[]): { code: number; stdout: string; stderr: string } {
  const r = spawnSync(process.execPath, cliArgs('--data', dataDir, ...args), {
    cwd: ROOT,
    encoding: 'utf8',
    env: { ...process.env, DATABASE_URL: databaseUrl ?? '', GUICHET_LANG: lang, NODE_NO_WARNINGS: '1' },
    timeout: 120_000,
  });
  return { code: r.status ?? -1, stdout: r.stdout, stderr: r.stderr };
}

beforeAll(async () => {
  dataDir = mkdtempSync(path.join(tmpdir(), 'guichet-cli-'));
  if (TEST_DATABASE_URL) {
    schema = `cli_${Date.now().toString(36)}`;
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

describe('guichet command', () => {
  it('migrates, and a second migrate has nothing to do', () => {
    const first = guichet('migrate');
    expect(first.stderr).toBe('');
    expect(first.code).toBe(0);
    expect(first.stdout).toContain('0001-foundation');
    expect(guichet('migrate').stdout).toContain('Nothing to do');
    expect(guichetIn('fr', 'migrate').stdout).toContain('Rien à faire');
    expect(guichetIn('ru', 'migrate').stdout).toContain('Делать нечего');
  });

  it('adds a user, refuses a duplicate and bad input with clear messages', () => {
    const ok = guichet('user', 'add', '--email', 'Ops@Example.org', '--password', 'a long password', '--role', 'admin', '--org', 'Vendor', '--language', 'fr');
    expect(ok.code).toBe(0);
    expect(ok.stdout.trim()).toMatch(/^[0-9a-f-]{36}$/);
    const dup = guichet('user', 'add', '--email', 'ops@example.org', '--role', 'admin');
    expect(dup.code).toBe(1);
    expect(dup.stderr).toContain('ops@example.org already exists');
    expect(guichetIn('es', 'user', 'add', '--email', 'ops@example.org', '--role', 'admin').stderr).toContain('Ya existe un usuario con el correo ops@example.org');
    const bad = guichet('user', 'add', '--email', 'not-an-email', '--role', 'boss');
    expect(bad.code).toBe(1);
    expect(bad.stderr).toContain('--email');
    expect(bad.stderr).toContain('--role');
  });

  it('prints only the new token on stdout, and the token works', () => {
    const r = guichet('token', 'create', '--email', 'ops@example.org');
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^[A-Za-z0-9_-]{43}\n$/);
    const unknown = guichet('token', 'create', '--email', 'ghost@example.org');
    expect(unknown.code).toBe(1);
    expect(unknown.stdout).toBe('');
  });

  it('loads the demo once, with progress on stderr', () => {
    const first = guichet('demo', '--tickets', '10');
    expect(first.code).toBe(0);
    expect(first.stdout).toContain('Demo data loaded');
    expect(first.stdout).toContain('admin@demo.guichet.test');
    expect(first.stderr).toContain('10/10');
    const again = guichet('demo', '--tickets', '10');
    expect(again.stdout).toContain('already present');
  });

  it('undoes and redoes every migration', () => {
    const down = guichet('migrate', '--down', '--all');
    expect(down.code).toBe(0);
    expect(down.stdout).toContain('Undone');
    expect(guichet('migrate').stdout).toContain('0001-foundation');
  });

  it('refuses invalid settings naming the variable', () => {
    const r = spawnSync(process.execPath, cliArgs('migrate'), {
      cwd: ROOT,
      encoding: 'utf8',
      env: { ...process.env, DATABASE_URL: 'mysql://nope', NODE_NO_WARNINGS: '1' },
    });
    expect(r.status).toBe(1);
    expect(r.stderr).toContain('DATABASE_URL');
  });
});
