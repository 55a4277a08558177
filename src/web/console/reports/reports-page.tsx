import { useId, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router-dom';
import { MAX_REPORT_DAYS, type ReportName } from '../../../contracts/reports.js';
import { reportCsvUrl, useReport, type ReportParams } from '../../api/reports.js';
import { Page } from '../../components/page.js';
import { ProblemAlert } from '../../components/problem-alert.js';
import { Loading } from '../../components/status.js';
import { BarChart, DataTable, LineChart, type Series } from './charts.js';
import { useReportFormats } from './report-format.js';
import './reports.css';

const DAY = 86_400_000;
const isoDay = (t: number) => new Date(t).toISOString().slice(0, 10);
const GROUPS = ['day', 'week', 'month'] as const;

/** The period in the address (?from=&to=&groupBy=), so a report can be bookmarked; default the last 30 days. */
function usePeriod(): [ReportParams, (patch: Partial<ReportParams>) => void, boolean] {
  const [search, setSearch] = useSearchParams();
  const to = search.get('to') ?? isoDay(Date.now());
  const from = search.get('from') ?? isoDay(Date.parse(`${to}T00:00:00Z`) - 29 * DAY);
  const g = search.get('groupBy');
  const groupBy = (GROUPS as readonly string[]).includes(g ?? '') ? (g as ReportParams['groupBy']) : 'week';
  const span = (Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / DAY + 1;
  const valid = /^\d{4}-\d{2}-\d{2}$/.test(from) && /^\d{4}-\d{2}-\d{2}$/.test(to) && span >= 1 && span <= MAX_REPORT_DAYS;
  // The whole period goes into the address, so a copied link shows the same figures tomorrow.
  const set = (patch: Partial<ReportParams>) => {
    const next = { from, to, groupBy, ...patch };
    if (!next.from || !next.to) return;
    setSearch(new URLSearchParams(next), { replace: true });
  };
  return [{ from, to, groupBy }, set, valid];
}

/** Managers' reports: one chart per report, its table, and its CSV. */
export function ReportsPage() {
  const { t } = useTranslation();
  const [params, setParams, valid] = usePeriod();
  const ids = { from: useId(), to: useId(), groupBy: useId(), error: useId() };
  return (
    <Page title={t('reports:title')} subtitle={t('reports:intro')}>
      <form className="reports__filters card" onSubmit={(e) => e.preventDefault()} aria-describedby={valid ? undefined : ids.error}>
        <div className="field">
          <label htmlFor={ids.from} className="field__label">
            {t('reports:filters.from')}
          </label>
          <input id={ids.from} type="date" className="input" value={params.from} max={params.to} onChange={(e) => setParams({ from: e.target.value })} aria-invalid={valid ? undefined : true} />
        </div>
        <div className="field">
          <label htmlFor={ids.to} className="field__label">
            {t('reports:filters.to')}
          </label>
          <input id={ids.to} type="date" className="input" value={params.to} min={params.from} onChange={(e) => setParams({ to: e.target.value })} aria-invalid={valid ? undefined : true} />
        </div>
        <div className="field">
          <label htmlFor={ids.groupBy} className="field__label">
            {t('reports:filters.groupBy')}
          </label>
          <select id={ids.groupBy} className="input" value={params.groupBy} onChange={(e) => setParams({ groupBy: e.target.value as ReportParams['groupBy'] })}>
            {GROUPS.map((g) => (
              <option key={g} value={g}>
                {t(`reports:groupBy.${g}`)}
              </option>
            ))}
          </select>
        </div>
        <p className="hint reports__utc">{t('reports:filters.utc')}</p>
        {valid ? null : (
          <p id={ids.error} role="alert" className="field__error">
            {t('reports:filters.invalid', { max: MAX_REPORT_DAYS })}
          </p>
        )}
      </form>
      {valid ? (
        <div className="reports__grid">
          <FirstResponse params={params} />
          <Sla params={params} />
          <Backlog params={params} />
          <Volume params={params} />
          <Deflection params={params} />
          <Reopens params={params} />
        </div>
      ) : null}
    </Page>
  );
}

/** A report's frame: heading, what it counts, its content, the CSV link. */
function Section(props: { name: ReportName; title: string; description: string; params: ReportParams; children: ReactNode; tools?: ReactNode }) {
  const { t } = useTranslation();
  const id = useId();
  return (
    <section className="card report" aria-labelledby={id} data-report={props.name}>
      <div className="report__head">
        <h2 id={id} className="report__title">
          {props.title}
        </h2>
        <a className="button button--ghost" href={reportCsvUrl(props.name, props.params)} download>
          {t('reports:csv')}
          <span className="visually-hidden"> — {props.title}</span>
        </a>
      </div>
      <p className="hint">{props.description}</p>
      {props.tools}
      {props.children}
    </section>
  );
}

function Status({ query }: { query: { isPending: boolean; error: unknown } }) {
  if (query.error) return <ProblemAlert error={query.error} />;
  return query.isPending ? <Loading /> : null;
}

function FirstResponse({ params }: { params: ReportParams }) {
  const { t } = useTranslation();
  const f = useReportFormats();
  const q = useReport('first-response', params);
  const r = q.data;
  const title = t('reports:firstResponse.title');
  return (
    <Section name="first-response" title={title} description={t('reports:firstResponse.description')} params={params}>
      <Status query={q} />
      {r ? (
        <>
          <p className="report__figures">
            {t('reports:firstResponse.summary', {
              answered: f.number(r.answered),
              tickets: f.number(r.tickets),
              median: r.medianMinutes === null ? '—' : f.duration(r.medianMinutes),
              p90: r.p90Minutes === null ? '—' : f.duration(r.p90Minutes),
            })}
          </p>
          <BarChart
            title={title}
            summary={t('reports:firstResponse.summary', { answered: f.number(r.answered), tickets: f.number(r.tickets), median: r.medianMinutes === null ? '—' : f.duration(r.medianMinutes), p90: r.p90Minutes === null ? '—' : f.duration(r.p90Minutes) })}
            categories={r.buckets.map((b) => t(`reports:bucket.${b.key}`))}
            series={[{ key: 'tickets', label: t('reports:firstResponse.tickets'), tone: 1, values: r.buckets.map((b) => b.count) }]}
            format={f.number}
          />
          <DataTable
            caption={title}
            summaryLabel={t('reports:showTable')}
            head={[t('reports:firstResponse.bucket'), t('reports:firstResponse.tickets')]}
            rows={r.buckets.map((b) => [t(`reports:bucket.${b.key}`), f.number(b.count)])}
          />
        </>
      ) : null}
    </Section>
  );
}

function Sla({ params }: { params: ReportParams }) {
  const { t } = useTranslation();
  const f = useReportFormats();
  const q = useReport('sla', params);
  const [target, setTarget] = useState<'firstResponse' | 'resolution'>('firstResponse');
  const targetId = useId();
  const title = t('reports:sla.title');
  const keyLabel = (row: { dimension: 'priority' | 'plan'; key: string }) =>
    row.dimension === 'priority' ? t('reports:sla.byPriority', { key: t(`common:priority.${row.key}`) }) : row.key === 'none' ? t('reports:sla.noPlan') : t('reports:sla.byPlan', { key: row.key });
  const rows = q.data?.rows.filter((r) => r.target === target) ?? [];
  // Every ticket is in one priority line (and again in one plan line): totals come from the priority lines.
  const byPriority = rows.filter((r) => r.dimension === 'priority');
  const met = byPriority.reduce((s, r) => s + r.met, 0);
  const breached = byPriority.reduce((s, r) => s + r.breached, 0);
  const tools = (
    <div className="field report__tool">
      <label htmlFor={targetId} className="field__label">
        {t('reports:sla.target')}
      </label>
      <select id={targetId} className="input input--compact" value={target} onChange={(e) => setTarget(e.target.value as typeof target)}>
        <option value="firstResponse">{t('reports:sla.targets.firstResponse')}</option>
        <option value="resolution">{t('reports:sla.targets.resolution')}</option>
      </select>
    </div>
  );
  return (
    <Section name="sla" title={title} description={t('reports:sla.description')} params={params} tools={tools}>
      <Status query={q} />
      {q.data ? (
        <>
          <BarChart
            title={`${title} — ${t(`reports:sla.targets.${target}`)}`}
            summary={t('reports:sla.summary', { met: f.number(met), breached: f.number(breached) })}
            categories={rows.map(keyLabel)}
            series={[
              { key: 'met', label: t('reports:sla.met'), tone: 3, values: rows.map((r) => r.met) },
              { key: 'breached', label: t('reports:sla.breached'), tone: 2, values: rows.map((r) => r.breached) },
              { key: 'running', label: t('reports:sla.running'), tone: 6, values: rows.map((r) => r.running) },
            ]}
            format={f.number}
          />
          <DataTable
            caption={title}
            summaryLabel={t('reports:showTable')}
            head={[t('reports:sla.group'), t('reports:sla.target'), t('reports:sla.met'), t('reports:sla.breached'), t('reports:sla.running'), t('reports:sla.metRate')]}
            rows={q.data.rows.map((r) => [keyLabel(r), t(`reports:sla.targets.${r.target}`), f.number(r.met), f.number(r.breached), f.number(r.running), r.metRate === null ? '—' : f.percent(r.metRate)])}
          />
        </>
      ) : null}
    </Section>
  );
}

function Backlog({ params }: { params: ReportParams }) {
  const { t } = useTranslation();
  const f = useReportFormats();
  const q = useReport('backlog', params);
  const title = t('reports:backlog.title');
  const points = q.data?.points ?? [];
  const last = points[points.length - 1];
  return (
    <Section name="backlog" title={title} description={t('reports:backlog.description')} params={params}>
      <Status query={q} />
      {q.data && last ? (
        <>
          <LineChart
            title={title}
            summary={t('reports:backlog.summary', { total: f.number(last.total), pending: f.number(last.pending), day: f.longDay(last.day) })}
            categories={points.map((p) => f.day(p.day))}
            series={[
              { key: 'total', label: t('reports:backlog.total'), tone: 1, values: points.map((p) => p.total) },
              { key: 'pending', label: t('reports:backlog.pending'), tone: 4, values: points.map((p) => p.pending) },
            ]}
            format={f.number}
          />
          <DataTable
            caption={title}
            summaryLabel={t('reports:showTable')}
            head={[t('reports:day'), t('reports:backlog.open'), t('reports:backlog.pending'), t('reports:backlog.total')]}
            rows={points.map((p) => [f.longDay(p.day), f.number(p.open), f.number(p.pending), f.number(p.total)])}
          />
        </>
      ) : null}
    </Section>
  );
}

function Volume({ params }: { params: ReportParams }) {
  const { t } = useTranslation();
  const f = useReportFormats();
  const q = useReport('volume', params);
  const title = t('reports:volume.title');
  const r = q.data;
  const tones = [1, 3, 4, 5, 2, 6] as const;
  const total = r ? Object.values(r.totals).reduce((s, n) => s + n, 0) : 0;
  return (
    <Section name="volume" title={title} description={t('reports:volume.description')} params={params}>
      <Status query={q} />
      {r ? (
        <>
          <BarChart
            title={title}
            summary={t('reports:volume.summary', { total: f.number(total), channels: r.channels.map((c) => `${t(`common:channel.${c}`)} ${f.number(r.totals[c] ?? 0)}`).join(', ') })}
            categories={r.periods.map((p) => f.period(p.period, r.groupBy))}
            series={r.channels.map((c, i): Series => ({ key: c, label: t(`common:channel.${c}`), tone: tones[i % tones.length]!, values: r.periods.map((p) => p.byChannel[c] ?? 0) }))}
            format={f.number}
          />
          <DataTable
            caption={title}
            summaryLabel={t('reports:showTable')}
            head={[t('reports:period'), ...r.channels.map((c) => t(`common:channel.${c}`)), t('reports:volume.total')]}
            rows={r.periods.map((p) => [f.period(p.period, r.groupBy), ...r.channels.map((c) => f.number(p.byChannel[c] ?? 0)), f.number(p.total)])}
          />
        </>
      ) : null}
    </Section>
  );
}

function Deflection({ params }: { params: ReportParams }) {
  const { t } = useTranslation();
  const f = useReportFormats();
  const q = useReport('deflection', params);
  const title = t('reports:deflection.title');
  const r = q.data;
  return (
    <Section name="deflection" title={title} description={t('reports:deflection.description')} params={params}>
      <Status query={q} />
      {r ? (
        <>
          <p className="report__figures">
            {t('reports:deflection.summary', { rate: r.total.deflectionRate === null ? '—' : f.percent(r.total.deflectionRate), deflected: f.number(r.total.deflected), withResults: f.number(r.total.withResults) })}
          </p>
          <LineChart
            title={title}
            summary={t('reports:deflection.summary', { rate: r.total.deflectionRate === null ? '—' : f.percent(r.total.deflectionRate), deflected: f.number(r.total.deflected), withResults: f.number(r.total.withResults) })}
            categories={r.weeks.map((w) => f.day(w.week))}
            series={[{ key: 'rate', label: t('reports:deflection.rate'), tone: 3, values: r.weeks.map((w) => w.deflectionRate) }]}
            format={f.percent}
            max={1}
          />
          <DataTable
            caption={title}
            summaryLabel={t('reports:showTable')}
            head={[t('reports:week'), t('reports:deflection.sessions'), t('reports:deflection.withResults'), t('reports:deflection.deflected'), t('reports:deflection.ticketsFiled'), t('reports:deflection.rate')]}
            rows={r.weeks.map((w) => [f.longDay(w.week), f.number(w.sessions), f.number(w.withResults), f.number(w.deflected), f.number(w.ticketsFiled), w.deflectionRate === null ? '—' : f.percent(w.deflectionRate)])}
          />
        </>
      ) : null}
    </Section>
  );
}

function Reopens({ params }: { params: ReportParams }) {
  const { t } = useTranslation();
  const f = useReportFormats();
  const q = useReport('reopens', params);
  const title = t('reports:reopens.title');
  const r = q.data;
  return (
    <Section name="reopens" title={title} description={t('reports:reopens.description')} params={params}>
      <Status query={q} />
      {r ? (
        <>
          <p className="report__figures">
            {t('reports:reopens.summary', { rate: r.total.reopenRate === null ? '—' : f.percent(r.total.reopenRate), reopened: f.number(r.total.reopened), resolved: f.number(r.total.resolved) })}
          </p>
          <BarChart
            title={title}
            summary={t('reports:reopens.summary', { rate: r.total.reopenRate === null ? '—' : f.percent(r.total.reopenRate), reopened: f.number(r.total.reopened), resolved: f.number(r.total.resolved) })}
            categories={r.periods.map((p) => f.period(p.period, r.groupBy))}
            series={[{ key: 'rate', label: t('reports:reopens.rate'), tone: 5, values: r.periods.map((p) => p.reopenRate) }]}
            format={f.percent}
            max={1}
          />
          <DataTable
            caption={title}
            summaryLabel={t('reports:showTable')}
            head={[t('reports:period'), t('reports:reopens.resolved'), t('reports:reopens.reopened'), t('reports:reopens.reopens'), t('reports:reopens.rate')]}
            rows={r.periods.map((p) => [f.period(p.period, r.groupBy), f.number(p.resolved), f.number(p.reopened), f.number(p.reopens), p.reopenRate === null ? '—' : f.percent(p.reopenRate)])}
          />
        </>
      ) : null}
    </Section>
  );
}
