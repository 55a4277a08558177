import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { cliArgs } from '../support/cli.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/server/config/config.js';
import { migrateToLatest } from '../../src/server/db/migrate.js';
import { compose } from '../../src/server/main/compose.js';
import { addUser } from '../../src/server/services/users/add-user.js';
import { makeCatalogue } from '../support/entitlement-fixtures.js';
import { TEST_DATABASE_URL } from '../support/test-db.js';

const ROOT = path.resolve(import.meta.dirname, '../..');
let dir: string;
let schema: string | null = null;
let databaseUrl: string | undefined;

function guichet(...args: string[]): { code: number; stdout: string; stderr: string } {
  const r = spawnSync(process.execPath, cliArgs('--data', dir, ...args), {
    cwd: ROOT,
    encoding: 'utf8',
    env: { ...process.env, DATABASE_URL: databaseUrl ?? '', GUICHET_LANG: 'en', NODE_NO_WARNINGS: '1' },
    timeout: 120_000,
  });
  return { code: r.status ?? -1, stdout: r.stdout, stderr: r.stderr };
}

async function withRuntime<T>(work: (rt: ReturnType<typeof compose>) => Promise<T>): Promise<T> {
  const rt = compose(loadConfig({ GUICHET_DATA_DIR: dir, GUICHET_LOG_LEVEL: 'silent', ...(databaseUrl ? { DATABASE_URL: databaseUrl } : {}) }), { logger: { info() {}, warn() {}, error() {}, debug() {} } });
  try {
    return await work(rt);
  } finally {
    await rt.close();
  }
}

