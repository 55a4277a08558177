import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import type { BenchStore } from './databases.js';

const ROOT = path.resolve(import.meta.dirname, '../..');

/** A `guichet serve` child process on its own core, as in production. */
export interface BenchServer {
  url: string;
  process: ChildProcess;
  stop(): Promise<void>;
}

/** Starts the built server (dist/) on a free port for a store; resolves when it listens. */
export async function startBenchServer(store: BenchStore, env: Record<string, string> = {}): Promise<BenchServer> {
  const child = spawn(process.execPath, [path.join(ROOT, 'bin/guichet.js'), '--data', store.dataDir, 'serve', '--port', '0'], {
    cwd: ROOT,
    env: { ...process.env, DATABASE_URL: store.databaseUrl ?? '', GUICHET_LANG: 'en', GUICHET_LOG_LEVEL: 'error', GUICHET_LOGIN_RATE_PER_MINUTE: '100000', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stderr = '';
  child.stderr!.on('data', (d: Buffer) => (stderr += d.toString()));
  const url = await new Promise<string>((resolve, reject) => {
    let out = '';
    child.stdout!.on('data', (d: Buffer) => {
      out += d.toString();
      const m = /serving on (http:\/\/\S+)/.exec(out);
      if (m) resolve(m[1]!);
    });
    child.once('exit', (code) => reject(new Error(`server exited with ${code}: ${stderr}`)));
  });
  return {
    url,
    process: child,
    stop: () =>
      new Promise((resolve) => {
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
      }),
  };
}
