import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { CreateOrganizationBody, UpdateOrganizationBody, type OrganizationDto } from '../../../contracts/organizations.js';
import { catalogueKeys, useCatalogueWrite, useOrganizations } from '../../api/admin-catalogue.js';
import { describedBy, Field } from '../../components/form.js';
import { Page } from '../../components/page.js';
import { ProblemAlert } from '../../components/problem-alert.js';
import { EmptyState, Loading, Notice } from '../../components/status.js';
import { useFieldErrors } from './admin-form.js';

/** Admin: customer organizations, with a form to add one or change the one being edited. */
export function OrganizationsPage() {
  const { t } = useTranslation();
  const uid = useId();
  const orgs = useOrganizations();
  const [editing, setEditing] = useState<OrganizationDto | null>(null);
  const [name, setName] = useState('');
  const [shares, setShares] = useState(false);
  const [done, setDone] = useState<string | null>(null);
  const fields = useFieldErrors();
  const create = useCatalogueWrite<CreateOrganizationBody, OrganizationDto>('POST', () => '/organizations', [catalogueKeys.organizations]);
  const change = useCatalogueWrite<{ id: string; body: UpdateOrganizationBody }, OrganizationDto>('PATCH', (v) => `/organizations/${v.id}`, [catalogueKeys.organizations], (v) => v.body);
  const fid = (k: string) => `${uid}-${k}`;

  const edit = (o: OrganizationDto | null) => {
    setEditing(o);
    setName(o?.name ?? '');
    setShares(o?.sharesTickets ?? false);
    setDone(null);
    fields.clear();
    document.getElementById(fid('name'))?.focus();
  };
  const submit = (e: FormEvent) => {
    e.preventDefault();
    setDone(null);
    const body = fields.check(editing ? UpdateOrganizationBody : CreateOrganizationBody, { name, sharesTickets: shares }, fid);
    if (!body) return;
    const ok = (o: OrganizationDto) => {
      setDone(t(editing ? 'admin:org.saved' : 'admin:org.created', { name: o.name }));
      setEditing(null);
      setName('');
      setShares(false);
    };
    if (editing) change.mutate({ id: editing.id, body }, { onSuccess: ok, onError: fields.fromServer });
    else create.mutate(body as CreateOrganizationBody, { onSuccess: ok, onError: fields.fromServer });
  };
  const rows = orgs.data ?? [];
  const pending = create.isPending || change.isPending;
  return (
    <Page title={t('admin:org.title')} subtitle={t('admin:org.intro')}>
      {done ? <Notice>{done}</Notice> : null}
      <form className="card form" onSubmit={submit} noValidate aria-labelledby={fid('title')}>
        <h2 id={fid('title')} className="panel__title">
          {editing ? t('admin:org.editTitle', { name: editing.name }) : t('admin:org.create')}
        </h2>
        <div className="form__grid">
          <Field id={fid('name')} label={t('admin:org.field.name')} error={fields.errors.name} required>
            <input id={fid('name')} className="input" value={name} onChange={(e) => setName(e.target.value)} {...describedBy(fid('name'), { error: fields.errors.name })} />
          </Field>
        </div>
        <label className="check">
          <input type="checkbox" checked={shares} onChange={(e) => setShares(e.target.checked)} />
          {t('admin:org.field.sharesTickets')}
        </label>
        <ProblemAlert error={create.error ?? change.error} />
        <div className="form__actions">
          {editing ? (
            <button type="button" className="button button--secondary" onClick={() => edit(null)}>
              {t('web:cancel')}
            </button>
          ) : null}
          <button type="submit" className="button button--primary" disabled={pending}>
            {pending ? t('web:saving') : editing ? t('admin:common.save') : t('admin:org.submit')}
          </button>
        </div>
      </form>
      <ProblemAlert error={orgs.error} />
      {orgs.isPending ? (
        <Loading />
      ) : rows.length === 0 ? (
        <EmptyState title={t('admin:org.empty')} />
      ) : (
        <table className="table">
          <caption className="visually-hidden">{t('admin:org.title')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('admin:org.field.name')}</th>
              <th scope="col">{t('admin:org.members')}</th>
              <th scope="col">{t('admin:org.sharing')}</th>
              <th scope="col">
                <span className="visually-hidden">{t('admin:common.actions')}</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {rows.map((o) => (
              <tr key={o.id}>
                <td className="table__main" data-label={t('admin:org.field.name')}>
                  {o.name}
                </td>
                <td className="table__number" data-label={t('admin:org.members')}>
                  {o.members}
                </td>
                <td data-label={t('admin:org.sharing')}>{o.sharesTickets ? t('admin:org.shared') : t('admin:org.private')}</td>
                <td data-label={t('admin:common.actions')}>
                  <button type="button" className="button button--link" onClick={() => edit(o)} aria-label={t('admin:common.editNamed', { name: o.name })}>
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
