import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { FastifyInstance } from 'fastify';
import { loadConfig, type Config } from '../../src/server/config/config.js';
import { buildApp } from '../../src/server/http/app.js';
import { compose, type Runtime } from '../../src/server/main/compose.js';
import { ManualClock, type Clock } from '../../src/server/ports/clock.js';
import { openTestDatabase, type TestDatabase } from './test-db.js';

/** A runtime on a fresh database, a temp data dir, and an HTTP app to inject requests into. */
export interface TestRuntime extends Runtime {
  app: FastifyInstance;
  testDb: TestDatabase;
  config: Config;
  dispose(): Promise<void>;
}

const quiet = { info() {}, warn() {}, error() {}, debug() {} };

/** Builds a runtime for one test file; environment overrides (GUICHET_*) may be given. */
export async function createTestRuntime(options: { env?: Record<string, string>; clock?: Clock } = {}): Promise<TestRuntime> {
  const dataDir = mkdtempSync(path.join(tmpdir(), 'guichet-test-'));
  const config = loadConfig({ GUICHET_DATA_DIR: dataDir, GUICHET_LOG_LEVEL: 'silent', ...options.env });
  const testDb = await openTestDatabase();
  const runtime = compose(config, { database: testDb, clock: options.clock ?? new ManualClock('2027-03-01T09:00:00Z'), logger: quiet, workerId: 'test-worker' });
  const app = await buildApp(runtime.deps, { logger: false, webRoot: null });
  return {
    ...runtime,
    app,
    testDb,
    config,
    dispose: async () => {
      await app.close();
      await runtime.close();
      await testDb.drop();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
