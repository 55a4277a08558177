import { useTranslation } from 'react-i18next';
import type { SlaTargetState } from '../../contracts/sla.js';
import type { TicketDto } from '../../contracts/tickets.js';
import { When } from '../components/when.js';
import { localeFor } from '../i18n/format.js';

/** The service-level targets in the order they fall due. */
export const SLA_TARGETS = ['firstResponse', 'nextResponse', 'resolution'] as const;
/** One of the targets. */
export type SlaTargetName = (typeof SLA_TARGETS)[number];

/** "2 h 5 min" in the locale: business time is counted in whole minutes. */
export function formatMinutes(locale: string, minutes: number): string {
  const total = Math.round(Math.abs(minutes));
  const h = Math.floor(total / 60);
  const m = total % 60;
  const unit = (unit: 'hour' | 'minute', n: number) => new Intl.NumberFormat(locale, { style: 'unit', unit, unitDisplay: 'short' }).format(n);
  if (h === 0) return unit('minute', m);
  return m === 0 ? unit('hour', h) : `${unit('hour', h)} ${unit('minute', m)}`;
}

/** The target an agent should watch now: the earliest unmet one with a due time. */
export function runningTarget(ticket: TicketDto): { name: SlaTargetName; state: SlaTargetState } | null {
  const sla = ticket.sla;
  if (!sla) return null;
  let best: { name: SlaTargetName; state: SlaTargetState } | null = null;
  for (const name of SLA_TARGETS) {
    const state = sla[name];
    if (!state?.dueAt || state.metAt) continue;
    if (!best || state.dueAt < best.state.dueAt!) best = { name, state };
  }
  return best;
}

/** Remaining business time of one target: "1 h 20 min left", "overdue by 35 min", paused. */
export function Remaining({ state }: { state: SlaTargetState }) {
  const { t, i18n } = useTranslation();
  const locale = localeFor(i18n.language);
  if (state.metAt) return <span className="clock clock--met">{t('console2:sla.met')}</span>;
  const left = state.remainingBusinessMinutes;
  const overdue = state.breached || (left !== null && left < 0);
  const text =
    left === null ? t('console2:sla.noClock') : overdue ? t('console2:sla.overdue', { time: formatMinutes(locale, left) }) : t('console2:sla.left', { time: formatMinutes(locale, left) });
  return (
    <span className={`clock ${overdue ? 'clock--breached' : left !== null && left <= 60 ? 'clock--soon' : ''} ${state.paused ? 'clock--paused' : ''}`}>
      {text}
      {state.paused ? <span className="clock__paused"> · {t('console2:sla.paused')}</span> : null}
    </span>
  );
}

/** The list cell: the running target's remaining business time, or a dash. */
export function RemainingCell({ ticket }: { ticket: TicketDto }) {
  const { t } = useTranslation();
  const running = runningTarget(ticket);
  if (!running) return <span className="muted">{t('console2:sla.none')}</span>;
  return (
    <>
      <span className="visually-hidden">{t(`console2:sla.target.${running.name}`)}: </span>
      <Remaining state={running.state} />
    </>
  );
}

/** The ticket view's panel: each target with its due time in the agent's zone and business time left. */
export function SlaClocks({ ticket }: { ticket: TicketDto }) {
  const { t } = useTranslation();
  const sla = ticket.sla;
  const targets = SLA_TARGETS.flatMap((name) => (sla?.[name] ? [{ name, state: sla[name] }] : []));
  return (
    <section className="panel" aria-labelledby="sla-title">
      <h2 id="sla-title" className="panel__title">
        {t('console2:sla.title')}
      </h2>
      {targets.length === 0 ? (
        <p className="muted">{t('console2:sla.noPolicy')}</p>
      ) : (
        <dl className="facts clocks">
          {targets.map(({ name, state }) => (
            <div key={name} className="clocks__row">
              <dt>{t(`console2:sla.target.${name}`)}</dt>
              <dd>
                <Remaining state={state} />
                {state.dueAt ? (
                  <div className="table__sub">
                    {t('console2:sla.due')} <When iso={state.dueAt} />
                  </div>
                ) : null}
              </dd>
            </div>
          ))}
        </dl>
      )}
      {sla?.paused ? (
        <p className="notice" role="note">
          {t('console2:sla.pausedSince')} {sla.pausedSince ? <When iso={sla.pausedSince} /> : null}
        </p>
      ) : null}
    </section>
  );
}
