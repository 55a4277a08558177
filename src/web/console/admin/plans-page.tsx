import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { CreatePlanBody, PlanBasis, Tier, UpdatePlanBody, VersionRule, type PlanDto } from '../../../contracts/entitlements.js';
import { Channel } from '../../../contracts/enums.js';
import { catalogueKeys, useCatalogueWrite, useCataloguePlans, useProducts } from '../../api/admin-catalogue.js';
import { describedBy, Field } from '../../components/form.js';
import { Page } from '../../components/page.js';
import { ProblemAlert } from '../../components/problem-alert.js';
import { EmptyState, Loading, Notice } from '../../components/status.js';
import { EditFormActions, useFieldErrors } from './admin-form.js';
import { toggled } from './sla-policy-draft.js';

const EMPTY = { code: '', name: '', basis: 'contract', tier: 'contract', channels: ['web', 'email'] as string[], credits: '0', supportDays: '', versionRule: 'all', productId: '' };

/** A plan's name in the language, else in any language it has. */
export function planLabel(p: PlanDto, lang: string): string {
  return p.names[lang] ?? Object.values(p.names)[0] ?? p.code;
}

/** Admin: support plans (what a licence, a contract or a premium request gives), with a form to add one. */
export function PlansPage() {
  const { t, i18n } = useTranslation();
  const uid = useId();
  const plans = useCataloguePlans();
  const products = useProducts();
  const [v, setV] = useState(EMPTY);
  const [done, setDone] = useState<string | null>(null);
  const fields = useFieldErrors();
  const [editing, setEditing] = useState<PlanDto | null>(null);
  const [active, setActive] = useState(true);
  const create = useCatalogueWrite<unknown, PlanDto>('POST', () => '/plans', [catalogueKeys.plans]);
  const change = useCatalogueWrite<{ id: string; body: unknown }, PlanDto>('PATCH', (x) => `/plans/${x.id}`, [catalogueKeys.plans], (x) => x.body);
  const edit = (p: PlanDto | null) => {
    setEditing(p);
    setDone(null);
    fields.clear();
    setActive(p?.active ?? true);
    setV(
      p
        ? { code: p.code, name: p.names[i18n.language] ?? '', basis: p.basis, tier: p.tier, channels: p.channels, credits: String(p.premiumCreditsIncluded), supportDays: p.supportDays === null ? '' : String(p.supportDays), versionRule: p.versionRule, productId: p.productId ?? '' }
        : EMPTY,
    );
    document.getElementById(fid('code'))?.focus();
  };
  const fid = (k: string) => `${uid}-${k}`;
  const set = (k: keyof typeof EMPTY) => (e: { target: { value: string } }) => setV((o) => ({ ...o, [k]: e.target.value }));
  const submit = (e: FormEvent) => {
    e.preventDefault();
    setDone(null);
    const input = {
      code: v.code,
      // Other languages' names are kept; this form edits the name in the interface language.
      names: { ...(editing?.names ?? {}), ...(v.name.trim() ? { [i18n.language]: v.name } : {}) },
      basis: v.basis,
      tier: v.tier,
      channels: v.channels,
      premiumCreditsIncluded: v.credits.trim() === '' ? 0 : Number(v.credits),
      supportDays: v.supportDays.trim() === '' ? null : Number(v.supportDays),
      versionRule: v.versionRule,
      productId: v.productId || null,
      ...(editing ? { active } : {}),
    };
    const body = fields.check(editing ? UpdatePlanBody : CreatePlanBody, input, (k) => fid(k === 'names' ? 'name' : k === 'premiumCreditsIncluded' ? 'credits' : k));
    if (!body) return;
    const ok = (p: PlanDto) => {
      setDone(t(editing ? 'admin:plan.saved' : 'admin:plan.created', { name: planLabel(p, i18n.language) }));
      setEditing(null);
      setV(EMPTY);
    };
    if (editing) change.mutate({ id: editing.id, body }, { onSuccess: ok, onError: fields.fromServer });
    else create.mutate(body, { onSuccess: ok, onError: fields.fromServer });
  };
  const err = fields.errors;
  const rows = plans.data ?? [];
  return (
    <Page title={t('admin:plan.title')} subtitle={t('admin:plan.intro')}>
      {done ? <Notice>{done}</Notice> : null}
      <form className="card form" onSubmit={submit} noValidate aria-labelledby={fid('title')}>
        <h2 id={fid('title')} className="panel__title">
          {editing ? t('admin:plan.editTitle', { name: planLabel(editing, i18n.language) }) : t('admin:plan.create')}
        </h2>
        <div className="form__grid">
          <Field id={fid('code')} label={t('admin:plan.field.code')} hint={t('admin:common.codeHint')} error={err.code} required>
            <input id={fid('code')} className="input" value={v.code} onChange={set('code')} {...describedBy(fid('code'), { hint: true, error: err.code })} />
          </Field>
          <Field id={fid('name')} label={t('admin:plan.field.name')} error={err.names} required>
            <input id={fid('name')} className="input" value={v.name} onChange={set('name')} {...describedBy(fid('name'), { error: err.names })} />
          </Field>
          <Field id={fid('basis')} label={t('admin:plan.field.basis')}>
            <select id={fid('basis')} className="input" value={v.basis} onChange={set('basis')}>
              {PlanBasis.options.map((b) => (
                <option key={b} value={b}>
                  {t(`admin:plan.basis.${b}`)}
                </option>
              ))}
            </select>
          </Field>
          <Field id={fid('tier')} label={t('admin:sla.field.tiers')} error={err.tier}>
            <select id={fid('tier')} className="input" value={v.tier} onChange={set('tier')} {...describedBy(fid('tier'), { error: err.tier })}>
              {Tier.options.map((x) => (
                <option key={x} value={x}>
                  {t(`admin:sla.tier.${x}`)}
                </option>
              ))}
            </select>
          </Field>
          <Field id={fid('credits')} label={t('admin:plan.field.credits')} error={err.premiumCreditsIncluded}>
            <input id={fid('credits')} className="input" inputMode="numeric" value={v.credits} onChange={set('credits')} {...describedBy(fid('credits'), { error: err.premiumCreditsIncluded })} />
          </Field>
          <Field id={fid('supportDays')} label={t('admin:plan.field.supportDays')} hint={t('admin:plan.hint.supportDays')} error={err.supportDays}>
            <input id={fid('supportDays')} className="input" inputMode="numeric" value={v.supportDays} onChange={set('supportDays')} {...describedBy(fid('supportDays'), { hint: true, error: err.supportDays })} />
          </Field>
          <Field id={fid('versionRule')} label={t('admin:plan.field.versionRule')}>
            <select id={fid('versionRule')} className="input" value={v.versionRule} onChange={set('versionRule')}>
              {VersionRule.options.map((r) => (
                <option key={r} value={r}>
                  {t(`admin:plan.versionRule.${r}`)}
                </option>
              ))}
            </select>
          </Field>
          <Field id={fid('productId')} label={t('admin:plan.field.product')}>
            <select id={fid('productId')} className="input" value={v.productId} onChange={set('productId')}>
              <option value="">{t('admin:plan.anyProduct')}</option>
              {(products.data ?? []).map((p) => (
                <option key={p.id} value={p.id}>
                  {p.name}
                </option>
              ))}
            </select>
          </Field>
        </div>
        <fieldset className="fieldset">
          <legend className="field__label">{t('admin:sla.field.channels')}</legend>
          {err.channels ? <div className="field__error">{err.channels}</div> : null}
          <div className="checks">
            {Channel.options.map((c) => (
              <label key={c} className="check">
                <input type="checkbox" checked={v.channels.includes(c)} onChange={(e) => setV((o) => ({ ...o, channels: toggled(o.channels, c, e.target.checked) }))} />
                {t(`common:channel.${c}`)}
              </label>
            ))}
          </div>
        </fieldset>
        {editing ? (
          <label className="check">
            <input type="checkbox" checked={active} onChange={(e) => setActive(e.target.checked)} />
            {t('admin:plan.active')}
          </label>
        ) : null}
        <ProblemAlert error={editing ? change.error : create.error} />
        <EditFormActions editing={Boolean(editing)} saving={create.isPending || change.isPending} submitLabel={t('admin:plan.submit')} onCancel={() => edit(null)} />
      </form>
      <ProblemAlert error={plans.error} />
      {plans.isPending ? (
        <Loading />
      ) : rows.length === 0 ? (
        <EmptyState title={t('admin:plan.empty')} />
      ) : (
        <table className="table">
          <caption className="visually-hidden">{t('admin:plan.title')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('admin:plan.field.name')}</th>
              <th scope="col">{t('admin:plan.field.basis')}</th>
              <th scope="col">{t('admin:sla.field.tiers')}</th>
              <th scope="col">{t('admin:sla.field.channels')}</th>
              <th scope="col">{t('admin:plan.field.credits')}</th>
              <th scope="col">
                <span className="visually-hidden">{t('admin:common.actions')}</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {rows.map((p) => (
              <tr key={p.id}>
                <td className="table__main" data-label={t('admin:plan.field.name')}>
                  {planLabel(p, i18n.language)} <span className="table__sub">{p.code}</span>
                  {!p.active ? <span className="table__sub">{t('admin:sla.inactive')}</span> : null}
                </td>
                <td data-label={t('admin:plan.field.basis')}>{t(`admin:plan.basis.${p.basis}`)}</td>
                <td data-label={t('admin:sla.field.tiers')}>{t(`admin:sla.tier.${p.tier}`)}</td>
                <td data-label={t('admin:sla.field.channels')}>{p.channels.map((c) => t(`common:channel.${c}`)).join(', ')}</td>
                <td className="table__number" data-label={t('admin:plan.field.credits')}>
                  {p.premiumCreditsIncluded}
                </td>
                <td data-label={t('admin:common.actions')}>
                  <button type="button" className="button button--link" onClick={() => edit(p)} aria-label={t('admin:common.editNamed', { name: planLabel(p, i18n.language) })}>
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
