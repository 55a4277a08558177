import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router-dom';
import { Tier } from '../../../contracts/entitlements.js';
import { Channel, Priority } from '../../../contracts/enums.js';
import { SlaPolicyBody, type SlaPolicyDto } from '../../../contracts/sla.js';
import { useCalendars } from '../../api/admin-calendars.js';
import { useDeleteSlaPolicy, usePlans, useSaveSlaPolicy, useSlaPolicy } from '../../api/admin-sla.js';
import { ApiError } from '../../api/client.js';
import { describedBy, Field, zodFieldErrors, type FieldErrors } from '../../components/form.js';
import { Page } from '../../components/page.js';
import { ProblemAlert } from '../../components/problem-alert.js';
import { Loading, Notice } from '../../components/status.js';
import { emptyPolicy, policyBodyOf, policyDraftOf, TARGET_KINDS, TARGET_NAMES, toggled, type PolicyDraft, type TargetDraft, type TargetName } from './sla-policy-draft.js';

/** Admin: edit (or create) an SLA policy: when it applies, its targets, its calendar and when agents are warned. */
export function SlaPolicyEditPage() {
  const { id: param } = useParams();
  const id = param && param !== 'new' ? param : null;
  const stored = useSlaPolicy(id);
  if (id && stored.isPending) return <Loading />;
  if (id && stored.error) return <ProblemAlert error={stored.error} />;
  return <PolicyEditor key={id ?? 'new'} id={id} stored={stored.data ?? null} />;
}

/** A plan's name in the language, else in any language it has. */
function planName(names: Record<string, string> | undefined, lang: string): string | undefined {
  return names ? (names[lang] ?? Object.values(names)[0]) : undefined;
}

function Checks<T extends string>(props: { legend: string; hint?: string; options: readonly T[]; value: T[]; label: (v: T) => string; onChange: (v: T[]) => void }) {
  return (
    <fieldset className="fieldset">
      <legend className="field__label">{props.legend}</legend>
      {props.hint ? <p className="hint">{props.hint}</p> : null}
      <div className="checks">
        {props.options.map((o) => (
          <label key={o} className="check">
            <input type="checkbox" checked={props.value.includes(o)} onChange={(e) => props.onChange(toggled(props.value, o, e.target.checked))} />
            {props.label(o)}
          </label>
        ))}
      </div>
    </fieldset>
  );
}

function TargetFields({ name, value, onChange, error, idBase }: { name: TargetName; value: TargetDraft; onChange: (v: TargetDraft) => void; error?: string | undefined; idBase: string }) {
  const { t } = useTranslation();
  const kindId = `${idBase}-${name}-kind`;
  const amountId = `${idBase}-${name}-amount`;
  const errorId = `${idBase}-${name}-error`;
  const aria = { 'aria-describedby': `${amountId}-hint${error ? ` ${errorId}` : ''}`, ...(error ? { 'aria-invalid': true as const } : {}) };
  return (
    <fieldset className="fieldset target">
      <legend className="field__label">{t(`admin:sla.field.${name}`)}</legend>
      <div className="form__grid">
        <Field id={kindId} label={t('admin:sla.target.kind')}>
          <select id={kindId} className="input" value={value.kind} {...(error ? { 'aria-describedby': errorId, 'aria-invalid': true as const } : {})} onChange={(e) => onChange({ ...value, kind: e.target.value as TargetDraft['kind'] })}>
            {TARGET_KINDS.map((k) => (
              <option key={k} value={k}>
                {t(`admin:sla.target.${k}`)}
              </option>
            ))}
          </select>
        </Field>
        {value.kind === 'business_minutes' || value.kind === 'business_day_hours' ? (
          <Field id={amountId} label={t('admin:sla.target.hours')} hint={t(`admin:sla.target.hint.${value.kind}`)} required>
            <input id={amountId} className="input" inputMode="decimal" value={value.hours} onChange={(e) => onChange({ ...value, hours: e.target.value })} {...aria} />
          </Field>
        ) : value.kind === 'same_business_day' ? (
          <Field id={amountId} label={t('admin:sla.target.before')} hint={t('admin:sla.target.hint.same_business_day')} required>
            <input id={amountId} className="input" type="time" value={value.before} onChange={(e) => onChange({ ...value, before: e.target.value })} {...aria} />
          </Field>
        ) : null}
      </div>
      {error ? (
        <div id={errorId} className="field__error">
          {error}
        </div>
      ) : null}
    </fieldset>
  );
}

