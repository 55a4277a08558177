import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import type { CallbackDto } from '../../contracts/callbacks.js';
import { useCallbackQueue, useCallbackSlots, useRecordOutcome } from '../api/callbacks.js';
import { Page } from '../components/page.js';
import { ProblemAlert } from '../components/problem-alert.js';
import { EmptyState, Loading, Notice } from '../components/status.js';
import { makeFormats, useFormats } from '../i18n/format.js';
import { slotLabel } from '../portal/callback-time.js';

/** The table's cells keep to one line; the slot and outcome cells hold sentences that must wrap. */
const WRAP = { whiteSpace: 'normal' } as const;

/** Moving a call: the free slots of the longer horizon for this ticket's team. */
function Reschedule({ callback, onDone }: { callback: CallbackDto; onDone: () => void }) {
  const { t } = useTranslation();
  const f = useFormats();
  const slots = useCallbackSlots(callback.ticketNumber, 'reschedule');
  const record = useRecordOutcome();
  const [slot, setSlot] = useState('');
  const id = useId();
  const free = slots.data?.slots.filter((s) => s.free > 0) ?? [];
  return (
    <div className="toolbar">
      <div className="toolbar__filter">
        <label htmlFor={id}>{t('callbacks:console.new_slot')}</label>
        <select id={id} className="input input--compact" value={slot} onChange={(e) => setSlot(e.target.value)} disabled={slots.isPending}>
          <option value="">—</option>
          {free.map((s) => (
            <option key={s.start} value={s.start}>
              {slotLabel(f, s.start, s.end)}
            </option>
          ))}
        </select>
      </div>
      <button
        type="button"
        className="button button--secondary"
        disabled={!slot || record.isPending}
        onClick={() => record.mutate({ id: callback.id, outcome: 'rescheduled', slotStart: slot }, { onSuccess: onDone })}
      >
        {t('callbacks:console.confirm_reschedule')}
      </button>
      <ProblemAlert error={record.error ?? slots.error} />
    </div>
  );
}

/** One call to make: who, when (mine and the customer's time), and the outcome buttons. */
function CallbackRow({ callback, onSaved, now }: { callback: CallbackDto; onSaved: () => void; now: number }) {
  const { t } = useTranslation();
  const f = useFormats();
  const record = useRecordOutcome();
  const [note, setNote] = useState('');
  const [moving, setMoving] = useState(false);
  const noteId = useId();
  const theirs = makeFormats(f.locale, callback.requesterTimeZone);
  const send = (outcome: 'reached' | 'no_answer') => record.mutate({ id: callback.id, outcome, ...(note.trim() ? { note: note.trim() } : {}) }, { onSuccess: onSaved });
  const booked = callback.state === 'booked';
  return (
    <tr>
      <td data-label={t('callbacks:console.slot')} style={WRAP}>
        <strong>{slotLabel(f, callback.slotStart, callback.slotEnd)}</strong>
        {booked && Date.parse(callback.slotEnd) < now ? (
          <>
            {' '}
            <span className="badge badge--pending">{t('callbacks:console.late')}</span>
          </>
        ) : null}
        {theirs.timeZone !== f.timeZone ? <div className="table__sub">{t('callbacks:console.customer_time', { time: slotLabel(theirs, callback.slotStart, callback.slotEnd) })}</div> : null}
        {callback.preferenceMet === false ? <div className="table__sub">{t('callbacks:console.preference_missed')}</div> : null}
      </td>
      <td className="table__main" data-label={t('callbacks:console.ticket')}>
        <Link to={`/console/tickets/${callback.ticketNumber}`} className="row-link">
          {callback.ticketSubject}
        </Link>
        <div className="table__sub">
          <span className="ticket-number">{callback.ticketNumber}</span> · {callback.requesterName}
        </div>
      </td>
      <td data-label={t('callbacks:console.phone')}>
        <a href={`tel:${callback.phone.replace(/[^+0-9]/g, '')}`}>{callback.phone}</a>
      </td>
      <td data-label={t('callbacks:console.attempts')}>
        {f.number(callback.attempts)}
        {callback.outcome ? <div className="table__sub">{t(`callbacks:console.outcome.${callback.outcome}`)}</div> : null}
      </td>
      <td data-label={t('callbacks:console.outcome_label')} style={WRAP}>
        {booked ? (
          <div className="form form--compact" style={{ maxWidth: '24rem' }}>
            <label htmlFor={noteId} className="visually-hidden">
              {t('callbacks:console.note')}
            </label>
            <input
              id={noteId}
              className="input input--compact"
              placeholder={t('callbacks:console.note')}
              aria-describedby={`${noteId}-hint`}
              value={note}
              maxLength={5000}
              onChange={(e) => setNote(e.target.value)}
            />
            <div id={`${noteId}-hint`} className="table__sub">
              {t('callbacks:console.note_hint')}
            </div>
            <div className="button-row">
              <button type="button" className="button button--primary" disabled={record.isPending} onClick={() => send('reached')}>
                {t('callbacks:console.reached')}
              </button>
              <button type="button" className="button button--secondary" disabled={record.isPending} onClick={() => send('no_answer')}>
                {t('callbacks:console.no_answer')}
              </button>
              <button type="button" className="button button--ghost" aria-expanded={moving} onClick={() => setMoving((m) => !m)}>
                {t('callbacks:console.reschedule')}
              </button>
            </div>
            {moving ? <Reschedule callback={callback} onDone={onSaved} /> : null}
            <ProblemAlert error={record.error} />
          </div>
        ) : callback.outcome ? (
          t(`callbacks:console.outcome.${callback.outcome}`)
        ) : null}
      </td>
    </tr>
  );
}

