import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import type { SlaPolicyDto, SlaTarget } from '../../../contracts/sla.js';
import { useCalendars } from '../../api/admin-calendars.js';
import { useSlaPolicies } from '../../api/admin-sla.js';
import { Page } from '../../components/page.js';
import { ProblemAlert } from '../../components/problem-alert.js';
import { EmptyState, Loading } from '../../components/status.js';
import { useFormats } from '../../i18n/format.js';

/** A target in words: "4 business hours", "same business day if before 16:00", "48 hours of business days". */
export function useTargetText(): (target: SlaTarget | null) => string {
  const { t } = useTranslation();
  const f = useFormats();
  return (target) => {
    if (!target) return t('admin:sla.target.none');
    if (target.kind === 'business_minutes') return t('admin:sla.target.minutesText', { hours: f.number(Math.round((target.minutes / 60) * 100) / 100) });
    if (target.kind === 'business_day_hours') return t('admin:sla.target.dayHoursText', { hours: f.number(target.hours) });
    return t('admin:sla.target.sameDayText', { before: target.before });
  };
}

/** Admin: SLA policies in evaluation order (the first that matches a ticket applies). */
export function SlaPoliciesPage() {
  const { t } = useTranslation();
  const policies = useSlaPolicies();
  const calendars = useCalendars();
  const target = useTargetText();
  const calendarName = (id: string | null) => (id ? (calendars.data?.find((c) => c.id === id)?.name ?? id) : t('admin:sla.teamCalendar'));
  const conditions = (p: SlaPolicyDto) => {
    const c = p.conditions;
    const parts = [
      c.priorities?.length ? t('admin:sla.cond.priorities', { list: c.priorities.map((x) => t(`common:priority.${x}`)).join(', ') }) : null,
      c.tiers?.length ? t('admin:sla.cond.tiers', { list: c.tiers.map((x) => t(`admin:sla.tier.${x}`)).join(', ') }) : null,
      c.planCodes?.length ? t('admin:sla.cond.plans', { list: c.planCodes.join(', ') }) : null,
      c.channels?.length ? t('admin:sla.cond.channels', { list: c.channels.map((x) => t(`common:channel.${x}`)).join(', ') }) : null,
      c.premium === undefined ? null : c.premium ? t('admin:sla.cond.premiumOnly') : t('admin:sla.cond.notPremium'),
    ].filter(Boolean);
    return parts.length ? parts.join(' · ') : p.isDefault ? t('admin:sla.cond.fallback') : t('admin:sla.cond.all');
  };
  const rows = policies.data ?? [];
  return (
    <Page
      title={t('admin:sla.title')}
      subtitle={t('admin:sla.intro')}
      actions={
        <Link to="/console/admin/sla-policies/new" className="button button--primary">
          {t('admin:sla.new')}
        </Link>
      }
    >
      <ProblemAlert error={policies.error} />
      {policies.isPending ? (
        <Loading />
      ) : rows.length === 0 ? (
        <EmptyState title={t('admin:sla.empty')} />
      ) : (
        <table className="table">
          <caption className="visually-hidden">{t('admin:sla.title')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('admin:sla.field.position')}</th>
              <th scope="col">{t('admin:sla.field.name')}</th>
              <th scope="col">{t('admin:sla.appliesTo')}</th>
              <th scope="col">{t('admin:sla.field.firstResponse')}</th>
              <th scope="col">{t('admin:sla.field.resolution')}</th>
              <th scope="col">{t('admin:sla.field.calendar')}</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((p) => (
              <tr key={p.id}>
                <td data-label={t('admin:sla.field.position')} className="table__number">
                  {p.position}
                </td>
                <td className="table__main" data-label={t('admin:sla.field.name')}>
                  <Link to={`/console/admin/sla-policies/${p.id}`}>{p.name}</Link>
                  {!p.active ? <span className="table__sub">{t('admin:sla.inactive')}</span> : null}
                </td>
                <td data-label={t('admin:sla.appliesTo')}>{conditions(p)}</td>
                <td data-label={t('admin:sla.field.firstResponse')}>{target(p.firstResponse)}</td>
                <td data-label={t('admin:sla.field.resolution')}>{target(p.resolution)}</td>
                <td data-label={t('admin:sla.field.calendar')}>{calendarName(p.calendarId)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </Page>
  );
}
