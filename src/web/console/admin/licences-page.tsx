import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { CreateLicenceBody, UpdateLicenceBody, type LicenceDto } from '../../../contracts/entitlements.js';
import { catalogueKeys, useCatalogueWrite, useLicences, useOrganizations, useProducts } from '../../api/admin-catalogue.js';
import { describedBy, Field } from '../../components/form.js';
import { Page } from '../../components/page.js';
import { ProblemAlert } from '../../components/problem-alert.js';
import { EmptyState, Loading, Notice } from '../../components/status.js';
import { useFormats } from '../../i18n/format.js';
import { EditFormActions, useFieldErrors } from './admin-form.js';
import { calendarDate } from './calendar-preview.js';

const EMPTY = { number: '', productId: '', version: '', purchasedOn: '', organizationId: '', seats: '1' };

/** Admin: licences bought (which product, version and organization), with a form to record one. */
export function LicencesPage() {
  const { t } = useTranslation();
  const f = useFormats();
  const uid = useId();
  const licences = useLicences();
  const products = useProducts();
  const orgs = useOrganizations();
  const [v, setV] = useState(EMPTY);
  const [done, setDone] = useState<string | null>(null);
  const fields = useFieldErrors();
  const [editing, setEditing] = useState<LicenceDto | null>(null);
  const create = useCatalogueWrite<unknown, LicenceDto>('POST', () => '/licences', [catalogueKeys.licences]);
  const change = useCatalogueWrite<{ id: string; body: unknown }, LicenceDto>('PATCH', (x) => `/licences/${x.id}`, [catalogueKeys.licences], (x) => x.body);
  const edit = (l: LicenceDto | null) => {
    setEditing(l);
    setDone(null);
    fields.clear();
    setV(l ? { number: l.number, productId: l.productId, version: l.version, purchasedOn: l.purchasedOn, organizationId: l.organizationId ?? '', seats: String(l.seats) } : EMPTY);
    document.getElementById(fid('number'))?.focus();
  };
  const fid = (k: string) => `${uid}-${k}`;
  const set = (k: keyof typeof EMPTY) => (e: { target: { value: string } }) => setV((o) => ({ ...o, [k]: e.target.value }));
  const submit = (e: FormEvent) => {
    e.preventDefault();
    setDone(null);
    const input = { ...v, organizationId: v.organizationId || null, seats: Number(v.seats) };
    const body = fields.check(editing ? UpdateLicenceBody : CreateLicenceBody, input, fid);
    if (!body) return;
    const ok = (l: LicenceDto) => {
      setDone(t(editing ? 'admin:licence.saved' : 'admin:licence.created', { number: l.number }));
      setEditing(null);
      setV(EMPTY);
    };
    if (editing) change.mutate({ id: editing.id, body }, { onSuccess: ok, onError: fields.fromServer });
    else create.mutate(body, { onSuccess: ok, onError: fields.fromServer });
  };
  const err = fields.errors;
  const rows = licences.data ?? [];
  const text = (k: 'number' | 'version', hint?: string) => (
    <Field id={fid(k)} label={t(`admin:licence.field.${k}`)} hint={hint} error={err[k]} required>
      <input id={fid(k)} className="input" value={v[k]} onChange={set(k)} {...describedBy(fid(k), { hint: Boolean(hint), error: err[k] })} />
    </Field>
  );
  return (
    <Page title={t('admin:licence.title')} subtitle={t('admin:licence.intro')}>
      {done ? <Notice>{done}</Notice> : null}
      <form className="card form" onSubmit={submit} noValidate aria-labelledby={fid('title')}>
        <h2 id={fid('title')} className="panel__title">
          {editing ? t('admin:licence.editTitle', { number: editing.number }) : t('admin:licence.create')}
        </h2>
        <div className="form__grid">
          {text('number')}
          <Field id={fid('productId')} label={t('admin:licence.field.product')} error={err.productId} required>
            <select id={fid('productId')} className="input" value={v.productId} onChange={set('productId')} {...describedBy(fid('productId'), { error: err.productId })}>
              <option value="">{t('admin:common.choose')}</option>
              {(products.data ?? []).map((p) => (
                <option key={p.id} value={p.id}>
                  {p.name}
                </option>
              ))}
            </select>
          </Field>
          {text('version', t('admin:product.versionHint'))}
          <Field id={fid('purchasedOn')} label={t('admin:licence.field.purchasedOn')} error={err.purchasedOn} required>
            <input id={fid('purchasedOn')} className="input" type="date" value={v.purchasedOn} onChange={set('purchasedOn')} {...describedBy(fid('purchasedOn'), { error: err.purchasedOn })} />
          </Field>
          <Field id={fid('organizationId')} label={t('admin:licence.field.organization')} error={err.organizationId}>
            <select id={fid('organizationId')} className="input" value={v.organizationId} onChange={set('organizationId')} {...describedBy(fid('organizationId'), { error: err.organizationId })}>
              <option value="">{t('admin:licence.noOrganization')}</option>
              {(orgs.data ?? []).map((o) => (
                <option key={o.id} value={o.id}>
                  {o.name}
                </option>
              ))}
            </select>
          </Field>
          <Field id={fid('seats')} label={t('admin:licence.field.seats')} error={err.seats}>
            <input id={fid('seats')} className="input" inputMode="numeric" value={v.seats} onChange={set('seats')} {...describedBy(fid('seats'), { error: err.seats })} />
          </Field>
        </div>
        <ProblemAlert error={editing ? change.error : create.error} />
        <EditFormActions editing={Boolean(editing)} saving={create.isPending || change.isPending} submitLabel={t('admin:licence.submit')} onCancel={() => edit(null)} />
      </form>
      <ProblemAlert error={licences.error} />
      {licences.isPending ? (
        <Loading />
      ) : rows.length === 0 ? (
        <EmptyState title={t('admin:licence.empty')} />
      ) : (
        <table className="table">
          <caption className="visually-hidden">{t('admin:licence.title')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('admin:licence.field.number')}</th>
              <th scope="col">{t('admin:licence.field.product')}</th>
              <th scope="col">{t('admin:licence.field.organization')}</th>
              <th scope="col">{t('admin:licence.field.purchasedOn')}</th>
              <th scope="col">{t('admin:licence.field.seats')}</th>
              <th scope="col">
                <span className="visually-hidden">{t('admin:common.actions')}</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {rows.map((l) => (
              <tr key={l.id}>
                <td className="table__main" data-label={t('admin:licence.field.number')}>
                  {l.number}
                </td>
                <td data-label={t('admin:licence.field.product')}>
                  {l.productCode} {l.version}
                </td>
                <td data-label={t('admin:licence.field.organization')}>{l.organizationName ?? <span className="muted">—</span>}</td>
                <td data-label={t('admin:licence.field.purchasedOn')}>{calendarDate(f.locale, l.purchasedOn)}</td>
                <td className="table__number" data-label={t('admin:licence.field.seats')}>
                  {l.seats}
                </td>
                <td data-label={t('admin:common.actions')}>
                  <button type="button" className="button button--link" onClick={() => edit(l)} aria-label={t('admin:common.editNamed', { name: l.number })}>
                    {t('admin:common.edit')}
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </Page>
  );
}
