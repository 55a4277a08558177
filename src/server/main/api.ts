import type { FastifyInstance } from 'fastify';
import type { Config } from '../config/config.js';
import { migrateToLatest } from '../db/migrate.js';
import { buildApp } from '../http/app.js';
import { compose, WEB_ROOT, type Runtime } from './compose.js';
import { startMailServices, type MailServices } from './mail-main.js';

/** A started server. */
export interface RunningServer {
  app: FastifyInstance;
  runtime: Runtime;
  url: string;
  /** The SMTP receiver and mail timers (mail area). */
  mail: MailServices;
  stop(): Promise<void>;
}

/** Migrates, builds the HTTP app, listens, and runs the job worker in-process when configured. */
export async function startServer(config: Config, before?: (runtime: Runtime) => Promise<void>): Promise<RunningServer> {
  const runtime = compose(config, { longRunning: true });
  await migrateToLatest(runtime.database.db);
  if (before) await before(runtime);
  const app = await buildApp(runtime.deps, {
    logger: { level: config.logLevel === 'info' ? 'warn' : config.logLevel },
    webRoot: WEB_ROOT,
  });
  const url = await app.listen({ host: config.host, port: config.port });
  const mail = await startMailServices(runtime, config);
  if (config.worker) runtime.runner.start();
  return {
    app,
    runtime,
    url,
    mail,
    stop: async () => {
      await mail.stop();
      await app.close();
      await runtime.close();
    },
  };
}
