import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useConfirmTwoFactor, useDisableTwoFactor, useStartTwoFactor } from '../api/account.js';
import { useUser } from '../api/session.js';
import { describedBy, Field } from '../components/form.js';
import { ProblemAlert } from '../components/problem-alert.js';
import { Notice } from '../components/status.js';

/** The secret in groups of four, easier to type into an app. */
const grouped = (secret: string) => secret.match(/.{1,4}/g)?.join(' ') ?? secret;

function CodeField({ id, value, onChange }: { id: string; value: string; onChange: (v: string) => void }) {
  const { t } = useTranslation();
  return (
    <Field id={id} label={t('web:account.code')} hint={t('web:account.codeHint')} required>
      <input
        id={id}
        className="input input--code"
        inputMode="numeric"
        autoComplete="one-time-code"
        maxLength={12}
        value={value}
        onChange={(e) => onChange(e.target.value)}
        {...describedBy(id, { hint: true })}
      />
    </Field>
  );
}

/** Two-factor sign-in: turn it on with an authenticator app (secret shown once), or off with a code. */
export function TwoFactorPanel() {
  const { t } = useTranslation();
  const user = useUser();
  const id = useId();
  const start = useStartTwoFactor();
  const confirm = useConfirmTwoFactor();
  const disable = useDisableTwoFactor();
  const [code, setCode] = useState('');
  const [done, setDone] = useState<'on' | 'off' | null>(null);

  const onConfirm = (e: FormEvent) => {
    e.preventDefault();
    confirm.mutate(code.replace(/\s+/g, ''), { onSuccess: () => (setDone('on'), setCode(''), start.reset()) });
  };
  const onDisable = (e: FormEvent) => {
    e.preventDefault();
    disable.mutate(code.replace(/\s+/g, ''), { onSuccess: () => (setDone('off'), setCode('')) });
  };

  return (
    <section className="panel" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`} className="panel__title">
        {t('web:account.twoFactor')}
      </h2>
      {done ? <Notice>{done === 'on' ? t('web:account.nowOn') : t('web:account.nowOff')}</Notice> : null}
      <p>
        <span className={`badge ${user.twoFactor ? 'badge--open' : 'badge--closed'}`}>{user.twoFactor ? t('web:account.on') : t('web:account.off')}</span>{' '}
        <span className="hint">{t('web:account.twoFactorHint')}</span>
      </p>
      {user.twoFactor ? (
        <form className="form form--compact" onSubmit={onDisable}>
          <CodeField id={`${id}-off`} value={code} onChange={setCode} />
          <ProblemAlert error={disable.error} />
          <button type="submit" className="button button--secondary" disabled={disable.isPending}>
            {t('web:account.turnOff')}
          </button>
        </form>
      ) : start.data ? (
        <form className="form form--compact" onSubmit={onConfirm}>
          <p>{t('web:account.enrolSteps')}</p>
          <p className="secret" aria-label={t('web:account.secret')}>
            <code>{grouped(start.data.secret)}</code>
          </p>
          <p>
            <a href={start.data.otpauthUri}>{t('web:account.openApp')}</a>
          </p>
          <CodeField id={`${id}-on`} value={code} onChange={setCode} />
          <ProblemAlert error={confirm.error} />
          <button type="submit" className="button button--primary" disabled={confirm.isPending}>
            {t('web:account.confirm')}
          </button>
        </form>
      ) : (
        <>
          <ProblemAlert error={start.error} />
          <button type="button" className="button button--primary" onClick={() => (setDone(null), start.mutate())} disabled={start.isPending}>
            {t('web:account.turnOn')}
          </button>
        </>
      )}
    </section>
  );
}
