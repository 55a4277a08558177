import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { cliArgs } from '../support/cli.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MOSCOW, PARIS_WITH_EXCEPTIONS } from '../fixtures/sla-calendars.js';
import { TEST_DATABASE_URL } from '../support/test-db.js';

const ROOT = path.resolve(import.meta.dirname, '../..');
let dir: string;
let schema: string | null = null;
let databaseUrl: string | undefined;
let paris: string;
let moscow: string;

function guichet(...args: string[]): { code: number; stdout: string; stderr: string } {
  const r = spawnSync(process.execPath, cliArgs('--data', path.join(dir, 'data'), ...args), {
    cwd: ROOT,
    encoding: 'utf8',
    env: { ...process.env, DATABASE_URL: databaseUrl ?? '', GUICHET_LANG: 'en', NODE_NO_WARNINGS: '1' },
    timeout: 120_000,
  });
  return { code: r.status ?? -1, stdout: r.stdout, stderr: r.stderr };
}

beforeAll(async () => {
  dir = mkdtempSync(path.join(tmpdir(), 'guichet-sla-cli-'));
  paris = path.join(dir, 'paris.json');
  moscow = path.join(dir, 'moscow.json');
  writeFileSync(paris, JSON.stringify(PARIS_WITH_EXCEPTIONS, null, 2));
  writeFileSync(moscow, JSON.stringify(MOSCOW, null, 2));
  if (TEST_DATABASE_URL) {
    schema = `slacli_${Date.now().toString(36)}`;
    const c = new pg.Client({ connectionString: TEST_DATABASE_URL });
    await c.connect();
    await c.query(`create schema ${schema}`);
    await c.end();
    databaseUrl = `${TEST_DATABASE_URL}${TEST_DATABASE_URL.includes('?') ? '&' : '?'}options=${encodeURIComponent(`-c search_path=${schema}`)}`;
  }
});

afterAll(async () => {
  rmSync(dir, { recursive: true, force: true });
  if (schema) {
    const c = new pg.Client({ connectionString: TEST_DATABASE_URL! });
    await c.connect();
    await c.query(`drop schema ${schema} cascade`);
    await c.end();
  }
});

describe('guichet sla due', () => {
  it.each([
    ['paris', ['--from', '2027-05-10T09:00:00+02:00', '--minutes', '90'], '2027-05-10T10:30:00+02:00'],
    ['paris', ['--from', '2027-05-10T07:00:00Z', '--minutes', '90'], '2027-05-10T10:30:00+02:00'],
    ['paris', ['--from', '2027-05-10T17:00', '--minutes', '60'], '2027-05-10T18:00:00+02:00'],
    ['paris', ['--from', '2027-05-10T15:59:00+02:00', '--same-day-before', '16:00'], '2027-05-10T18:00:00+02:00'],
    ['paris', ['--from', '2027-05-05T16:30:00+02:00', '--same-day-before', '16:00'], '2027-05-07T18:00:00+02:00'],
    ['moscow', ['--from', '2027-05-14T10:00:00+03:00', '--business-day-hours', '48'], '2027-05-18T10:00:00+03:00'],
    ['moscow', ['--from', '2027-05-12T13:26:36+03:00', '--minutes', '20'], '2027-05-12T13:46:36+03:00'],
  ])('%s %j prints only %s', (cal, args, expected) => {
    const r = guichet('sla', 'due', '--calendar', cal === 'paris' ? paris : moscow, ...args);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.stdout).toBe(`${expected}\n`);
  });

  it.each([
    [['--from', '2027-05-10T09:00:00+02:00', '--minutes=-5'], '--minutes'],
    [['--from', 'next tuesday', '--minutes', '5'], '--from'],
    [['--from', '2027-05-10T09:00:00+02:00', '--same-day-before', '24:30'], '--same-day-before'],
    [['--from', '2027-05-10T09:00:00+02:00'], '--minutes'],
  ])('refuses %j naming %s, printing nothing on stdout', (args, option) => {
    const r = guichet('sla', 'due', '--calendar', paris, ...args);
    expect(r.code).toBe(1);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain(option);
  });

  it('refuses an invalid calendar file naming its fields', () => {
    const bad = path.join(dir, 'bad.json');
    writeFileSync(bad, JSON.stringify({ ...MOSCOW, timeZone: 'Mars/Olympus', week: { ...MOSCOW.week, mon: [['18:00', '09:00']] } }));
    const r = guichet('sla', 'due', '--calendar', bad, '--from', '2027-05-10T09:00:00Z', '--minutes', '5');
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('timeZone');
    expect(r.stderr).toContain('week.mon[0]');
  });
});

describe('guichet calendar', () => {
  it('lists the days off of a year with their names', () => {
    const r = guichet('calendar', 'holidays', '--calendar', moscow, '--year', '2026');
    expect(r.code).toBe(0);
    const lines = r.stdout.trim().split('\n');
    expect(lines).toContain('2026-01-09  Выходной (перенесён с 3 января)');
    expect(lines).toContain('2026-12-31  Выходной (перенесён с 4 января)');
    expect(lines.filter((l) => l.startsWith('2026-01-'))).toHaveLength(9);
    expect(r.stdout).not.toContain('2026-04-30');
    const withHours = guichet('calendar', 'holidays', '--calendar', moscow, '--year', '2026', '--with-hours');
    expect(withHours.stdout).toContain('2026-04-30  Предпраздничный день (сокращён на 1 час) (09:00-17:00)');
    expect(guichet('calendar', 'holidays', '--calendar', paris, '--year', '2027').stdout).toContain('2027-12-24  Christmas Eve\n');
    expect(guichet('calendar', 'holidays', '--calendar', paris, '--year', 'next').code).toBe(1);
  }, 120_000);

  it('imports a calendar and exports it unchanged, then rebuilds SLAs', () => {
    const imported = guichet('calendar', 'import', paris, '--default');
    expect(imported.stderr).toBe('');
    expect(imported.stdout).toContain('Created calendar Paris office with exceptions');
    const exported = guichet('calendar', 'export', '--name', 'Paris office with exceptions');
    expect(JSON.parse(exported.stdout)).toEqual(PARIS_WITH_EXCEPTIONS);
    expect(guichet('calendar', 'import', paris).stdout).toContain('Replaced');
    const ics = path.join(dir, 'closures.ics');
    writeFileSync(ics, 'BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//t//EN\r\nBEGIN:VEVENT\r\nUID:1\r\nDTSTART;VALUE=DATE:20270816\r\nSUMMARY:Pont\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n');
    expect(guichet('calendar', 'import', '--ics', ics, '--name', 'Paris office with exceptions').stdout).toContain('Added 1 exceptions');
    expect(guichet('calendar', 'export', '--name', 'Nope').code).toBe(1);
    const rebuild = guichet('sla', 'rebuild');
    expect(rebuild.code).toBe(0);
    expect(rebuild.stdout).toMatch(/^Rebuilt 0 tickets/);
  }, 240_000);
});
