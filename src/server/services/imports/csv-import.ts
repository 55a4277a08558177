import type { Transaction } from 'kysely';
import { detectDelimiter, parseCsv } from '../../../domain/csv/parse-csv.js';
import type { DB } from '../../db/schema.js';
import { AppError } from '../../errors/app-error.js';
import type { ServiceDeps } from '../deps.js';
import type { SaveOutcome } from '../entitlements/save-records.js';

/** Why one row was refused: a translation key (namespace entitlements, "import.reason.*") and its parameters. */
export interface RowProblem {
  reason: string;
  params?: Record<string, string | number>;
}

/** The report of an import: counts, and every rejected row with its reasons. */
export interface ImportReport {
  total: number;
  created: number;
  updated: number;
  unchanged: number;
  rejected: Array<{ line: number; key: string; problems: RowProblem[] }>;
  dryRun: boolean;
}

/** What an import of one kind of record knows: its columns, how to check a row, how to save it. */
export interface ImportSpec<R> {
  /** Columns that must be in the header (lower-case); aliases map other spellings to them. */
  required: string[];
  optional: string[];
  aliases: Record<string, string>;
  /** The natural key of a row (licence or contract number), for duplicates and the report. */
  key: (row: Record<string, string>) => string;
  /** Checks one row against the database; returns the record to save or the problems. */
  check: (trx: Transaction<DB>, row: Record<string, string>) => Promise<{ record: R } | { problems: RowProblem[] }>;
  save: (trx: Transaction<DB>, record: R, at: string) => Promise<SaveOutcome>;
}

function headerMap<R>(spec: ImportSpec<R>, header: string[]): Map<string, number> {
  const map = new Map<string, number>();
  header.forEach((raw, i) => {
    const name = raw.trim().toLowerCase().replace(/[\s-]+/g, '_');
    const canonical = spec.aliases[name] ?? name;
    if (!map.has(canonical)) map.set(canonical, i);
  });
  const missing = spec.required.filter((c) => !map.has(c));
  if (missing.length) throw new AppError('validation_failed', { detailKey: 'import_missing_columns', params: { columns: missing.join(', ') } });
  return map;
}

/**
 * Imports CSV text in one transaction: every row is checked, good rows are upserted by their
 * natural key (so running the same file again changes nothing), bad rows are reported with their
 * reasons. A fatal problem (unreadable CSV, a missing column, a database error) stores nothing.
 */
export async function importCsv<R>(deps: ServiceDeps, text: string, spec: ImportSpec<R>, options: { dryRun?: boolean; onProgress?: (done: number, total: number) => void } = {}): Promise<ImportReport> {
  const parsed = parseCsv(text, detectDelimiter(text));
  if (!parsed.ok) throw new AppError('validation_failed', { detailKey: 'import_bad_csv', params: { line: parsed.line } });
  const [header, ...rows] = parsed.records;
  if (!header) throw new AppError('validation_failed', { detailKey: 'import_missing_columns', params: { columns: spec.required.join(', ') } });
  const columns = headerMap(spec, header.fields);
  const report: ImportReport = { total: rows.length, created: 0, updated: 0, unchanged: 0, rejected: [], dryRun: Boolean(options.dryRun) };
  const at = deps.clock.now().toISOString();
  const seen = new Map<string, number>();
  const work = async (trx: Transaction<DB>): Promise<void> => {
    for (const [i, rec] of rows.entries()) {
      const row = Object.fromEntries([...spec.required, ...spec.optional].map((c) => [c, (columns.has(c) ? rec.fields[columns.get(c)!] ?? '' : '').trim()]));
      const key = spec.key(row);
      const first = seen.get(key);
      const checked = first !== undefined ? { problems: [{ reason: 'duplicate', params: { line: first } }] } : await spec.check(trx, row);
      if (key) seen.set(key, first ?? rec.line);
      if ('problems' in checked) report.rejected.push({ line: rec.line, key, problems: checked.problems });
      else report[await spec.save(trx, checked.record, at)] += 1;
      options.onProgress?.(i + 1, rows.length);
    }
    if (options.dryRun) throw new DryRun();
  };
  try {
    await deps.db.transaction().execute(work);
  } catch (e) {
    if (!(e instanceof DryRun)) throw e;
  }
  return report;
}

/** Thrown to roll a dry run back after every row was checked and "saved". */
class DryRun extends Error {}