const count = (table: 'licences' | 'contracts') =>
  withRuntime(async (rt) => Number((await rt.deps.db.selectFrom(table).select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n));

beforeAll(async () => {
  dir = mkdtempSync(path.join(tmpdir(), 'guichet-import-'));
  if (TEST_DATABASE_URL) {
    schema = `imp_${Date.now().toString(36)}`;
    const c = new pg.Client({ connectionString: TEST_DATABASE_URL });
    await c.connect();
    await c.query(`create schema ${schema}`);
    await c.end();
    databaseUrl = `${TEST_DATABASE_URL}${TEST_DATABASE_URL.includes('?') ? '&' : '?'}options=${encodeURIComponent(`-c search_path=${schema}`)}`;
  }
  await withRuntime(async (rt) => {
    await migrateToLatest(rt.database.db);
    const admin = await addUser(rt.deps, { email: 'admin@import.test', role: 'admin' });
    await makeCatalogue(rt.deps, { id: admin.id, email: admin.email, token: '', actor: { id: admin.id, email: admin.email, name: 'a', role: 'admin', organizationId: null, organizationShares: false, language: 'en', timeZone: 'UTC' } });
    await addUser(rt.deps, { email: 'a@durand.test', role: 'customer', organization: 'Durand & Associés' });
    await addUser(rt.deps, { email: 'b@sol.test', role: 'customer', organization: 'Ferretería Sol' });
  });
}, 120_000);

afterAll(async () => {
  rmSync(dir, { recursive: true, force: true });
  if (schema) {
    const c = new pg.Client({ connectionString: TEST_DATABASE_URL! });
    await c.connect();
    await c.query(`drop schema ${schema} cascade`);
    await c.end();
  }
});

const LICENCES = [
  'Number,Product,Version,Purchase date,Organization,Seats',
  'AS-28-0001,AS,28.0.412,2027-01-15,Durand & Associés,3',
  'AS-28-0002,AS,28,2027-02-01,"Ferretería Sol",1',
  'GC-11-0001,GC,11.1,2026-11-30,,',
  'XX-1,NOPE,1,2027-01-01,Durand & Associés,1',
  'AS-27-0009,AS,27.5,2027-02-30,Nobody Inc,0',
  'AS-28-0001,AS,28,2027-01-15,Durand & Associés,1',
  'AS-99-0001,AS,99,2027-01-15,Durand & Associés,1',
].join('\r\n');

describe('guichet import licences / contracts', () => {
  it('imports good rows, reports each rejected row with its reasons, progress on stderr', async () => {
    const file = path.join(dir, 'licences.csv');
    writeFileSync(file, `\ufeff${LICENCES}\r\n`);
    const r = guichet('import', 'licences', file);
    expect(r.code, r.stderr).toBe(2);
    expect(r.stdout).toContain('rows 7; created 3, updated 0, unchanged 0, rejected 4.');
    expect(r.stdout).toContain('line 5 (XX-1): unknown product “NOPE”');
    expect(r.stdout).toContain('line 6 (AS-27-0009): purchase_date “2027-02-30” is not a day written YYYY-MM-DD; unknown organization “Nobody Inc”; invalid number of seats “0”');
    expect(r.stdout).toContain('line 7 (AS-28-0001): same number as line 2');
    expect(r.stdout).toContain('line 8 (AS-99-0001): AS has no version 99');
    expect(r.stderr).toContain('7/7');
    expect(await count('licences')).toBe(3);
  });

  it('changes nothing when run again (upsert by number), and updates a changed row', () => {
    const file = path.join(dir, 'licences.csv');
    expect(guichet('import', 'licences', file).stdout).toContain('created 0, updated 0, unchanged 3, rejected 4.');
    const changed = path.join(dir, 'licences-2.csv');
    writeFileSync(changed, 'number,product,version,purchase_date,organization,seats\nAS-28-0001,AS,28.0.412,2027-01-15,Durand & Associés,5\n');
    const r = guichet('import', 'licences', changed);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('created 0, updated 1, unchanged 0, rejected 0.');
  });

  it('stores nothing on a fatal error: a missing column, an unreadable file, broken CSV', async () => {
    const before = await count('licences');
    const noColumn = path.join(dir, 'no-column.csv');
    writeFileSync(noColumn, 'number,product,version\nNEW-1,AS,28\n');
    const a = guichet('import', 'licences', noColumn);
    expect(a.code).toBe(1);
    expect(a.stderr).toContain('The file lacks the columns: purchase_date, organization. Nothing was imported.');
    const b = guichet('import', 'licences', path.join(dir, 'missing.csv'));
    expect(b.code).toBe(1);
    expect(b.stderr).toContain('cannot be read: ENOENT');
    const broken = path.join(dir, 'broken.csv');
    writeFileSync(broken, 'number,product,version,purchase_date,organization\nNEW-2,AS,28,2027-01-01,"Durand\n');
    const c = guichet('import', 'licences', broken);
    expect(c.code).toBe(1);
    expect(c.stderr).toContain('line 2 is never closed');
    expect(await count('licences')).toBe(before);
  });

  it('imports contracts (semicolons, dry run first), grants the credits their plan includes, and exports both', async () => {
    const file = path.join(dir, 'contracts.csv');
    writeFileSync(file, 'number;organization;plan;starts_on;ends_on;product\nC-2027-01;Durand & Associés;support;2027-01-01;2027-12-31;\nC-2027-02;Ferretería Sol;standard;2027-01-01;2027-12-31;\nC-2027-03;Ferretería Sol;direct;2027-06-01;2027-01-01;AS\n');
    const dry = guichet('import', 'contracts', file, '--dry-run');
    expect(dry.stdout).toContain('dry run, nothing stored');
    expect(await count('contracts')).toBe(0);
    const r = guichet('import', 'contracts', file);
    expect(r.code).toBe(2);
    expect(r.stdout).toContain('created 1, updated 0, unchanged 0, rejected 2.');
    expect(r.stdout).toContain('plan “standard” is not a contract plan');
    expect(r.stdout).toContain('ends before it starts');
    const credits = await withRuntime(async (rt) => rt.deps.db.selectFrom('creditEntries').select(['amount', 'reason']).execute());
    expect(credits).toEqual([{ amount: 2, reason: 'contract C-2027-01' }]);
    expect(guichet('import', 'contracts', file).stdout).toContain('created 0, updated 0, unchanged 1');
    const out = guichet('export', 'contracts');
    expect(out.stdout).toBe('number,organization,plan,starts_on,ends_on,product\nC-2027-01,Durand & Associés,support,2027-01-01,2027-12-31,\n');
    const lic = guichet('export', 'licences').stdout.trim().split('\n');
    expect(lic[0]).toBe('number,product,version,purchase_date,organization,seats');
    expect(lic).toContain('AS-28-0001,AS,28.0.412,2027-01-15,Durand & Associés,5');
    expect(lic).toContain('GC-11-0001,GC,11.1,2026-11-30,,1');
  });
});
