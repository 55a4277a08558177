import { useId, useMemo, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Language, Role } from '../../../contracts/enums.js';
import { CreateUserBody, type UserDto } from '../../../contracts/users.js';
import { ApiError } from '../../api/client.js';
import { useCreateUser } from '../../api/users.js';
import { describedBy, Field, zodFieldErrors, type FieldErrors } from '../../components/form.js';
import { ProblemAlert } from '../../components/problem-alert.js';

const EMPTY = { email: '', name: '', role: 'customer' as Role, organization: '', language: '' as Language | '', timeZone: '', password: '' };

/** Admin form to create a user (POST /api/v1/users), checked with the API's schema before sending. */
export function UserForm({ onCreated, onSubmit }: { onCreated: (user: UserDto) => void; onSubmit?: () => void }) {
  const { t } = useTranslation();
  const id = useId();
  const create = useCreateUser();
  const [v, setV] = useState(EMPTY);
  const [errors, setErrors] = useState<FieldErrors>({});
  const zones = useMemo(() => Intl.supportedValuesOf('timeZone'), []);
  const set = (k: keyof typeof EMPTY) => (e: { target: { value: string } }) => setV((old) => ({ ...old, [k]: e.target.value }));
  const fid = (k: string) => `${id}-${k}`;

  const submit = (e: FormEvent) => {
    e.preventDefault();
    onSubmit?.();
    const input = Object.fromEntries(Object.entries(v).filter(([, x]) => x !== ''));
    const checked = CreateUserBody.safeParse(input);
    if (!checked.success) {
      const found = zodFieldErrors(checked.error, t);
      setErrors(found);
      document.getElementById(fid(Object.keys(found)[0] ?? 'email'))?.focus();
      return;
    }
    setErrors({});
    create.mutate(checked.data, {
      onSuccess: (user) => {
        setV(EMPTY);
        onCreated(user);
      },
      onError: (err) => err instanceof ApiError && setErrors(Object.fromEntries(Object.keys(err.fields).map((f) => [f, t('web:validation.invalid')]))),
    });
  };

  const text = (k: 'email' | 'name' | 'organization' | 'password', type = 'text', hint = false) => (
    <Field id={fid(k)} label={t(`console:users.field.${k}`)} hint={hint ? t(`console:users.hint.${k}`) : undefined} error={errors[k]} required={k === 'email'}>
      <input id={fid(k)} className="input" type={type} value={v[k]} onChange={set(k)} autoComplete={k === 'password' ? 'new-password' : 'off'} {...describedBy(fid(k), { hint, error: errors[k] })} />
    </Field>
  );

  return (
    <form className="card form" onSubmit={submit} noValidate aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`} className="panel__title">
        {t('console:users.create')}
      </h2>
      <div className="form__grid">
        {text('email', 'email')}
        {text('name')}
        <Field id={fid('role')} label={t('console:users.field.role')} required>
          <select id={fid('role')} className="input" value={v.role} onChange={set('role')}>
            {Role.options.map((r) => (
              <option key={r} value={r}>
                {t(`common:role.${r}`)}
              </option>
            ))}
          </select>
        </Field>
        {text('organization', 'text', true)}
        <Field id={fid('language')} label={t('console:users.field.language')}>
          <select id={fid('language')} className="input" value={v.language} onChange={set('language')}>
            <option value="">{t('console:users.defaultLanguage')}</option>
            {Language.options.map((l) => (
              <option key={l} value={l}>
                {t(`web:languageName.${l}`)}
              </option>
            ))}
          </select>
        </Field>
        <Field id={fid('timeZone')} label={t('console:users.field.timeZone')} hint={t('console:users.hint.timeZone')} error={errors.timeZone}>
          <input id={fid('timeZone')} className="input" list={`${id}-zones`} value={v.timeZone} onChange={set('timeZone')} {...describedBy(fid('timeZone'), { hint: true, error: errors.timeZone })} />
          <datalist id={`${id}-zones`}>
            {zones.map((z) => (
              <option key={z} value={z} />
            ))}
          </datalist>
        </Field>
        {text('password', 'password', true)}
      </div>
      <ProblemAlert error={create.error} />
      <div className="form__actions">
        <button type="submit" className="button button--primary" disabled={create.isPending}>
          {create.isPending ? t('web:saving') : t('console:users.submit')}
        </button>
      </div>
    </form>
  );
}
