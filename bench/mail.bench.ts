import { spawnSync } from 'node:child_process';
import { existsSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import nodemailer from 'nodemailer';
import { startSmtpReceiver } from '../src/server/adapters/mail-smtp-receiver.js';
import { loadConfig } from '../src/server/config/config.js';
import { migrateToLatest } from '../src/server/db/migrate.js';
import { compose, type Runtime } from '../src/server/main/compose.js';
import { ingestMail } from '../src/server/services/mail/ingest-mail.js';
import type { BenchModule, BenchOptions } from './lib/bench-module.js';
import { createBenchStore, type BenchStore } from './lib/databases.js';
import { fmt, machineLine, percentile } from './lib/report.js';

const quiet = { info() {}, warn() {}, error() {}, debug() {} };
const ROOT = path.resolve(import.meta.dirname, '..');
const MAIL_BYTES = 100 * 1024;
const FILLER = 'The export module reported a timeout while writing the file to the shared folder; retried. ';
const SUBJECTS = ['Export de la TVA impossible', 'No se imprimen las facturas', 'Licence not recognised on the new workstation', 'Не открывается архив документов'];

/** A ~100 KB plain-text mail: every fifth one answers an earlier ticket by its subject tag. */
function benchMail(i: number, replyTo: string | null, tag: string): Buffer {
  const subject = replyTo ? `Re: [#${replyTo}] ${SUBJECTS[i % 4]}` : SUBJECTS[i % 4]!;
  const head = `From: Customer ${i % 500} <customer${i % 500}@client${i % 50}.example>\r\nTo: support@guichet.test\r\nSubject: ${subject}\r\nMessage-ID: <bench-${tag}-${i}@client.example>\r\nMIME-Version: 1.0\r\nContent-Type: text/plain; charset=utf-8\r\n\r\n`;
  let body = `Hello, mail ${i}: the export fails since the update.\r\n\r\n`;
  while (body.length + head.length < MAIL_BYTES) body += `${FILLER}\r\n`;
  return Buffer.from(head + body);
}

function open(store: BenchStore): Runtime {
  const config = loadConfig({ GUICHET_DATA_DIR: store.dataDir, GUICHET_LOG_LEVEL: 'silent', ...(store.databaseUrl ? { DATABASE_URL: store.databaseUrl } : {}) });
  return compose(config, { logger: quiet });
}

/** Mails through ingestMail in this process: the pipeline `guichet mail ingest` runs after start-up. */
async function inProcess(runtime: Runtime, count: number, tag: string): Promise<{ perSecond: number; p50: number; p95: number }> {
  const numbers: string[] = [];
  const times: number[] = [];
  const t0 = performance.now();
  for (let i = 0; i < count; i++) {
    const raw = benchMail(i, i % 5 === 4 && numbers.length > 0 ? numbers[i % numbers.length]! : null, tag);
    const s = performance.now();
    const outcome = await ingestMail(runtime.deps, raw);
    times.push(performance.now() - s);
    if (outcome.action === 'created') numbers.push(outcome.ticket!);
    else if (outcome.action !== 'appended') throw new Error(`unexpected outcome ${JSON.stringify(outcome)}`);
  }
  return { perSecond: count / ((performance.now() - t0) / 1000), p50: percentile(times, 50), p95: percentile(times, 95) };
}

/** Mean time each ticket hook takes on a new 100 KB request (where the time goes). */
async function timeHooks(runtime: Runtime, count: number): Promise<string> {
  const hooks = runtime.deps.hooks;
  const totals = new Map<string, number>();
  (runtime.deps as { hooks: typeof hooks }).hooks = hooks.map((h) => ({
    name: h.name,
    run: async (ctx) => {
      const t0 = performance.now();
      await h.run(ctx);
      totals.set(h.name, (totals.get(h.name) ?? 0) + performance.now() - t0);
    },
  }));
  try {
    for (let i = 0; i < count; i++) await ingestMail(runtime.deps, benchMail(i, null, 'hooks'));
  } finally {
    (runtime.deps as { hooks: typeof hooks }).hooks = hooks;
  }
  return [...totals].sort((a, b) => b[1] - a[1]).map(([name, ms]) => `${name} ${fmt(ms / count, 1)} ms`).join(', ');
}

/** Mails sent over SMTP to the built-in receiver by `clients` pooled connections. */
async function throughReceiver(runtime: Runtime, count: number, clients: number, tag: string): Promise<{ perSecond: number }> {
  const receiver = await startSmtpReceiver({ host: '127.0.0.1', port: 0, maxBytes: 40 * 1024 * 1024, onMail: async (raw) => void (await ingestMail(runtime.deps, raw)) });
  const transport = nodemailer.createTransport({ host: '127.0.0.1', port: receiver.port, secure: false, ignoreTLS: true, pool: true, maxConnections: clients, maxMessages: Infinity });
  try {
    const mails = Array.from({ length: count }, (_, i) => benchMail(i, null, tag));
    const t0 = performance.now();
    let next = 0;
    await Promise.all(
      Array.from({ length: clients }, async () => {
        while (next < mails.length) {
          const raw = mails[next++]!;
          const info = await transport.sendMail({ envelope: { from: 'customer@client.example', to: ['support@guichet.test'] }, raw });
          if (info.accepted.length !== 1) throw new Error('refused');
        }
      }),
    );
    const perSecond = count / ((performance.now() - t0) / 1000);
    const stored = await runtime.deps.db.selectFrom('mailLog').select((eb) => eb.fn.countAll<number>().as('n')).where('rfcMessageId', 'like', `<bench-${tag}-%`).executeTakeFirstOrThrow();
    if (Number(stored.n) !== count) throw new Error(`expected ${count} mails stored, found ${stored.n}`);
    return { perSecond };
  } finally {
    transport.close();
    await receiver.close();
  }
}

/** Runs of the built command, one process per mail as an MTA pipe does. */
function cliRuns(store: BenchStore, count: number): { perRunMs: number } | null {
  if (!existsSync(path.join(ROOT, 'dist/server/main/cli.js'))) return null;
  const times: number[] = [];
  for (let i = 0; i < count; i++) {
    const file = path.join(store.dataDir, `cli-${i}.eml`);
    writeFileSync(file, benchMail(i, null, 'cli'));
    const t0 = performance.now();
    const r = spawnSync(process.execPath, [path.join(ROOT, 'bin/guichet.js'), '--data', store.dataDir, 'mail', 'ingest', file], {
      encoding: 'utf8',
      env: { ...process.env, DATABASE_URL: store.databaseUrl ?? '', NODE_NO_WARNINGS: '1' },
    });
    times.push(performance.now() - t0);
    if (r.status !== 0 || !r.stdout.includes('"action":"created"')) throw new Error(`mail ingest failed: ${r.stderr}${r.stdout}`);
  }
  return { perRunMs: percentile(times, 50) };
}

async function runOn(kind: 'sqlite' | 'postgres', options: BenchOptions): Promise<string[]> {
  const n = options.quick ? 100 : 2000;
  const store = await createBenchStore(kind);
  const runtime = open(store);
  try {
    await migrateToLatest(runtime.database.db);
    options.log(`${kind}: ${n} mails of 100 KB in process`);
    const inproc = await inProcess(runtime, n, 'inproc');
    options.log(`${kind}: ${n} mails through the SMTP receiver`);
    const smtp = await throughReceiver(runtime, n, 4, 'smtp');
    // Diagnosis, not a figure users get: the same pipeline with the other areas' ticket hooks
    // (search index, confirmation, entitlements, SLA...) taken out, to show where the time goes.
    const hooks = runtime.deps.hooks;
    (runtime.deps as { hooks: typeof hooks }).hooks = [];
    options.log(`${kind}: ${n} mails in process without ticket hooks (diagnosis)`);
    const bare = await inProcess(runtime, n, 'bare');
    (runtime.deps as { hooks: typeof hooks }).hooks = hooks;
    const hookTimes = await timeHooks(runtime, options.quick ? 20 : 100);
    await runtime.close();
    options.log(`${kind}: guichet mail ingest, one process per mail`);
    const cli = cliRuns(store, options.quick ? 3 : 20);
    return [
      `| ${kind} | SMTP receiver (4 connections) | ${fmt(n)} | **${fmt(smtp.perSecond)}** | |`,
      `| ${kind} | \`mail ingest\` pipeline (in process) | ${fmt(n)} | **${fmt(inproc.perSecond)}** | p50 ${fmt(inproc.p50, 1)} ms, p95 ${fmt(inproc.p95, 1)} ms per mail (20 % replies) |`,
      `| ${kind} | diagnosis: the pipeline without ticket hooks | ${fmt(n)} | ${fmt(bare.perSecond)} | p50 ${fmt(bare.p50, 1)} ms; hooks per new 100 KB ticket: ${hookTimes} |`,
      cli ? `| ${kind} | \`guichet mail ingest FILE\` (one process per mail) | ${options.quick ? 3 : 20} | ${fmt(1000 / cli.perRunMs, 1)} | p50 ${fmt(cli.perRunMs)} ms per run: Node start-up, config, migrations check; feed an MTA pipe or use the receiver for volume |` : `| ${kind} | \`guichet mail ingest\` | – | – | not built (\`npm run build:server\`) |`,
    ];
  } finally {
    await runtime.close().catch(() => {});
    await store.dispose();
  }
}

/** Mails per second into Guichet: SMTP receiver and `mail ingest`, 100 KB mails. */
export const mailBench: BenchModule = {
  name: 'mail',
  async run(options) {
    const rows = [...(await runOn('sqlite', options)), ...(options.quick ? [] : await runOn('postgres', options))];
    return [
      `## Inbound mail${options.quick ? ' (quick run: not for figures)' : ''}`,
      '',
      `\`npm run bench -- --only mail${options.quick ? ' --quick' : ''}\` · ${machineLine()}`,
      '',
      'Plain-text mails of 100 KB in four languages, through the whole inbound pipeline (parse, size limit, bounce, auto-reply, follow-up, new ticket with a new customer, raw mail kept, ticket hooks). Target: ≥ 200 mails/s on SQLite.',
      '',
      '| database | path | mails | mails/s | notes |',
      '|---|---|---:|---:|---|',
      ...rows,
    ].join('\n');
  },
};
