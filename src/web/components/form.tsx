import type { ReactNode } from 'react';
import type { TFunction } from 'i18next';
import type { z } from 'zod';

/** Field problems by field name, as translated sentences. */
export type FieldErrors = Record<string, string>;

/**
 * Turns zod issues of a contract schema into translated messages per field, so a form checks its
 * input with the same schema as the server and speaks the person's language.
 */
export function zodFieldErrors(error: z.ZodError, t: TFunction): FieldErrors {
  const out: FieldErrors = {};
  for (const issue of error.issues) {
    const field = String(issue.path[0] ?? '');
    if (out[field]) continue;
    const i = issue as z.core.$ZodIssue & { minimum?: number | bigint; maximum?: number | bigint };
    if (i.code === 'too_small' && Number(i.minimum) <= 1) out[field] = t('web:validation.required');
    else if (i.code === 'too_small') out[field] = t('web:validation.tooShort', { count: Number(i.minimum) });
    else if (i.code === 'too_big') out[field] = t('web:validation.tooLong', { count: Number(i.maximum) });
    else if (i.code === 'invalid_format') out[field] = t('web:validation.format');
    else out[field] = t('web:validation.invalid');
  }
  return out;
}

/** A labelled form field with its hint and error, wired for assistive technologies. */
export function Field(props: { id: string; label: string; hint?: ReactNode; error?: string | undefined; required?: boolean; children: ReactNode }) {
  return (
    <div className={`field ${props.error ? 'field--invalid' : ''}`}>
      <label htmlFor={props.id} className="field__label">
        {props.label}
        {props.required ? <span className="field__required" aria-hidden="true"> *</span> : null}
      </label>
      {props.hint ? (
        <div id={`${props.id}-hint`} className="hint">
          {props.hint}
        </div>
      ) : null}
      {props.children}
      {props.error ? (
        <div id={`${props.id}-error`} className="field__error">
          {props.error}
        </div>
      ) : null}
    </div>
  );
}

/** aria attributes of an input inside <Field>. */
export function describedBy(id: string, opts: { hint?: boolean; error?: string | undefined }): { 'aria-describedby'?: string; 'aria-invalid'?: true } {
  const ids = [opts.hint ? `${id}-hint` : null, opts.error ? `${id}-error` : null].filter(Boolean).join(' ');
  return { ...(ids ? { 'aria-describedby': ids } : {}), ...(opts.error ? { 'aria-invalid': true as const } : {}) };
}
