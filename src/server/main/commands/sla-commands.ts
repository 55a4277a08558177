import { readFileSync } from 'node:fs';
import type { Command } from 'commander';
import { CompiledCalendar } from '../../../domain/sla/compiled-calendar.js';
import { specialDays } from '../../../domain/sla/days-off.js';
import { createI18n } from '../../../i18n/create-i18n.js';
import { DEFAULT_LANGUAGE, isLang } from '../../../i18n/languages.js';
import { loadServerResources } from '../../../i18n/server-resources.js';
import { loadConfig } from '../../config/config.js';
import { AppError, validationFailed } from '../../errors/app-error.js';
import { findCalendarByName } from '../../repositories/calendars.repository.js';
import { exportCalendar, importCalendar, importIcsExceptions, validateCalendar } from '../../services/sla/manage-calendars.js';
import { rebuildSla } from '../../services/sla/rebuild-sla.js';
import { calendarDue } from '../../services/sla/sla-preview.js';
import { progressBar } from './progress.js';
import { runCommand } from './shared.js';

const CLI_PATHS: Record<string, string> = { from: '--from', minutes: '--minutes', sameDayBefore: '--same-day-before', businessDayHours: '--business-day-hours' };

/** Prints an error of a command that needs no database, translated like the others; exit code 1. */
function reportPure(error: unknown): void {
  let language: string = DEFAULT_LANGUAGE;
  try {
    language = loadConfig(process.env).cliLanguage;
  } catch {
    /* the default language will do */
  }
  if (error instanceof AppError) {
    const t = createI18n(loadServerResources()).getFixedT(isLang(language) ? language : DEFAULT_LANGUAGE, 'errors');
    const fields = (error.options.errors ?? []).map((e) => `\n  - ${CLI_PATHS[e.path] ?? e.path}: ${e.message}`).join('');
    process.stderr.write(`guichet: ${t(`title.${error.code}`)}: ${error.options.detailKey ? t(error.options.detailKey, error.options.params ?? {}) : (error.options.detail ?? '')}${fields}\n`);
  } else {
    process.stderr.write(`guichet: ${error instanceof Error ? error.message : String(error)}\n`);
  }
  process.exitCode = 1;
}

/** Reads a JSON file given to an option, or refuses naming the option. */
function readJson(file: string, option: string): unknown {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (e) {
    throw validationFailed([{ path: option, message: `cannot read ${file}: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}` }]);
  }
  try {
    return JSON.parse(text) as unknown;
  } catch (e) {
    throw validationFailed([{ path: option, message: `${file} is not valid JSON: ${(e as Error).message}` }]);
  }
}

/** A calendar file, validated and compiled. */
function calendarFile(file: string): CompiledCalendar {
  return new CompiledCalendar(validateCalendar(readJson(file, '--calendar')));
}

function number(option: string): (v: string) => number {
  return (v) => {
    const n = Number(v);
    if (v.trim() === '' || !Number.isFinite(n)) throw validationFailed([{ path: option, message: `"${v}" is not a number` }]);
    return n;
  };
}

