import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router-dom';
import { ApiError } from '../api/client.js';
import { useBookCallback, useCallbackSlots } from '../api/callbacks.js';
import { describedBy, Field } from '../components/form.js';
import { Page } from '../components/page.js';
import { ProblemAlert } from '../components/problem-alert.js';
import { EmptyState, Loading } from '../components/status.js';
import { useFormats } from '../i18n/format.js';
import { slotLabel } from './callback-time.js';

const EARLIEST = 'earliest';

/**
 * "Book a callback": the free slots of the next business hours in the customer's time zone, a phone
 * number, and the booking. From a request (/portal/requests/:ref/callback) the call is about it;
 * without one (/portal/callback) a new phone request is filed.
 */
export function CallbackPage() {
  const { t } = useTranslation();
  const f = useFormats();
  const { ref } = useParams();
  const navigate = useNavigate();
  const slots = useCallbackSlots(ref ?? null);
  const book = useBookCallback();
  const [phone, setPhone] = useState('');
  const [subject, setSubject] = useState('');
  const [choice, setChoice] = useState(EARLIEST);
  const phoneId = useId();
  const subjectId = useId();
  const phoneError = book.error instanceof ApiError && book.error.fields.phone ? t('web:validation.format') : undefined;

  const submit = (e: FormEvent) => {
    e.preventDefault();
    book.mutate(
      { phone, ...(ref ? { ticketId: ref } : {}), ...(!ref && subject.trim() ? { subject: subject.trim() } : {}), ...(choice !== EARLIEST ? { slotStart: choice } : {}) },
      {
        onSuccess: (r) => navigate(`/portal/requests/${encodeURIComponent(r.ticket.number)}`),
        onError: () => setChoice(EARLIEST),
      },
    );
  };

  const free = slots.data?.slots.filter((s) => s.free > 0) ?? [];
  return (
    <Page
      title={t('callbacks:portal.title')}
      width="narrow"
      actions={
        ref ? (
          <Link to={`/portal/requests/${encodeURIComponent(ref)}`} className="button button--ghost">
            {t('callbacks:portal.back')}
          </Link>
        ) : null
      }
    >
      <p className="hint">{t('callbacks:portal.intro', { zone: f.timeZone })}</p>
      <ProblemAlert error={slots.error} />
      {slots.isPending ? (
        <Loading label={t('callbacks:portal.loading')} />
      ) : free.length === 0 ? (
        <EmptyState title={t('callbacks:portal.none')} />
      ) : (
        <form className="panel form" onSubmit={submit} noValidate>
          {!ref ? (
            <Field id={subjectId} label={t('callbacks:portal.subject')}>
              <input id={subjectId} className="input" value={subject} maxLength={300} onChange={(e) => setSubject(e.target.value)} />
            </Field>
          ) : null}
          <Field id={phoneId} label={t('callbacks:portal.phone')} required error={phoneError}>
            <input
              id={phoneId}
              className="input"
              type="tel"
              autoComplete="tel"
              required
              value={phone}
              onChange={(e) => setPhone(e.target.value)}
              {...describedBy(phoneId, { error: phoneError })}
            />
          </Field>
          <fieldset className="field">
            <legend className="field__label">{t('callbacks:portal.slots')}</legend>
            <div>
              <label>
                <input type="radio" name="slot" value={EARLIEST} checked={choice === EARLIEST} onChange={() => setChoice(EARLIEST)} />{' '}
                {t('callbacks:portal.earliest')} ({slotLabel(f, free[0]!.start, free[0]!.end)})
              </label>
            </div>
            {free.map((s) => (
              <div key={s.start}>
                <label>
                  <input type="radio" name="slot" value={s.start} checked={choice === s.start} onChange={() => setChoice(s.start)} /> {slotLabel(f, s.start, s.end)}{' '}
                  <span className="muted">{t('callbacks:portal.seats_left', { count: s.free })}</span>
                </label>
              </div>
            ))}
          </fieldset>
          <ProblemAlert error={book.error} />
          <div className="form__actions">
            <button type="submit" className="button button--primary" disabled={book.isPending || phone.trim() === ''}>
              {t('callbacks:portal.submit')}
            </button>
          </div>
        </form>
      )}
    </Page>
  );
}
