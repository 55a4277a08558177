import type { Command } from 'commander';
import { z } from 'zod';
import { CreateUserBody } from '../../../contracts/users.js';
import { migrateDown, migrateToLatest } from '../../db/migrate.js';
import { validationFailed } from '../../errors/app-error.js';
import { createApiToken } from '../../services/auth/create-api-token.js';
import { DEMO_LOGINS, loadDemo } from '../../services/demo/load-demo.js';
import { addUser } from '../../services/users/add-user.js';
import { startServer } from '../api.js';
import { compose } from '../compose.js';
import { progressBar } from './progress.js';
import { cliText, commandConfig, reportError, runCommand } from './shared.js';

/** Prints the demo logins. */
export function printDemoLogins(t: (key: string) => string, write: (s: string) => void = (s) => process.stdout.write(s)): void {
  write(`${t('demo_logins')}\n`);
  for (const l of DEMO_LOGINS) write(`  ${l.role.padEnd(8)} ${l.email} / ${l.password}  (${l.language}${l.organization ? `, ${l.organization}` : ''})\n`);
}

/** serve, worker, migrate, demo, user add, token create. */
export function registerCoreCommands(program: Command): void {
  program
    .command('serve')
    .description('Migrate the database and serve the web app and the API')
    .option('--port <port>', 'port to listen on', (v) => Number(v))
    .option('--host <host>', 'address to listen on')
    .option('--demo-if-empty', 'load the demo data when the database has none')
    .option('--no-worker', 'do not run background jobs in this process')
    .action(async (opts: { port?: number; host?: string; demoIfEmpty?: boolean; worker: boolean }, command: Command) => {
      let config;
      try {
        config = commandConfig(command, { ...(opts.port !== undefined ? { port: opts.port } : {}), ...(opts.host ? { host: opts.host } : {}), logLevel: 'info', worker: opts.worker });
      } catch (e) {
        reportError(e);
        return;
      }
      const server = await startServer(config, async (runtime) => {
        if (!opts.demoIfEmpty) return;
        const count = await runtime.deps.db.selectFrom('users').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
        if (Number(count.n) > 0) return;
        process.stdout.write(`${cliText(runtime, config)('loading_demo')}\n`);
        const bar = progressBar('demo', 200);
        await loadDemo(runtime.deps, { onProgress: (d) => bar.update(d) });
        bar.stop();
      });
      const t = cliText(server.runtime, config);
      process.stdout.write(`${t('serving', { url: server.url, dialect: server.runtime.database.dialect, dataDir: config.dataDir })}\n`);
      if (opts.demoIfEmpty) printDemoLogins(t);
      const shutdown = (): void => {
        void server.stop().then(() => process.exit(0));
      };
      process.once('SIGINT', shutdown);
      process.once('SIGTERM', shutdown);
    });

  program
    .command('worker')
    .description('Run background jobs only (for extra nodes on PostgreSQL)')
    .action(async (_opts: unknown, command: Command) => {
      const config = commandConfig(command, { logLevel: 'info' });
      const runtime = compose(config);
      await migrateToLatest(runtime.database.db);
      runtime.runner.start();
      process.stdout.write(`${cliText(runtime, config)('worker_running')}\n`);
      const shutdown = (): void => {
        void runtime.close().then(() => process.exit(0));
      };
      process.once('SIGINT', shutdown);
      process.once('SIGTERM', shutdown);
    });

  program
    .command('migrate')
    .description('Apply database migrations (or undo them)')
    .option('--down', 'undo the last migration')
    .option('--all', 'with --down: undo every migration')
    .action(async (opts: { down?: boolean; all?: boolean }, command: Command) =>
      runCommand(command, async (runtime, config) => {
        const t = cliText(runtime, config);
        const names = opts.down ? await migrateDown(runtime.database.db, Boolean(opts.all)) : await migrateToLatest(runtime.database.db);
        process.stdout.write(`${names.length ? t(opts.down ? 'undone' : 'applied', { names: names.join(', ') }) : t('nothing_to_do')}\n`);
      }, {}, { migrate: false }),
    );

  program
    .command('demo')
    .description('Load the demo data (does nothing if it is already there)')
    .option('--tickets <n>', 'number of tickets', (v) => Number(v), 200)
    .action(async (opts: { tickets: number }, command: Command) =>
      runCommand(command, async (runtime, config) => {
        const t = cliText(runtime, config);
        const bar = progressBar('demo', opts.tickets);
        const r = await loadDemo(runtime.deps, { tickets: opts.tickets, onProgress: (d) => bar.update(d) });
        bar.stop();
        process.stdout.write(`${t(r.created ? 'demo_loaded' : 'demo_present')}\n`);
        printDemoLogins(t);
      }),
    );

  const user = program.command('user').description('Manage users');
  user
    .command('add')
    .description('Create a user')
    .requiredOption('--email <email>')
    .option('--password <password>')
    .requiredOption('--role <role>', 'customer, agent or admin')
    .option('--org <name>', 'organization (created if new)')
    .option('--language <lang>', 'fr, es, en or ru')
    .option('--name <name>')
    .option('--time-zone <tz>', 'IANA time zone, e.g. Europe/Paris')
    .action(async (opts: Record<string, string | undefined>, command: Command) =>
      runCommand(command, async (runtime) => {
        const parsed = CreateUserBody.safeParse({ email: opts.email, password: opts.password, role: opts.role, organization: opts.org, language: opts.language, name: opts.name, timeZone: opts.timeZone });
        if (!parsed.success) throw validationFailed(parsed.error.issues.map((i) => ({ path: `--${String(i.path[0] ?? '')}`.replace('organization', 'org'), message: i.message })));
        const created = await addUser(runtime.deps, parsed.data);
        process.stdout.write(`${created.id}\n`);
      }),
    );

  program
    .command('token')
    .description('API tokens')
    .command('create')
    .description('Create an API token for a user; prints only the token')
    .requiredOption('--email <email>')
    .option('--name <label>')
    .action(async (opts: { email: string; name?: string }, command: Command) =>
      runCommand(command, async (runtime) => {
        const email = z.email().safeParse(opts.email);
        if (!email.success) throw validationFailed([{ path: '--email', message: 'not an e-mail address' }]);
        process.stdout.write(`${await createApiToken(runtime.deps, { email: email.data, ...(opts.name ? { name: opts.name } : {}) })}\n`);
      }),
    );
}
