import { useTranslation } from 'react-i18next';
import type { Hours } from './calendar-draft.js';

/**
 * Opening hours of one day (several intervals for split days): a start and an end per interval,
 * a button to remove each and one to add another. `label` names the day for assistive technologies.
 */
export function HoursEditor(props: { idPrefix: string; label: string; hours: Hours[]; onChange: (hours: Hours[]) => void; errorId?: string | undefined; invalid?: boolean }) {
  const { t } = useTranslation();
  const { hours, onChange, label } = props;
  const set = (i: number, patch: Partial<Hours>) => onChange(hours.map((h, j) => (j === i ? { ...h, ...patch } : h)));
  const add = () => {
    const last = hours.at(-1);
    const start = last ? last.end : '09:00';
    onChange([...hours, { start: start === '00:00' ? '09:00' : start, end: start >= '20:00' || start === '00:00' ? '00:00' : `${String(Number(start.slice(0, 2)) + 3).padStart(2, '0')}${start.slice(2)}` }]);
  };
  const describe = props.errorId ? { 'aria-describedby': props.errorId } : {};
  return (
    <div className="hours">
      {hours.length === 0 ? <span className="hours__closed">{t('admin:calendar.closedDay')}</span> : null}
      {hours.map((h, i) => (
        <span className="hours__interval" key={i}>
          <input
            id={`${props.idPrefix}-${i}-start`}
            className="input input--compact"
            type="time"
            value={h.start}
            aria-label={t('admin:calendar.opens', { day: label, n: i + 1 })}
            aria-invalid={props.invalid || undefined}
            {...describe}
            onChange={(e) => set(i, { start: e.target.value })}
          />
          <span aria-hidden="true">–</span>
          <input
            id={`${props.idPrefix}-${i}-end`}
            className="input input--compact"
            type="time"
            value={h.end}
            aria-label={t('admin:calendar.closes', { day: label, n: i + 1 })}
            aria-invalid={props.invalid || undefined}
            {...describe}
            onChange={(e) => set(i, { end: e.target.value })}
          />
          <button type="button" className="button button--ghost" onClick={() => onChange(hours.filter((_, j) => j !== i))} aria-label={t('admin:calendar.removeHours', { day: label, start: h.start, end: h.end })}>
            ×
          </button>
        </span>
      ))}
      <button type="button" className="button button--link" onClick={add} aria-label={t('admin:calendar.addHoursFor', { day: label })}>
        {t('admin:calendar.addHours')}
      </button>
    </div>
  );
}
