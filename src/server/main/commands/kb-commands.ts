import { readFileSync } from 'node:fs';
import type { Command } from 'commander';
import { isLang } from '../../../i18n/languages.js';
import { validationFailed } from '../../errors/app-error.js';
import { exportArticles } from '../../services/kb/export-articles.js';
import { importArticles } from '../../services/kb/import-articles.js';
import { reindexAll } from '../../services/kb/reindex.js';
import { progressBar } from './progress.js';
import { runCommand } from './shared.js';

function readLines(file: string): string[] {
  try {
    return readFileSync(file, 'utf8').split('\n');
  } catch (e) {
    throw validationFailed([{ path: 'FILE', message: `cannot read ${file}: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}` }]);
  }
}

/** kb import, kb export, kb reindex. */
export function registerKbCommands(program: Command): void {
  const kb = program.command('kb').description('Knowledge base: import, export, rebuild the search index');

  kb.command('import')
    .description('Load articles from JSON lines {"id","title","body","lang"}; upserts by id (kept as the external id) and language')
    .argument('<file>', 'a .jsonl file')
    .option('--lang <lang>', 'language of records without one (records in another language are refused)')
    .option('--publish', 'publish what is imported')
    .action(async (file: string, opts: { lang?: string; publish?: boolean }, command: Command) =>
      runCommand(command, async (runtime, config) => {
        if (opts.lang !== undefined && !isLang(opts.lang)) throw validationFailed([{ path: '--lang', message: 'fr, es, en or ru' }]);
        const lines = readLines(file);
        const total = lines.length - (lines[lines.length - 1] === '' ? 1 : 0);
        const bar = progressBar('import', total);
        const report = await importArticles(runtime.deps, lines.slice(0, total), { lang: opts.lang, publish: Boolean(opts.publish), language: config.cliLanguage, onProgress: (n) => bar.update(n) });
        bar.stop();
        const t = runtime.deps.i18n.getFixedT(isLang(config.cliLanguage) ? config.cliLanguage : 'en', 'kb');
        for (const r of report.rejected) process.stderr.write(`${t('cli.rejected_line', { line: r.line, errors: r.errors.join('; ') })}\n`);
        process.stdout.write(`${t('cli.import_summary', { ...report, rejected: report.rejected.length })}\n`);
        // 2: the import ran, but some lines were refused (listed on stderr).
        if (report.rejected.length > 0) process.exitCode = 2;
      }),
    );

  kb.command('export')
    .description('Write every article as JSON lines (the import format) on stdout')
    .option('--lang <lang>', 'only this language')
    .option('--published', 'only published articles')
    .action(async (opts: { lang?: string; published?: boolean }, command: Command) =>
      runCommand(command, async (runtime, config) => {
        if (opts.lang !== undefined && !isLang(opts.lang)) throw validationFailed([{ path: '--lang', message: 'fr, es, en or ru' }]);
        // `guichet kb export | head` closes the pipe early: that is the reader's choice, not a failure.
        process.stdout.on('error', (e: NodeJS.ErrnoException) => {
          if (e.code === 'EPIPE') process.exit(0);
          throw e;
        });
        const count = await exportArticles(runtime.deps, (line) => void process.stdout.write(`${line}\n`), { lang: opts.lang, publishedOnly: Boolean(opts.published) });
        const t = runtime.deps.i18n.getFixedT(isLang(config.cliLanguage) ? config.cliLanguage : 'en', 'kb');
        process.stderr.write(`${t('cli.export_done', { count })}\n`);
      }),
    );

  kb.command('reindex')
    .description('Rebuild the search index of articles and tickets')
    .action(async (_opts: unknown, command: Command) =>
      runCommand(command, async (runtime, config) => {
        let bar: ReturnType<typeof progressBar> | null = null;
        let phase = '';
        const done = await reindexAll(runtime.deps, (what, n, total) => {
          if (phase !== what) {
            bar?.stop();
            bar = progressBar(what, total);
            phase = what;
          }
          bar!.update(n);
        });
        (bar as ReturnType<typeof progressBar> | null)?.stop();
        const t = runtime.deps.i18n.getFixedT(isLang(config.cliLanguage) ? config.cliLanguage : 'en', 'kb');
        process.stdout.write(`${t('cli.reindex_done', done)}\n`);
      }),
    );
}
