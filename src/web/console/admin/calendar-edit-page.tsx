import { useEffect, useId, useMemo, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router-dom';
import type { CalendarDto } from '../../../contracts/sla.js';
import { useCalendar, useCalendarPreview, useHolidayCountries, useHolidayRegions, useSaveCalendar } from '../../api/admin-calendars.js';
import { ApiError } from '../../api/client.js';
import { describedBy, Field } from '../../components/form.js';
import { Page } from '../../components/page.js';
import { ProblemAlert } from '../../components/problem-alert.js';
import { Loading, Notice } from '../../components/status.js';
import { useFormats } from '../../i18n/format.js';
import { definitionOf, draftOf, emptyDraft, fieldOf, newKey, WEEKDAYS, type CalendarDraft, type ExceptionDraft } from './calendar-draft.js';
import { calendarDate, CalendarPreview } from './calendar-preview.js';
import { HoursEditor } from './hours-editor.js';

/** A value that settles `ms` after its last change (the preview is asked for once the admin pauses). */
function useSettled<T>(value: T, ms: number): T {
  const [settled, setSettled] = useState(value);
  useEffect(() => {
    const timer = setTimeout(() => setSettled(value), ms);
    return () => clearTimeout(timer);
  }, [value, ms]);
  return settled;
}

/** Field names of the server's problems (see fieldOf). */
function problemFields(error: unknown): Set<string> {
  if (!(error instanceof ApiError) || !error.problem?.errors) return new Set();
  return new Set(error.problem.errors.map((e) => fieldOf(e.path)));
}

/** Admin: edit (or create) a business calendar, with the live "if a ticket came now" preview beside it. */
export function CalendarEditPage() {
  const { id: param } = useParams();
  const id = param && param !== 'new' ? param : null;
  const stored = useCalendar(id);
  if (id && stored.isPending) return <Loading />;
  if (id && stored.error) return <ProblemAlert error={stored.error} />;
  return <CalendarEditor key={id ?? 'new'} id={id} stored={stored.data ?? null} />;
}

function CalendarEditor({ id, stored }: { id: string | null; stored: CalendarDto | null }) {
  const { t } = useTranslation();
  const f = useFormats();
  const navigate = useNavigate();
  const uid = useId();
  const [draft, setDraft] = useState<CalendarDraft>(() => (stored ? draftOf(stored) : emptyDraft(f.timeZone)));
  const [saved, setSaved] = useState(false);
  const save = useSaveCalendar(id);
  const zones = useMemo(() => Intl.supportedValuesOf('timeZone'), []);
  const lang = f.locale.slice(0, 2);
  const countries = useHolidayCountries(lang);
  const regions = useHolidayRegions(draft.country || null, lang);
  const definition = useMemo(() => definitionOf(draft), [draft]);
  const settled = useSettled(definition, 350);
  // A day being added without its date yet, or a blank name, should not blank the preview.
  const previewed = useMemo(() => ({ ...settled, name: settled.name.trim() || (stored?.name ?? t('admin:calendar.untitled')), exceptions: settled.exceptions.filter((x) => x.date) }), [settled, stored, t]);
  const preview = useCalendarPreview(id, previewed);
  const problems = problemFields(save.error ?? preview.error);
  const fid = (k: string) => `${uid}-${k}`;
  const err = (k: string) => {
    if (!problems.has(k)) return undefined;
    const kind = k.startsWith('week.') ? 'hours' : k.startsWith('exceptions.') ? 'exception' : k.replace('holidays.', '');
    return t(`admin:calendar.invalid.${kind}`);
  };

  const dayNames = useMemo(() => {
    const fmt = new Intl.DateTimeFormat(f.locale, { weekday: 'long', timeZone: 'UTC' });
    // 3 May 2027 is a Monday.
    return Object.fromEntries(WEEKDAYS.map((d, i) => [d, fmt.format(new Date(Date.UTC(2027, 4, 3 + i)))])) as Record<(typeof WEEKDAYS)[number], string>;
  }, [f.locale]);

  const update = (patch: Partial<CalendarDraft>) => {
    setSaved(false);
    setDraft((d) => ({ ...d, ...patch }));
  };
  const setException = (key: number, patch: Partial<ExceptionDraft>) => update({ exceptions: draft.exceptions.map((e) => (e.key === key ? { ...e, ...patch } : e)) });

  const submit = (e: FormEvent) => {
    e.preventDefault();
    save.mutate(
      { ...definition, isDefault: draft.isDefault },
      {
        onSuccess: (c) => {
          setSaved(true);
          if (!id) navigate(`/console/admin/calendars/${c.id}`, { replace: true });
        },
      },
    );
  };

  const title = id ? t('admin:calendar.editTitle', { name: stored?.name ?? '' }) : t('admin:calendar.newTitle');
  return (
    <Page
      title={title}
      subtitle={t('admin:calendar.intro')}
      actions={
        <Link to="/console/admin/calendars" className="button button--secondary">
          {t('admin:calendar.backToList')}
        </Link>
      }
    >
      <div className="admin-split">
        <form className="card form" onSubmit={submit} noValidate aria-label={title}>
          <h2 className="panel__title">{t('admin:calendar.general')}</h2>
          <div className="form__grid">
            <Field id={fid('name')} label={t('admin:calendars.field.name')} error={err('name')} required>
              <input id={fid('name')} className="input" value={draft.name} onChange={(e) => update({ name: e.target.value })} {...describedBy(fid('name'), { error: err('name') })} />
            </Field>
            <Field id={fid('timeZone')} label={t('admin:calendars.field.timeZone')} hint={t('admin:calendar.timeZoneHint')} error={err('timeZone')} required>
              <input
                id={fid('timeZone')}
                className="input"
                list={`${uid}-zones`}
                value={draft.timeZone}
                onChange={(e) => update({ timeZone: e.target.value })}
                {...describedBy(fid('timeZone'), { hint: true, error: err('timeZone') })}
              />
              <datalist id={`${uid}-zones`}>
                {zones.map((z) => (
                  <option key={z} value={z} />
                ))}
              </datalist>
            </Field>
          </div>
          <label className="check">
            <input type="checkbox" checked={draft.isDefault} onChange={(e) => update({ isDefault: e.target.checked })} />
            {t('admin:calendar.isDefault')}
          </label>

          <h2 className="panel__title">{t('admin:calendar.weekTitle')}</h2>
          <p className="hint">{t('admin:calendar.weekHint')}</p>
          {problems.has('week') ? <div className="field__error">{t('admin:calendar.invalid.noHours')}</div> : null}
          <ul className="week">
            {WEEKDAYS.map((d) => (
              <li key={d} className="week__day">
                <span className="week__name" id={fid(`day-${d}`)}>
                  {dayNames[d]}
                </span>
                <div>
                  <HoursEditor idPrefix={fid(`week-${d}`)} label={dayNames[d]} hours={draft.week[d]} onChange={(hours) => update({ week: { ...draft.week, [d]: hours } })} invalid={Boolean(err(`week.${d}`))} errorId={err(`week.${d}`) ? fid(`week-${d}-error`) : undefined} />
                  {err(`week.${d}`) ? (
                    <div id={fid(`week-${d}-error`)} className="field__error">
                      {err(`week.${d}`)}
                    </div>
                  ) : null}
                </div>
              </li>
            ))}
          </ul>

          <h2 className="panel__title">{t('admin:calendar.holidaysTitle')}</h2>
          <div className="form__grid">
            <Field id={fid('country')} label={t('admin:calendars.field.country')} hint={t('admin:calendar.countryHint')} error={err('holidays.country')}>
              <select id={fid('country')} className="input" value={draft.country} onChange={(e) => update({ country: e.target.value, region: '' })} {...describedBy(fid('country'), { hint: true, error: err('holidays.country') })}>
                <option value="">{t('admin:calendars.noHolidays')}</option>
                {draft.country && !countries.data?.some((c) => c.code === draft.country) ? <option value={draft.country}>{draft.country}</option> : null}
                {(countries.data ?? []).map((c) => (
                  <option key={c.code} value={c.code}>
                    {c.name}
                  </option>
                ))}
              </select>
            </Field>
            {draft.country && (regions.data?.length ?? 0) > 0 ? (
              <Field id={fid('region')} label={t('admin:calendar.region')} error={err('holidays.region')}>
                <select id={fid('region')} className="input" value={draft.region} onChange={(e) => update({ region: e.target.value })} {...describedBy(fid('region'), { error: err('holidays.region') })}>
                  <option value="">{t('admin:calendar.wholeCountry')}</option>
                  {regions.data!.map((r) => (
                    <option key={r.code} value={r.code}>
                      {r.name}
                    </option>
                  ))}
                </select>
              </Field>
            ) : null}
          </div>

          <h2 className="panel__title">{t('admin:calendar.exceptionsTitle')}</h2>
          <p className="hint">{t('admin:calendar.exceptionsHint')}</p>
          <ul className="exceptions">
            {draft.exceptions.map((x, i) => {
              const label = x.date ? calendarDate(f.locale, x.date) : t('admin:calendar.exceptionN', { n: i + 1 });
              const e = err(`exceptions.${i}`);
              return (
                <li key={x.key} className="exception">
                  <Field id={fid(`ex-${x.key}-date`)} label={t('admin:calendar.exceptionDate')} error={e} required>
                    <input id={fid(`ex-${x.key}-date`)} className="input" type="date" value={x.date} onChange={(ev) => setException(x.key, { date: ev.target.value })} {...describedBy(fid(`ex-${x.key}-date`), { error: e })} />
                  </Field>
                  <Field id={fid(`ex-${x.key}-kind`)} label={t('admin:calendar.exceptionKind')}>
                    <select
                      id={fid(`ex-${x.key}-kind`)}
                      className="input"
                      value={x.closed ? 'closed' : 'open'}
                      onChange={(ev) => setException(x.key, ev.target.value === 'closed' ? { closed: true } : { closed: false, hours: x.hours.length ? x.hours : [{ start: '09:00', end: '12:00' }] })}
                    >
                      <option value="closed">{t('admin:calendar.kindClosed')}</option>
                      <option value="open">{t('admin:calendar.kindOpen')}</option>
                    </select>
                  </Field>
                  <Field id={fid(`ex-${x.key}-name`)} label={t('admin:calendar.exceptionName')}>
                    <input id={fid(`ex-${x.key}-name`)} className="input" value={x.name} onChange={(ev) => setException(x.key, { name: ev.target.value })} />
                  </Field>
                  <button type="button" className="button button--secondary" onClick={() => update({ exceptions: draft.exceptions.filter((y) => y.key !== x.key) })} aria-label={t('admin:calendar.removeException', { day: label })}>
                    {t('admin:calendar.remove')}
                  </button>
                  {!x.closed ? (
                    <div className="exception__hours">
                      <HoursEditor idPrefix={fid(`ex-${x.key}-hours`)} label={label} hours={x.hours} onChange={(hours) => setException(x.key, { hours })} />
                    </div>
                  ) : null}
                </li>
              );
            })}
          </ul>
          <button type="button" className="button button--secondary" onClick={() => update({ exceptions: [...draft.exceptions, { key: newKey(), date: '', closed: true, hours: [], name: '' }] })}>
            {t('admin:calendar.addException')}
          </button>

          <ProblemAlert error={save.error} />
          {saved ? <Notice>{t('admin:calendar.saved')}</Notice> : null}
          <div className="form__actions">
            <button type="submit" className="button button--primary" disabled={save.isPending}>
              {save.isPending ? t('web:saving') : t('admin:calendar.save')}
            </button>
          </div>
        </form>
        <aside className="admin-split__aside">
          <CalendarPreview preview={preview.data ?? null} error={preview.error} fetching={preview.isFetching} />
        </aside>
      </div>
    </Page>
  );
}
