import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router-dom';
import { CreateTicketBody } from '../../contracts/tickets.js';
import { ApiError } from '../api/client.js';
import { useCreateTicket } from '../api/tickets.js';
import { FilePicker } from '../components/file-picker.js';
import { describedBy, Field, zodFieldErrors, type FieldErrors } from '../components/form.js';
import { Page } from '../components/page.js';
import { ProblemAlert } from '../components/problem-alert.js';

/** What the confirmation screen is told after filing. */
export interface CreatedState {
  created: true;
}

/**
 * The request form: subject, description with what support needs, attachments (limits told
 * before upload). Checked with the API's own schema first, then by the server.
 */
export function NewRequestPage() {
  const { t, i18n } = useTranslation();
  const navigate = useNavigate();
  const create = useCreateTicket();
  const [subject, setSubject] = useState('');
  const [body, setBody] = useState('');
  const [files, setFiles] = useState<File[]>([]);
  const [progress, setProgress] = useState<number | null>(null);
  const [errors, setErrors] = useState<FieldErrors>({});

  const submit = (e: FormEvent) => {
    e.preventDefault();
    const checked = CreateTicketBody.safeParse({ subject, body });
    if (!checked.success) {
      const found = zodFieldErrors(checked.error, t);
      setErrors(found);
      document.getElementById(Object.keys(found)[0] === 'body' ? 'body' : 'subject')?.focus();
      return;
    }
    setErrors({});
    create.mutate(
      { subject, body, language: i18n.language, files, onProgress: files.length ? setProgress : undefined },
      {
        onSuccess: (ticket) => navigate(`/portal/requests/${ticket.number}`, { state: { created: true } satisfies CreatedState }),
        onError: (err) => {
          if (err instanceof ApiError) setErrors(Object.fromEntries(Object.keys(err.fields).map((f) => [f, t('web:validation.invalid')])));
        },
        onSettled: () => setProgress(null),
      },
    );
  };

  return (
    <Page title={t('portal:new.title')} subtitle={t('portal:new.intro')} width="narrow">
      <form className="card form" onSubmit={submit} noValidate>
        <Field id="subject" label={t('portal:new.subject')} hint={t('portal:new.subjectHint')} error={errors.subject} required>
          <input
            id="subject"
            className="input"
            maxLength={250}
            value={subject}
            onChange={(e) => setSubject(e.target.value)}
            required
            {...describedBy('subject', { hint: true, error: errors.subject })}
          />
        </Field>
        <Field id="body" label={t('portal:new.body')} hint={t('portal:new.bodyHint')} error={errors.body} required>
          <textarea
            id="body"
            className="input"
            rows={10}
            value={body}
            onChange={(e) => setBody(e.target.value)}
            required
            {...describedBy('body', { hint: true, error: errors.body })}
          />
        </Field>
        <fieldset className="fieldset">
          <legend className="field__label">{t('portal:new.attachments')}</legend>
          <p className="hint">{t('portal:new.attachmentsHint')}</p>
          <FilePicker files={files} onChange={setFiles} disabled={create.isPending} />
        </fieldset>
        <ProblemAlert error={create.error} />
        <div className="form__actions">
          {progress !== null ? <progress max={1} value={progress} aria-label={t('web:composer.uploading')} /> : null}
          <button type="button" className="button button--ghost" onClick={() => navigate('/portal')}>
            {t('web:cancel')}
          </button>
          <button type="submit" className="button button--primary" disabled={create.isPending}>
            {create.isPending ? t('portal:new.sending') : t('portal:new.submit')}
          </button>
        </div>
      </form>
    </Page>
  );
}
