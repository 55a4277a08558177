import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router-dom';
import type { ProductDto } from '../../contracts/entitlements.js';
import { CreateTicketBody, type RequestField, type StandardRequestObject } from '../../contracts/tickets.js';
import { ApiError } from '../api/client.js';
import { useCreateStandardRequest, useProducts, useRequestForm } from '../api/intake.js';
import { useUser } from '../api/session.js';
import { FilePicker } from '../components/file-picker.js';
import { describedBy, Field, zodFieldErrors, type FieldErrors } from '../components/form.js';
import { Page } from '../components/page.js';
import { ProblemAlert } from '../components/problem-alert.js';

/** What the confirmation screen is told after filing. */
export interface CreatedState {
  created: true;
}

/** Fields the page lays out itself (subject, description, product select, file picker). */
const OWN_LAYOUT = new Set(['summary', 'description', 'product', 'attachments']);
/** Keys of the standard request object; any other key goes to `extra`. */
const STANDARD_KEYS = new Set(['version', 'frequency', 'criticality', 'steps', 'contactName', 'contactEmail', 'contactPhone', 'licenceNumber']);

/** Builds the API's request object from form values (blank values left out). */
export function requestObject(productId: string | null, values: Record<string, string>): StandardRequestObject {
  const out: Record<string, unknown> = productId ? { productId } : {};
  const extra: Record<string, string> = {};
  for (const [k, v] of Object.entries(values)) {
    if (!v.trim()) continue;
    if (STANDARD_KEYS.has(k)) out[k] = v.trim();
    else extra[k] = v.trim();
  }
  if (Object.keys(extra).length > 0) out.extra = extra;
  return out as StandardRequestObject;
}

/** The form key of a field path in a problem answer ("request.steps", "request.extra.os", "request.productId"). */
export function fieldKeyOfPath(path: string): string {
  const p = path.replace(/^body\./, '');
  if (p === 'request.productId') return 'product';
  if (p.startsWith('request.extra.')) return p.slice('request.extra.'.length);
  if (p.startsWith('request.')) return p.slice('request.'.length);
  return p.split('.')[0]!;
}

/** The field problems of a 422/400 answer, by form key, with the server's translated messages. */
export function serverFieldErrors(err: unknown, fallback: string): FieldErrors {
  if (!(err instanceof ApiError)) return {};
  const out: FieldErrors = {};
  for (const e of err.problem?.errors ?? []) out[fieldKeyOfPath(e.path)] ??= e.code === 'missing' ? fallback : e.message;
  return out;
}

/** One field of a product's request form as an input: select for versions and choices, textarea for long text. */
export function RequestFieldInput(props: { field: RequestField; product: ProductDto | undefined; value: string; error: string | undefined; onChange: (value: string) => void; disabled?: boolean }) {
  const { t } = useTranslation();
  const { field, value, error } = props;
  const id = `request-${field.key}`;
  const label = t(`intake:field.${field.key}`, { defaultValue: field.key });
  const aria = describedBy(id, { error });
  let input;
  if (field.type === 'version' || field.type === 'choice') {
    const options = field.type === 'version' ? (props.product?.versions ?? []).map((v) => ({ value: v.version, label: v.version })) : (field.options ?? []).map((o) => ({ value: o, label: t(`intake:option.${field.key}.${o}`, { defaultValue: o }) }));
    input = (
      <select id={id} className="input" value={value} onChange={(e) => props.onChange(e.target.value)} required={field.required} disabled={props.disabled} {...aria}>
        <option value="">{t('intake:portal.choose')}</option>
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
    );
  } else if (field.type === 'longtext') {
    input = <textarea id={id} className="input" rows={5} value={value} onChange={(e) => props.onChange(e.target.value)} required={field.required} disabled={props.disabled} {...aria} />;
  } else {
    const type = field.type === 'email' ? 'email' : field.type === 'phone' ? 'tel' : 'text';
    input = <input id={id} type={type} className="input" value={value} onChange={(e) => props.onChange(e.target.value)} required={field.required} disabled={props.disabled} {...aria} />;
  }
  return (
    <Field id={id} label={label} error={error} required={field.required}>
      {input}
    </Field>
  );
}

/**
 * The request form: the standard request of the chosen product (product, version from its list,
 * criticality, frequency, steps to reproduce, contact, licence and the product's own fields, with
 * required marks), subject, description and attachments (limits told before upload). Checked in
 * the browser first, then by the server, whose 422 names the missing fields.
 */
