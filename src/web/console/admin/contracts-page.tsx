import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { CreateContractBody, UpdateContractBody, type ContractDto } from '../../../contracts/entitlements.js';
import { catalogueKeys, useCatalogueWrite, useCataloguePlans, useContracts, useOrganizations, useProducts } from '../../api/admin-catalogue.js';
import { describedBy, Field } from '../../components/form.js';
import { Page } from '../../components/page.js';
import { ProblemAlert } from '../../components/problem-alert.js';
import { EmptyState, Loading, Notice } from '../../components/status.js';
import { useFormats } from '../../i18n/format.js';
import { EditFormActions, useFieldErrors } from './admin-form.js';
import { calendarDate } from './calendar-preview.js';
import { planLabel } from './plans-page.js';

const EMPTY = { number: '', organizationId: '', planCode: '', productId: '', startsOn: '', endsOn: '' };

/** Admin: support contracts (an organization, a plan, a period), with a form to record one. */
export function ContractsPage() {
  const { t, i18n } = useTranslation();
  const f = useFormats();
  const uid = useId();
  const contracts = useContracts();
  const orgs = useOrganizations();
  const plans = useCataloguePlans();
  const products = useProducts();
  const [v, setV] = useState(EMPTY);
  const [done, setDone] = useState<string | null>(null);
  const fields = useFieldErrors();
  const [editing, setEditing] = useState<ContractDto | null>(null);
  const create = useCatalogueWrite<unknown, ContractDto>('POST', () => '/contracts', [catalogueKeys.contracts, catalogueKeys.organizations]);
  const change = useCatalogueWrite<{ id: string; body: unknown }, ContractDto>('PATCH', (x) => `/contracts/${x.id}`, [catalogueKeys.contracts], (x) => x.body);
  const edit = (c: ContractDto | null) => {
    setEditing(c);
    setDone(null);
    fields.clear();
    setV(c ? { number: c.number, organizationId: c.organizationId, planCode: c.planCode, productId: c.productId ?? '', startsOn: c.startsOn, endsOn: c.endsOn } : EMPTY);
    document.getElementById(fid('number'))?.focus();
  };
  const fid = (k: string) => `${uid}-${k}`;
  const set = (k: keyof typeof EMPTY) => (e: { target: { value: string } }) => setV((o) => ({ ...o, [k]: e.target.value }));
  const submit = (e: FormEvent) => {
    e.preventDefault();
    setDone(null);
    const body = fields.check(editing ? UpdateContractBody : CreateContractBody, { ...v, productId: v.productId || null }, fid);
    if (!body) return;
    const ok = (c: ContractDto) => {
      setDone(t(editing ? 'admin:contract.saved' : 'admin:contract.created', { number: c.number, organization: c.organizationName }));
      setEditing(null);
      setV(EMPTY);
    };
    if (editing) change.mutate({ id: editing.id, body }, { onSuccess: ok, onError: fields.fromServer });
    else create.mutate(body, { onSuccess: ok, onError: fields.fromServer });
  };
  const err = fields.errors;
  const rows = contracts.data ?? [];
  const select = (k: 'organizationId' | 'planCode' | 'productId', options: Array<{ value: string; label: string }>, empty: string, required: boolean) => (
    <Field id={fid(k)} label={t(`admin:contract.field.${k}`)} error={err[k]} required={required}>
      <select id={fid(k)} className="input" value={v[k]} onChange={set(k)} {...describedBy(fid(k), { error: err[k] })}>
        <option value="">{empty}</option>
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
    </Field>
  );
  const day = (k: 'startsOn' | 'endsOn') => (
    <Field id={fid(k)} label={t(`admin:contract.field.${k}`)} error={err[k]} required>
      <input id={fid(k)} className="input" type="date" value={v[k]} onChange={set(k)} {...describedBy(fid(k), { error: err[k] })} />
    </Field>
  );
  return (
    <Page title={t('admin:contract.title')} subtitle={t('admin:contract.intro')}>
      {done ? <Notice>{done}</Notice> : null}
      <form className="card form" onSubmit={submit} noValidate aria-labelledby={fid('title')}>
        <h2 id={fid('title')} className="panel__title">
          {editing ? t('admin:contract.editTitle', { number: editing.number }) : t('admin:contract.create')}
        </h2>
        <div className="form__grid">
          <Field id={fid('number')} label={t('admin:contract.field.number')} error={err.number} required>
            <input id={fid('number')} className="input" value={v.number} onChange={set('number')} {...describedBy(fid('number'), { error: err.number })} />
          </Field>
          {select('organizationId', (orgs.data ?? []).map((o) => ({ value: o.id, label: o.name })), t('admin:common.choose'), true)}
          {select('planCode', (plans.data ?? []).filter((p) => p.basis === 'contract').map((p) => ({ value: p.code, label: planLabel(p, i18n.language) })), t('admin:common.choose'), true)}
          {select('productId', (products.data ?? []).map((p) => ({ value: p.id, label: p.name })), t('admin:plan.anyProduct'), false)}
          {day('startsOn')}
          {day('endsOn')}
        </div>
        <ProblemAlert error={editing ? change.error : create.error} />
        <EditFormActions editing={Boolean(editing)} saving={create.isPending || change.isPending} submitLabel={t('admin:contract.submit')} onCancel={() => edit(null)} />
      </form>
      <ProblemAlert error={contracts.error} />
      {contracts.isPending ? (
        <Loading />
      ) : rows.length === 0 ? (
        <EmptyState title={t('admin:contract.empty')} />
      ) : (
        <table className="table">
          <caption className="visually-hidden">{t('admin:contract.title')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('admin:contract.field.number')}</th>
              <th scope="col">{t('admin:contract.field.organizationId')}</th>
              <th scope="col">{t('admin:contract.field.planCode')}</th>
              <th scope="col">{t('admin:contract.period')}</th>
              <th scope="col">
                <span className="visually-hidden">{t('admin:common.actions')}</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {rows.map((c) => (
              <tr key={c.id}>
                <td className="table__main" data-label={t('admin:contract.field.number')}>
                  {c.number}
                </td>
                <td data-label={t('admin:contract.field.organizationId')}>{c.organizationName}</td>
                <td data-label={t('admin:contract.field.planCode')}>{c.planCode}</td>
                <td data-label={t('admin:contract.period')}>{t('admin:contract.fromTo', { from: calendarDate(f.locale, c.startsOn), to: calendarDate(f.locale, c.endsOn) })}</td>
                <td data-label={t('admin:common.actions')}>
                  <button type="button" className="button button--link" onClick={() => edit(c)} aria-label={t('admin:common.editNamed', { name: c.number })}>
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
