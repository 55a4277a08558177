import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import { ApiError } from '../../api/client.js';
import { zodFieldErrors, type FieldErrors } from '../../components/form.js';

/**
 * Field errors of an admin form: checked first with the API's own schema (translated zod issues),
 * then with the server's problem+json (each field it names is marked).
 */
export function useFieldErrors() {
  const { t } = useTranslation();
  const [errors, setErrors] = useState<FieldErrors>({});
  return {
    errors,
    clear: () => setErrors({}),
    /** The parsed body, or null after showing the errors and focusing the first bad field. */
    check<S extends z.ZodType>(schema: S, input: unknown, idOf: (field: string) => string): z.infer<S> | null {
      const r = schema.safeParse(input);
      if (r.success) {
        setErrors({});
        return r.data;
      }
      const found = zodFieldErrors(r.error, t);
      setErrors(found);
      const first = Object.keys(found)[0];
      if (first) document.getElementById(idOf(first))?.focus();
      return null;
    },
    fromServer(err: unknown) {
      if (err instanceof ApiError) setErrors(Object.fromEntries(Object.keys(err.fields).map((f) => [f, t('web:validation.invalid')])));
    },
  };
}

/** The buttons under a create-or-edit form: cancel while editing, and save (or the create label). */
export function EditFormActions(props: { editing: boolean; saving: boolean; submitLabel: string; onCancel: () => void }) {
  const { t } = useTranslation();
  return (
    <div className="form__actions">
      {props.editing ? (
        <button type="button" className="button button--secondary" onClick={props.onCancel}>
          {t('web:cancel')}
        </button>
      ) : null}
      <button type="submit" className="button button--primary" disabled={props.saving}>
        {props.saving ? t('web:saving') : props.editing ? t('admin:common.save') : props.submitLabel}
      </button>
    </div>
  );
}