function PolicyEditor({ id, stored }: { id: string | null; stored: SlaPolicyDto | null }) {
  const { t, i18n } = useTranslation();
  const navigate = useNavigate();
  const uid = useId();
  const [draft, setDraft] = useState<PolicyDraft>(() => (stored ? policyDraftOf(stored) : emptyPolicy()));
  const [errors, setErrors] = useState<FieldErrors>({});
  const [saved, setSaved] = useState(false);
  const save = useSaveSlaPolicy(id);
  const remove = useDeleteSlaPolicy();
  const calendars = useCalendars();
  const plans = usePlans();
  const fid = (k: string) => `${uid}-${k}`;
  const update = (patch: Partial<PolicyDraft>) => {
    setSaved(false);
    setDraft((d) => ({ ...d, ...patch }));
  };

  const submit = (e: FormEvent) => {
    e.preventDefault();
    const checked = SlaPolicyBody.safeParse(policyBodyOf(draft));
    if (!checked.success) {
      const found = zodFieldErrors(checked.error, t);
      setErrors(found);
      document.getElementById(fid(Object.keys(found)[0] ?? 'name'))?.focus();
      return;
    }
    setErrors({});
    save.mutate(checked.data, {
      onSuccess: (p) => {
        setSaved(true);
        if (!id) navigate(`/console/admin/sla-policies/${p.id}`, { replace: true });
      },
      onError: (err) => err instanceof ApiError && setErrors(Object.fromEntries(Object.keys(err.fields).map((f) => [f, t('web:validation.invalid')]))),
    });
  };
  const onDelete = () => {
    if (!id || !window.confirm(t('admin:sla.confirmDelete', { name: stored?.name ?? '' }))) return;
    remove.mutate(id, { onSuccess: () => navigate('/console/admin/sla-policies') });
  };

  const title = id ? t('admin:sla.editTitle', { name: stored?.name ?? '' }) : t('admin:sla.newTitle');
  const planOptions = [...new Set([...(plans.data ?? []).map((p) => p.code), ...draft.planCodes])];
  return (
    <Page
      title={title}
      subtitle={t('admin:sla.editIntro')}
      actions={
        <Link to="/console/admin/sla-policies" className="button button--secondary">
          {t('admin:sla.backToList')}
        </Link>
      }
    >
      <form className="card form" onSubmit={submit} noValidate aria-label={title}>
        <div className="form__grid">
          <Field id={fid('name')} label={t('admin:sla.field.name')} error={errors.name} required>
            <input id={fid('name')} className="input" value={draft.name} onChange={(e) => update({ name: e.target.value })} {...describedBy(fid('name'), { error: errors.name })} />
          </Field>
          <Field id={fid('position')} label={t('admin:sla.field.position')} hint={t('admin:sla.hint.position')} error={errors.position}>
            <input id={fid('position')} className="input" inputMode="numeric" value={draft.position} onChange={(e) => update({ position: e.target.value })} {...describedBy(fid('position'), { hint: true, error: errors.position })} />
          </Field>
        </div>
        <div className="checks">
          <label className="check">
            <input type="checkbox" checked={draft.active} onChange={(e) => update({ active: e.target.checked })} />
            {t('admin:sla.field.active')}
          </label>
          <label className="check">
            <input type="checkbox" checked={draft.isDefault} onChange={(e) => update({ isDefault: e.target.checked })} />
            {t('admin:sla.field.isDefault')}
          </label>
        </div>

        <h2 className="panel__title">{t('admin:sla.appliesTo')}</h2>
        <p className="hint">{t('admin:sla.hint.conditions')}</p>
        {errors.conditions ? <div className="field__error">{errors.conditions}</div> : null}
        <Checks legend={t('admin:sla.field.priorities')} options={Priority.options} value={draft.priorities} label={(p) => t(`common:priority.${p}`)} onChange={(priorities) => update({ priorities })} />
        <Checks legend={t('admin:sla.field.tiers')} hint={t('admin:sla.hint.tiers')} options={Tier.options} value={draft.tiers} label={(x) => t(`admin:sla.tier.${x}`)} onChange={(tiers) => update({ tiers })} />
        {planOptions.length > 0 ? <Checks legend={t('admin:sla.field.plans')} options={planOptions} value={draft.planCodes} label={(c) => planName(plans.data?.find((p) => p.code === c)?.names, i18n.language) ?? c} onChange={(planCodes) => update({ planCodes })} /> : null}
        <Checks legend={t('admin:sla.field.channels')} options={Channel.options} value={draft.channels} label={(c) => t(`common:channel.${c}`)} onChange={(channels) => update({ channels })} />
        <Field id={fid('premium')} label={t('admin:sla.field.premium')}>
          <select id={fid('premium')} className="input" value={draft.premium} onChange={(e) => update({ premium: e.target.value as PolicyDraft['premium'] })}>
            <option value="any">{t('admin:sla.premium.any')}</option>
            <option value="yes">{t('admin:sla.premium.yes')}</option>
            <option value="no">{t('admin:sla.premium.no')}</option>
          </select>
        </Field>

        <h2 className="panel__title">{t('admin:sla.targets')}</h2>
        {TARGET_NAMES.map((n) => (
          <TargetFields key={n} name={n} idBase={uid} value={draft.targets[n]} error={errors[n]} onChange={(v) => update({ targets: { ...draft.targets, [n]: v } })} />
        ))}

        <h2 className="panel__title">{t('admin:sla.clockTitle')}</h2>
        <div className="form__grid">
          <Field id={fid('calendar')} label={t('admin:sla.field.calendar')} hint={t('admin:sla.hint.calendar')} error={errors.calendarId}>
            <select id={fid('calendar')} className="input" value={draft.calendarId} onChange={(e) => update({ calendarId: e.target.value })} {...describedBy(fid('calendar'), { hint: true, error: errors.calendarId })}>
              <option value="">{t('admin:sla.teamCalendar')}</option>
              {(calendars.data ?? []).map((c) => (
                <option key={c.id} value={c.id}>
                  {c.name}
                </option>
              ))}
            </select>
          </Field>
          <Field id={fid('warningShare')} label={t('admin:sla.field.warningShare')} hint={t('admin:sla.hint.warningShare')} error={errors.warningShare}>
            <input id={fid('warningShare')} className="input" inputMode="numeric" value={draft.warningPercent} onChange={(e) => update({ warningPercent: e.target.value })} {...describedBy(fid('warningShare'), { hint: true, error: errors.warningShare })} />
          </Field>
        </div>
        <label className="check">
          <input type="checkbox" checked={draft.notifyAnytime} onChange={(e) => update({ notifyAnytime: e.target.checked })} />
          {t('admin:sla.field.notifyAnytime')}
        </label>

        <ProblemAlert error={save.error ?? remove.error} />
        {saved ? <Notice>{t('admin:sla.saved')}</Notice> : null}
        <div className="form__actions">
          {id ? (
            <button type="button" className="button button--secondary" onClick={onDelete} disabled={remove.isPending}>
              {t('admin:sla.delete')}
            </button>
          ) : null}
          <button type="submit" className="button button--primary" disabled={save.isPending}>
            {save.isPending ? t('web:saving') : t('admin:sla.save')}
          </button>
        </div>
      </form>
    </Page>
  );
}