export function NewRequestPage() {
  const { t, i18n } = useTranslation();
  const navigate = useNavigate();
  const user = useUser();
  const create = useCreateStandardRequest();
  const products = useProducts();
  const [productId, setProductId] = useState('');
  const form = useRequestForm(productId || null);
  const [subject, setSubject] = useState('');
  const [body, setBody] = useState('');
  const [values, setValues] = useState<Record<string, string>>({ contactName: user.name, contactEmail: user.email });
  const [files, setFiles] = useState<File[]>([]);
  const [progress, setProgress] = useState<number | null>(null);
  const [errors, setErrors] = useState<FieldErrors>({});

  const hasProducts = (products.data?.length ?? 0) > 0;
  const product = products.data?.find((p) => p.id === productId);
  const fields = form.data?.fields ?? [];
  const requiredFiles = fields.some((f) => f.key === 'attachments' && f.required);
  const set = (key: string, value: string) => setValues((v) => ({ ...v, [key]: value }));

  const submit = (e: FormEvent) => {
    e.preventDefault();
    const checked = CreateTicketBody.safeParse({ subject, body });
    const found: FieldErrors = checked.success ? {} : zodFieldErrors(checked.error, t);
    if (hasProducts && !productId) found.product = t('web:validation.required');
    for (const f of fields) {
      if (!f.required || OWN_LAYOUT.has(f.key)) continue;
      if (!(values[f.key] ?? '').trim()) found[f.key] = t('web:validation.required');
    }
    if (requiredFiles && files.length === 0) found.attachments = t('web:validation.required');
    if (Object.keys(found).length > 0) {
      setErrors(found);
      const first = Object.keys(found)[0]!;
      document.getElementById(first === 'subject' || first === 'body' ? first : first === 'product' ? 'product' : `request-${first}`)?.focus();
      return;
    }
    setErrors({});
    const formKeys = new Set(fields.map((f) => f.key));
    const given = Object.fromEntries(Object.entries(values).filter(([k]) => formKeys.has(k)));
    create.mutate(
      { subject, body, language: i18n.language, ...(productId ? { request: requestObject(productId, given) } : {}), files, onProgress: files.length ? setProgress : undefined },
      {
        onSuccess: (ticket) => navigate(`/portal/requests/${ticket.number}`, { state: { created: true } satisfies CreatedState }),
        onError: (err) => setErrors(serverFieldErrors(err, t('web:validation.required'))),
        onSettled: () => setProgress(null),
      },
    );
  };

  return (
    <Page title={t('portal:new.title')} subtitle={t('portal:new.intro')} width="narrow">
      <form className="card form" onSubmit={submit} noValidate>
        {hasProducts ? (
          <Field id="product" label={t('intake:field.product')} error={errors.product} required>
            <select
              id="product"
              className="input"
              value={productId}
              onChange={(e) => {
                setProductId(e.target.value);
                set('version', '');
              }}
              required
              {...describedBy('product', { error: errors.product })}
            >
              <option value="">{t('intake:portal.choose')}</option>
              {products.data!.map((p) => (
                <option key={p.id} value={p.id}>
                  {p.name}
                </option>
              ))}
            </select>
          </Field>
        ) : null}
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
            rows={8}
            value={body}
            onChange={(e) => setBody(e.target.value)}
            required
            {...describedBy('body', { hint: true, error: errors.body })}
          />
        </Field>
        {productId && fields.length > 0 ? (
          <fieldset className="fieldset">
            <legend className="field__label">{t('intake:portal.productSection')}</legend>
            <p className="hint">{t('intake:portal.requiredHint')}</p>
            {fields
              .filter((f) => !OWN_LAYOUT.has(f.key))
              .map((f) => (
                <RequestFieldInput key={f.key} field={f} product={product} value={values[f.key] ?? ''} error={errors[f.key]} onChange={(v) => set(f.key, v)} disabled={create.isPending} />
              ))}
          </fieldset>
        ) : null}
        <fieldset className="fieldset">
          <legend className="field__label">
            {t('portal:new.attachments')}
            {requiredFiles ? <span className="field__required" aria-hidden="true"> *</span> : null}
          </legend>
          <p className="hint">{t('portal:new.attachmentsHint')}</p>
          <FilePicker files={files} onChange={setFiles} disabled={create.isPending} />
          {errors.attachments ? <div className="field__error">{errors.attachments}</div> : null}
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