/** `guichet sla due|rebuild` and `guichet calendar import|export|holidays`. */
export function registerSlaCommands(program: Command): void {
  const sla = program.command('sla').description('Service levels');
  sla
    .command('due')
    .description('Print when a target is due on a calendar (ISO 8601 with the calendar’s offset), and nothing else')
    .requiredOption('--calendar <file>', 'calendar JSON file (the export shape)')
    .requiredOption('--from <iso>', 'when the clock starts, ISO 8601 (without an offset: wall time in the calendar)')
    .option('--minutes <n>', 'rule (a): N business minutes')
    .option('--same-day-before <hh:mm>', 'rule (b): same business day if received before HH:MM, else end of the next business day')
    .option('--business-day-hours <n>', 'rule (c): N hours counted on business days, whole days')
    .action((opts: { calendar: string; from: string; minutes?: string; sameDayBefore?: string; businessDayHours?: string }) => {
      try {
        const calendar = calendarFile(opts.calendar);
        const due = calendarDue(
          calendar,
          {
            from: opts.from,
            minutes: opts.minutes === undefined ? undefined : number('--minutes')(opts.minutes),
            sameDayBefore: opts.sameDayBefore,
            businessDayHours: opts.businessDayHours === undefined ? undefined : number('--business-day-hours')(opts.businessDayHours),
          },
          new Date(),
        );
        if (due === null) throw validationFailed([{ path: '--calendar', message: 'the calendar never has that much business time' }]);
        process.stdout.write(`${due}\n`);
      } catch (e) {
        reportPure(e);
      }
    });

  sla
    .command('rebuild')
    .description("Recompute every ticket's service levels from its history (with a progress bar)")
    .option('--active-only', 'only tickets still new, open or pending')
    .option('--announce', 'tell customers about moved due dates (off by default)')
    .action(async (opts: { activeOnly?: boolean; announce?: boolean }, command: Command) =>
      runCommand(command, async (runtime) => {
        let bar: ReturnType<typeof progressBar> | null = null;
        const started = performance.now();
        const r = await rebuildSla(runtime.deps, {
          activeOnly: Boolean(opts.activeOnly),
          announce: opts.announce ? { key: 'schedule_changed' } : false,
          onProgress: (done, total) => {
            bar ??= progressBar('sla rebuild', total);
            bar.update(done);
          },
        });
        (bar as ReturnType<typeof progressBar> | null)?.stop();
        process.stdout.write(`Rebuilt ${r.tickets} tickets (${r.changed} changed) in ${((performance.now() - started) / 1000).toFixed(1)} s.\n`);
      }),
    );

  const calendar = program.command('calendar').description('Business calendars');
  calendar
    .command('holidays')
    .description('List the days off of a year with their names (public holidays, transfers, exceptions)')
    .requiredOption('--calendar <file>', 'calendar JSON file')
    .requiredOption('--year <yyyy>', 'year')
    .option('--with-hours', 'also list days with their own hours (shortened eves, worked weekend days)')
    .action((opts: { calendar: string; year: string; withHours?: boolean }) => {
      try {
        const year = Number(opts.year);
        if (!/^\d{4}$/.test(opts.year) || year < 1970 || year > 2200) throw validationFailed([{ path: '--year', message: `"${opts.year}" is not a year between 1970 and 2200` }]);
        for (const d of specialDays(calendarFile(opts.calendar), year)) {
          if (d.off) process.stdout.write(`${d.date}  ${d.name}\n`);
          else if (opts.withHours) process.stdout.write(`${d.date}  ${d.name} (${d.hours.join(', ')})\n`);
        }
      } catch (e) {
        reportPure(e);
      }
    });

  calendar
    .command('import')
    .description('Create or replace a calendar from its JSON file, or add exceptions to one from an .ics file')
    .argument('[file]', 'calendar JSON file (the export shape)')
    .option('--default', 'make it the default calendar')
    .option('--ics <file>', 'iCalendar file whose events become exceptions of the calendar named by --name')
    .option('--name <name>', 'with --ics: the calendar to add exceptions to')
    .action(async (file: string | undefined, opts: { default?: boolean; ics?: string; name?: string }, command: Command) =>
      runCommand(command, async (runtime) => {
        if (opts.ics) {
          if (!opts.name) throw validationFailed([{ path: '--name', message: 'required with --ics' }]);
          const row = await findCalendarByName(runtime.deps.db, opts.name);
          if (!row) throw validationFailed([{ path: '--name', message: `no calendar named "${opts.name}"` }]);
          let text: string;
          try {
            text = readFileSync(opts.ics, 'utf8');
          } catch (e) {
            throw validationFailed([{ path: '--ics', message: `cannot read ${opts.ics}: ${(e as NodeJS.ErrnoException).code ?? ''}` }]);
          }
          const r = await importIcsExceptions(runtime.deps, row.id, text);
          process.stdout.write(`Added ${r.added} exceptions to ${r.calendar.name}.\n`);
          return;
        }
        if (!file) throw validationFailed([{ path: 'file', message: 'give a calendar JSON file (or --ics FILE --name NAME)' }]);
        const r = await importCalendar(runtime.deps, readJson(file, 'file'), opts.default ? true : undefined);
        process.stdout.write(`${r.created ? 'Created' : 'Replaced'} calendar ${r.calendar.name} (${r.calendar.id}).\n`);
      }),
    );

  calendar
    .command('export')
    .description('Print a stored calendar as JSON (the import shape)')
    .requiredOption('--name <name>', 'calendar name')
    .action(async (opts: { name: string }, command: Command) =>
      runCommand(command, async (runtime) => {
        const row = await findCalendarByName(runtime.deps.db, opts.name);
        if (!row) throw validationFailed([{ path: '--name', message: `no calendar named "${opts.name}"` }]);
        process.stdout.write(`${JSON.stringify(exportCalendar(row), null, 2)}\n`);
      }),
    );
}
