import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { useCalendars } from '../../api/admin-calendars.js';
import { Page } from '../../components/page.js';
import { ProblemAlert } from '../../components/problem-alert.js';
import { EmptyState, Loading } from '../../components/status.js';
import { When } from '../../components/when.js';
import { useFormats } from '../../i18n/format.js';

/** Admin: the business calendars, each with its time zone and public holidays, and a link to edit it. */
export function CalendarsPage() {
  const { t } = useTranslation();
  const { locale } = useFormats();
  const calendars = useCalendars();
  const rows = calendars.data ?? [];
  const countryName = (code: string) => new Intl.DisplayNames([locale], { type: 'region', fallback: 'code' }).of(code) ?? code;
  return (
    <Page
      title={t('admin:calendars.title')}
      subtitle={t('admin:calendars.intro')}
      actions={
        <Link to="/console/admin/calendars/new" className="button button--primary">
          {t('admin:calendars.new')}
        </Link>
      }
    >
      <ProblemAlert error={calendars.error} />
      {calendars.isPending ? (
        <Loading />
      ) : rows.length === 0 ? (
        <EmptyState title={t('admin:calendars.empty')} />
      ) : (
        <table className="table">
          <caption className="visually-hidden">{t('admin:calendars.title')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('admin:calendars.field.name')}</th>
              <th scope="col">{t('admin:calendars.field.timeZone')}</th>
              <th scope="col">{t('admin:calendars.field.country')}</th>
              <th scope="col">{t('admin:calendars.exceptionCount')}</th>
              <th scope="col">{t('admin:calendars.updated')}</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((c) => (
              <tr key={c.id}>
                <td className="table__main" data-label={t('admin:calendars.field.name')}>
                  <Link to={`/console/admin/calendars/${c.id}`}>{c.name}</Link>
                  {c.isDefault ? <span className="table__sub">{t('admin:calendars.isDefault')}</span> : null}
                </td>
                <td data-label={t('admin:calendars.field.timeZone')}>{c.timeZone}</td>
                <td data-label={t('admin:calendars.field.country')}>{c.holidays.country ? countryName(c.holidays.country) : <span className="muted">{t('admin:calendars.noHolidays')}</span>}</td>
                <td data-label={t('admin:calendars.exceptionCount')} className="table__number">
                  {c.exceptions.length}
                </td>
                <td data-label={t('admin:calendars.updated')}>
                  <When iso={c.updatedAt} relative />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </Page>
  );
}
