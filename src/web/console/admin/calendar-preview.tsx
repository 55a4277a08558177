import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import type { CalendarDraftPreviewDto } from '../../../contracts/sla.js';
import { ProblemAlert } from '../../components/problem-alert.js';
import { Loading } from '../../components/status.js';
import { useFormats } from '../../i18n/format.js';

/** A calendar date (YYYY-MM-DD) in the person's language, without any time-zone shift. */
export function calendarDate(locale: string, date: string): string {
  return new Intl.DateTimeFormat(locale, { dateStyle: 'long', timeZone: 'UTC' }).format(new Date(`${date}T00:00:00Z`));
}

function Due({ iso }: { iso: string | null }) {
  const { t } = useTranslation();
  const f = useFormats();
  if (!iso) return <span className="muted">{t('admin:preview.noTarget')}</span>;
  return (
    <time dateTime={iso} title={f.relative(iso)}>
      {f.dateTime(iso)}
    </time>
  );
}

/**
 * "If a ticket came now, when would it be due?" on the calendar as edited: per priority, the
 * policy a standard ticket gets and its due dates, in the admin's language and time zone.
 */
export function CalendarPreview({ preview, error, fetching }: { preview: CalendarDraftPreviewDto | null; error: unknown; fetching: boolean }) {
  const { t } = useTranslation();
  const f = useFormats();
  const titleId = useId();
  return (
    <section className="card" aria-labelledby={titleId} aria-busy={fetching}>
      <h2 id={titleId} className="panel__title">
        {t('admin:preview.title')}
      </h2>
      <p className="hint">{t('admin:preview.intro', { zone: f.timeZone })}</p>
      {error ? <ProblemAlert error={error} /> : null}
      {!preview ? (
        error ? null : <Loading />
      ) : (
        <div aria-live="polite">
          <p className="preview__now">
            {preview.openNow
              ? t('admin:preview.openNow', { now: f.dateTime(preview.at) })
              : preview.nextOpenAt
                ? t('admin:preview.closedNow', { now: f.dateTime(preview.at), next: f.dateTime(preview.nextOpenAt) })
                : t('admin:preview.neverOpen', { now: f.dateTime(preview.at) })}
          </p>
          <ul className="preview__rows">
            {preview.rows.map((r) => (
              <li key={r.priority} className="preview__row" data-priority={r.priority}>
                <p className="preview__priority">
                  <strong>{t(`common:priority.${r.priority}`)}</strong>
                  <span className="preview__row-note">
                    {r.policy ? t('admin:preview.policy', { name: r.policy.name }) : t('admin:preview.noPolicy')}
                    {r.calendar && !r.calendar.draft ? ` · ${t('admin:preview.otherCalendar', { name: r.calendar.name })}` : null}
                  </span>
                </p>
                {r.policy ? (
                  <dl className="preview__dues">
                    <div data-target="firstResponse">
                      <dt>{t('admin:preview.firstResponse')}</dt>
                      <dd>
                        <Due iso={r.firstResponseDueAt} />
                      </dd>
                    </div>
                    <div data-target="resolution">
                      <dt>{t('admin:preview.resolution')}</dt>
                      <dd>
                        <Due iso={r.resolutionDueAt} />
                      </dd>
                    </div>
                  </dl>
                ) : null}
              </li>
            ))}
          </ul>
          <h3 className="section-title">{t('admin:preview.upcoming')}</h3>
          {preview.upcoming.length === 0 ? (
            <p className="muted">{t('admin:preview.noUpcoming')}</p>
          ) : (
            <ul className="preview__days">
              {preview.upcoming.map((d) => (
                <li key={d.date}>
                  <time dateTime={d.date}>{calendarDate(f.locale, d.date)}</time>
                  {' — '}
                  {d.off ? t('admin:preview.dayOff') : t('admin:preview.specialHours', { hours: d.hours.join(', ') })}
                  {d.name ? ` (${d.name})` : ''}
                </li>
              ))}
            </ul>
          )}
        </div>
      )}
    </section>
  );
}
