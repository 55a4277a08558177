import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { CreateProductBody, CreateVersionBody, UpdateProductBody, type ProductDto } from '../../../contracts/entitlements.js';
import { catalogueKeys, useCatalogueWrite, useProducts } from '../../api/admin-catalogue.js';
import { describedBy, Field } from '../../components/form.js';
import { Page } from '../../components/page.js';
import { ProblemAlert } from '../../components/problem-alert.js';
import { EmptyState, Loading, Notice } from '../../components/status.js';
import { useFormats } from '../../i18n/format.js';
import { useFieldErrors } from './admin-form.js';

/** A product's versions, each marked supported or not, and a form to add one. */
function Versions({ product }: { product: ProductDto }) {
  const { t } = useTranslation();
  const f = useFormats();
  const uid = useId();
  const [version, setVersion] = useState('');
  const fields = useFieldErrors();
  const add = useCatalogueWrite<{ version: string; supported: boolean }, ProductDto>('POST', () => `/products/${product.id}/versions`, [catalogueKeys.products]);
  const toggle = useCatalogueWrite<{ id: string; supported: boolean }, ProductDto>('PATCH', (v) => `/products/${product.id}/versions/${v.id}`, [catalogueKeys.products], (v) => ({ supported: v.supported }));
  const fid = (k: string) => `${uid}-${k}`;
  const submit = (e: FormEvent) => {
    e.preventDefault();
    const body = fields.check(CreateVersionBody, { version, supported: true }, fid);
    if (body) add.mutate(body, { onSuccess: () => setVersion(''), onError: fields.fromServer });
  };
  return (
    <>
      {product.versions.length === 0 ? (
        <p className="muted">{t('admin:product.noVersion')}</p>
      ) : (
        <table className="table">
          <caption className="visually-hidden">{t('admin:product.versionsOf', { name: product.name })}</caption>
          <thead>
            <tr>
              <th scope="col">{t('admin:product.field.version')}</th>
              <th scope="col">{t('admin:product.released')}</th>
              <th scope="col">{t('admin:product.support')}</th>
            </tr>
          </thead>
          <tbody>
            {product.versions.map((v) => (
              <tr key={v.id}>
                <td className="table__main" data-label={t('admin:product.field.version')}>
                  {v.version}
                </td>
                <td data-label={t('admin:product.released')}>{v.releasedAt ? f.date(v.releasedAt) : <span className="muted">—</span>}</td>
                <td data-label={t('admin:product.support')}>
                  <label className="check">
                    <input type="checkbox" checked={v.supported} disabled={toggle.isPending} onChange={(e) => toggle.mutate({ id: v.id, supported: e.target.checked })} />
                    {t('admin:product.supportedVersion', { version: v.version })}
                  </label>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <form className="form form--compact" onSubmit={submit} noValidate aria-label={t('admin:product.addVersionTo', { name: product.name })}>
        <div className="form__grid">
          <Field id={fid('version')} label={t('admin:product.newVersion')} hint={t('admin:product.versionHint')} error={fields.errors.version}>
            <input id={fid('version')} className="input" value={version} onChange={(e) => setVersion(e.target.value)} {...describedBy(fid('version'), { hint: true, error: fields.errors.version })} />
          </Field>
        </div>
        <ProblemAlert error={add.error ?? toggle.error} />
        <div className="form__actions">
          <button type="submit" className="button button--secondary" disabled={add.isPending}>
            {t('admin:product.addVersion')}
          </button>
        </div>
      </form>
    </>
  );
}

/** A product's code and name, changed in place. */
function Rename({ product, onDone }: { product: ProductDto; onDone: (p: ProductDto | null) => void }) {
  const { t } = useTranslation();
  const uid = useId();
  const [v, setV] = useState({ code: product.code, name: product.name });
  const fields = useFieldErrors();
  const change = useCatalogueWrite<{ code: string; name: string }, ProductDto>('PATCH', () => `/products/${product.id}`, [catalogueKeys.products]);
  const fid = (k: string) => `${uid}-${k}`;
  const submit = (e: FormEvent) => {
    e.preventDefault();
    const body = fields.check(UpdateProductBody, v, fid);
    if (body) change.mutate(body as { code: string; name: string }, { onSuccess: (p) => onDone(p), onError: fields.fromServer });
  };
  return (
    <form className="form form--compact" onSubmit={submit} noValidate aria-label={t('admin:common.editNamed', { name: product.name })}>
      <div className="form__grid">
        <Field id={fid('code')} label={t('admin:product.field.code')} error={fields.errors.code} required>
          <input id={fid('code')} className="input" value={v.code} onChange={(e) => setV({ ...v, code: e.target.value })} {...describedBy(fid('code'), { error: fields.errors.code })} />
        </Field>
        <Field id={fid('name')} label={t('admin:product.field.name')} error={fields.errors.name} required>
          <input id={fid('name')} className="input" value={v.name} onChange={(e) => setV({ ...v, name: e.target.value })} {...describedBy(fid('name'), { error: fields.errors.name })} />
        </Field>
      </div>
      <ProblemAlert error={change.error} />
      <div className="form__actions">
        <button type="button" className="button button--secondary" onClick={() => onDone(null)}>
          {t('web:cancel')}
        </button>
        <button type="submit" className="button button--primary" disabled={change.isPending}>
          {change.isPending ? t('web:saving') : t('admin:common.save')}
        </button>
      </div>
    </form>
  );
}

/** Admin: products and their versions (which are supported), with a form to add a product. */
export function ProductsPage() {
  const { t } = useTranslation();
  const uid = useId();
  const products = useProducts();
  const [v, setV] = useState({ code: '', name: '' });
  const [done, setDone] = useState<string | null>(null);
  const [renaming, setRenaming] = useState<string | null>(null);
  const fields = useFieldErrors();
  const create = useCatalogueWrite<{ code: string; name: string }, ProductDto>('POST', () => '/products', [catalogueKeys.products]);
  const fid = (k: string) => `${uid}-${k}`;
  const submit = (e: FormEvent) => {
    e.preventDefault();
    setDone(null);
    const body = fields.check(CreateProductBody, v, fid);
    if (body)
      create.mutate(body, {
        onSuccess: (p) => {
          setDone(t('admin:product.created', { name: p.name }));
          setV({ code: '', name: '' });
        },
        onError: fields.fromServer,
      });
  };
  const rows = products.data ?? [];
  return (
    <Page title={t('admin:product.title')} subtitle={t('admin:product.intro')}>
      {done ? <Notice>{done}</Notice> : null}
      <form className="card form" onSubmit={submit} noValidate aria-labelledby={fid('title')}>
        <h2 id={fid('title')} className="panel__title">
          {t('admin:product.create')}
        </h2>
        <div className="form__grid">
          <Field id={fid('code')} label={t('admin:product.field.code')} hint={t('admin:common.codeHint')} error={fields.errors.code} required>
            <input id={fid('code')} className="input" value={v.code} onChange={(e) => setV({ ...v, code: e.target.value })} {...describedBy(fid('code'), { hint: true, error: fields.errors.code })} />
          </Field>
          <Field id={fid('name')} label={t('admin:product.field.name')} error={fields.errors.name} required>
            <input id={fid('name')} className="input" value={v.name} onChange={(e) => setV({ ...v, name: e.target.value })} {...describedBy(fid('name'), { error: fields.errors.name })} />
          </Field>
        </div>
        <ProblemAlert error={create.error} />
        <div className="form__actions">
          <button type="submit" className="button button--primary" disabled={create.isPending}>
            {create.isPending ? t('web:saving') : t('admin:product.submit')}
          </button>
        </div>
      </form>
      <ProblemAlert error={products.error} />
      {products.isPending ? (
        <Loading />
      ) : rows.length === 0 ? (
        <EmptyState title={t('admin:product.empty')} />
      ) : (
        rows.map((p) => (
          <section key={p.id} className="card" aria-labelledby={`${uid}-p-${p.id}`}>
            <h2 id={`${uid}-p-${p.id}`} className="panel__title">
              {p.name} <span className="muted">({p.code})</span>
            </h2>
            {renaming === p.id ? (
              <Rename
                product={p}
                onDone={(saved) => {
                  setRenaming(null);
                  if (saved) setDone(t('admin:product.saved', { name: saved.name }));
                }}
              />
            ) : (
              <button type="button" className="button button--link" onClick={() => setRenaming(p.id)} aria-label={t('admin:common.editNamed', { name: p.name })}>
                {t('admin:common.edit')}
              </button>
            )}
            <Versions product={p} />
          </section>
        ))
      )}
    </Page>
  );
}