/** The callback queue: calls to make by slot (or the ones done), with the outcome of each call. */
export function CallbacksQueuePage() {
  const { t } = useTranslation();
  const [state, setState] = useState<'booked' | 'done'>('booked');
  const [mine, setMine] = useState(false);
  const [saved, setSaved] = useState(false);
  const queue = useCallbackQueue(state, mine);
  const mineId = useId();
  const items = queue.data ?? [];
  return (
    <Page title={t('callbacks:console.title')}>
      <div className="toolbar">
        <div className="segmented" role="group" aria-label={t('callbacks:console.title')}>
          {(['booked', 'done'] as const).map((s) => (
            <button key={s} type="button" className={`button ${state === s ? 'button--primary' : 'button--ghost'}`} aria-pressed={state === s} onClick={() => setState(s)}>
              {t(`callbacks:console.${s}`)}
            </button>
          ))}
        </div>
        <div className="toolbar__filter">
          <input id={mineId} type="checkbox" checked={mine} onChange={(e) => setMine(e.target.checked)} />
          <label htmlFor={mineId}>{t('callbacks:console.mine')}</label>
        </div>
      </div>
      {saved ? <Notice>{t('callbacks:console.saved')}</Notice> : null}
      <ProblemAlert error={queue.error} />
      {queue.isPending ? (
        <Loading />
      ) : items.length === 0 ? (
        <EmptyState title={t('callbacks:console.empty')} />
      ) : (
        <table className="table table--console">
          <caption className="visually-hidden">{t('callbacks:console.title')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('callbacks:console.slot')}</th>
              <th scope="col">{t('callbacks:console.ticket')}</th>
              <th scope="col">{t('callbacks:console.phone')}</th>
              <th scope="col">{t('callbacks:console.attempts')}</th>
              <th scope="col">{t('callbacks:console.outcome_label')}</th>
            </tr>
          </thead>
          <tbody>
            {items.map((c) => (
              <CallbackRow key={c.id} callback={c} now={queue.dataUpdatedAt} onSaved={() => setSaved(true)} />
            ))}
          </tbody>
        </table>
      )}
    </Page>
  );
}
