import type { Command } from 'commander';
import { loadConfig, type Config, type ConfigOverrides } from '../../config/config.js';
import { migrateToLatest } from '../../db/migrate.js';
import { AppError } from '../../errors/app-error.js';
import { compose, type Runtime } from '../compose.js';
import { isLang, DEFAULT_LANGUAGE } from '../../../i18n/languages.js';

/** Settings for a command: the environment, then --data and other global flags. */
export function commandConfig(command: Command, extra: ConfigOverrides = {}): Config {
  const opts = command.optsWithGlobals<{ data?: string }>();
  return loadConfig(process.env, { ...(opts.data ? { dataDir: opts.data } : {}), logLevel: 'warn', ...extra });
}

/** The translator for command-line messages, in the language of GUICHET_LANG / LANG. */
export function cliText(runtime: Runtime, config: Config): (key: string, params?: Record<string, unknown>) => string {
  const t = runtime.deps.i18n.getFixedT(isLang(config.cliLanguage) ? config.cliLanguage : DEFAULT_LANGUAGE, 'cli');
  return (key, params) => t(key, params ?? {});
}

/** Prints an error for a person (translated for AppErrors) on stderr and sets the exit code. */
export function reportError(error: unknown, runtime?: Runtime, language = DEFAULT_LANGUAGE as string): void {
  if (error instanceof AppError && runtime) {
    const t = runtime.deps.i18n.getFixedT(isLang(language) ? language : DEFAULT_LANGUAGE, 'errors');
    const fields = (error.options.errors ?? []).map((e) => `\n  - ${e.path}: ${e.message}`).join('');
    process.stderr.write(`guichet: ${t(`title.${error.code}`)}: ${error.options.detailKey ? t(error.options.detailKey, error.options.params ?? {}) : (error.options.detail ?? '')}${fields}\n`);
  } else {
    process.stderr.write(`guichet: ${error instanceof Error ? error.message : String(error)}\n`);
  }
  process.exitCode = 1;
}

/** Runs a command's work with a runtime, reporting failures the same way everywhere. */
export async function runCommand(
  command: Command,
  work: (runtime: Runtime, config: Config) => Promise<void>,
  extra: ConfigOverrides = {},
  options: { migrate?: boolean } = {},
): Promise<void> {
  let config: Config;
  try {
    config = commandConfig(command, extra);
  } catch (e) {
    reportError(e);
    return;
  }
  const runtime = compose(config);
  try {
    if (options.migrate !== false) await migrateToLatest(runtime.database.db);
    await work(runtime, config);
  } catch (e) {
    reportError(e, runtime, config.cliLanguage);
  } finally {
    await runtime.close();
  }
}
