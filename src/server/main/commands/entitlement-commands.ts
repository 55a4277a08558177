import { readFileSync } from 'node:fs';
import type { Command } from 'commander';
import { csvField } from '../../../domain/csv/parse-csv.js';
import { langOf } from '../../services/entitlements/explain.js';
import { AppError } from '../../errors/app-error.js';
import { listContractRows, listLicenceRows } from '../../repositories/licences.repository.js';
import { sweepFairUse } from '../../services/fair-use/recompute-fair-use.js';
import type { ImportReport } from '../../services/imports/csv-import.js';
import { importContracts, importLicences } from '../../services/imports/import-entitlements.js';
import type { Runtime } from '../compose.js';
import { progressBar } from './progress.js';
import { runCommand } from './shared.js';

function readFile(file: string): string {
  try {
    return readFileSync(file, 'utf8');
  } catch (e) {
    throw new AppError('validation_failed', { detailKey: 'import_unreadable', params: { reason: (e as NodeJS.ErrnoException).code ?? String(e) } });
  }
}

/** Prints the report on stdout in the command-line language; rejected rows make the exit code 2. */
function printReport(runtime: Runtime, language: string, file: string, r: ImportReport): void {
  const t = runtime.deps.i18n.getFixedT(langOf(language), 'entitlements');
  process.stdout.write(`${t(r.dryRun ? 'import.summary_dry_run' : 'import.summary', { file, total: r.total, created: r.created, updated: r.updated, unchanged: r.unchanged, rejected: r.rejected.length })}\n`);
  for (const row of r.rejected) {
    const reasons = row.problems.map((p) => t(`import.reason.${p.reason}`, p.params ?? {})).join('; ');
    process.stdout.write(`  ${t('import.rejected_row', { line: row.line, key: row.key || '-', reasons })}\n`);
  }
  if (r.rejected.length > 0) process.exitCode = 2;
}

function importCommand(parent: Command, kind: 'licences' | 'contracts'): void {
  parent
    .command(`${kind} <file>`)
    .description(kind === 'licences'
      ? 'Import licences from CSV: number, product, version, purchase_date, organization[, seats]; upsert by number'
      : 'Import contracts from CSV: number, organization, plan, starts_on, ends_on[, product]; upsert by number')
    .option('--dry-run', 'check every row and report, store nothing')
    .action(async (file: string, opts: { dryRun?: boolean }, command: Command) =>
      runCommand(command, async (runtime, config) => {
        const text = readFile(file);
        const bar = progressBar(`import ${kind}`, Math.max(0, text.split('\n').filter((l) => l.trim()).length - 1));
        const run = kind === 'licences' ? importLicences : importContracts;
        try {
          const report = await run(runtime.deps, text, { dryRun: Boolean(opts.dryRun), onProgress: (d) => bar.update(d) });
          bar.stop();
          printReport(runtime, config.cliLanguage, file, report);
        } catch (e) {
          bar.stop();
          throw e;
        }
      }),
    );
}

/** `guichet import licences|contracts FILE`, `guichet export licences|contracts`, `guichet fair-use recompute`. */
export function registerEntitlementCommands(program: Command): void {
  const imp = program.command('import').description('Import records from CSV files (progress on stderr, report on stdout)');
  importCommand(imp, 'licences');
  importCommand(imp, 'contracts');

  const exp = program.command('export').description('Export records as CSV on stdout');
  exp
    .command('licences')
    .description('Licences as CSV, in the import format')
    .action(async (_o: unknown, command: Command) =>
      runCommand(command, async (runtime) => {
        process.stdout.write('number,product,version,purchase_date,organization,seats\n');
        for (const l of await listLicenceRows(runtime.deps.db, {})) {
          process.stdout.write(`${[l.number, l.productCode, l.version, l.purchasedOn, l.organizationName, Number(l.seats)].map(csvField).join(',')}\n`);
        }
      }),
    );
  exp
    .command('contracts')
    .description('Contracts as CSV, in the import format')
    .action(async (_o: unknown, command: Command) =>
      runCommand(command, async (runtime) => {
        const products = new Map((await runtime.deps.db.selectFrom('products').select(['id', 'code']).execute()).map((p) => [p.id, p.code]));
        process.stdout.write('number,organization,plan,starts_on,ends_on,product\n');
        for (const c of await listContractRows(runtime.deps.db, {})) {
          process.stdout.write(`${[c.number, c.organizationName, c.planCode, c.startsOn, c.endsOn, c.productId ? (products.get(c.productId) ?? '') : ''].map(csvField).join(',')}\n`);
        }
      }),
    );

  program
    .command('fair-use')
    .description('Fair-use scores')
    .command('recompute')
    .description('Recompute every recently active customer’s fair-use score now')
    .action(async (_o: unknown, command: Command) =>
      runCommand(command, async (runtime) => {
        process.stdout.write(`${await sweepFairUse(runtime.deps)}\n`);
      }),
    );
}
