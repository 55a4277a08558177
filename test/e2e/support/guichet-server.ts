import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import pg from 'pg';

/** A running `guichet serve` for the browser journeys. */
export interface GuichetServer {
  url: string;
  /** Which database it runs on. */
  dialect: 'sqlite' | 'postgres';
  /** Server output so far (shown when a journey fails). */
  log(): string;
  stop(): Promise<void>;
}

const ROOT = path.resolve(import.meta.dirname, '..', '..', '..');

/** A port nobody listens on right now. */
async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.once('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const { port } = s.address() as { port: number };
      s.close(() => resolve(port));
    });
  });
}

/** A fresh PostgreSQL database on the server of TEST_DATABASE_URL, and how to drop it. */
async function freshPostgres(base: string): Promise<{ url: string; drop: () => Promise<void> }> {
  const name = `guichet_e2e_${Date.now().toString(36)}_${process.pid}`;
  const admin = async (sql: string) => {
    const c = new pg.Client({ connectionString: base });
    await c.connect();
    try {
      await c.query(sql);
    } finally {
      await c.end();
    }
  };
  await admin(`create database ${name}`);
  const url = new URL(base);
  url.pathname = `/${name}`;
  return { url: url.toString(), drop: () => admin(`drop database if exists ${name} with (force)`) };
}

async function waitHealthy(url: string, child: ChildProcess, output: () => string): Promise<void> {
  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`guichet serve exited with ${child.exitCode}:\n${output()}`);
    const ok = await fetch(`${url}/healthz`).then((r) => r.ok, () => false);
    if (ok) return;
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`guichet serve did not answer within 60 s:\n${output()}`);
}

/**
 * Starts the built `guichet serve` on a free port with a fresh data directory and the demo data:
 * SQLite, or a database of its own on PostgreSQL when TEST_DATABASE_URL is set.
 */
export async function startGuichet(env: Record<string, string> = {}): Promise<GuichetServer> {
  const dataDir = mkdtempSync(path.join(tmpdir(), 'guichet-e2e-'));
  const port = await freePort();
  const base = process.env.TEST_DATABASE_URL;
  const database = base ? await freshPostgres(base) : null;
  let output = '';
  const child = spawn(process.execPath, ['bin/guichet.js', 'serve', '--port', String(port), '--host', '127.0.0.1', '--data', dataDir, '--demo-if-empty'], {
    cwd: ROOT,
    env: {
      PATH: process.env.PATH ?? '',
      HOME: process.env.HOME ?? tmpdir(),
      GUICHET_LOG_LEVEL: 'warn',
      GUICHET_LOGIN_RATE_PER_MINUTE: '1000',
      ...(database ? { DATABASE_URL: database.url } : {}),
      ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child.stdout!.on('data', (d: Buffer) => (output += d.toString()));
  child.stderr!.on('data', (d: Buffer) => (output += d.toString()));
  const url = `http://127.0.0.1:${port}`;
  const stop = async () => {
    if (child.exitCode === null) {
      const exited = new Promise((r) => child.once('exit', r));
      child.kill('SIGTERM');
      await Promise.race([exited, new Promise((r) => setTimeout(r, 10_000))]);
      if (child.exitCode === null) child.kill('SIGKILL');
    }
    await database?.drop();
    rmSync(dataDir, { recursive: true, force: true });
  };
  try {
    await waitHealthy(url, child, () => output);
  } catch (e) {
    await stop();
    throw e;
  }
  return { url, dialect: database ? 'postgres' : 'sqlite', log: () => output, stop };
}
