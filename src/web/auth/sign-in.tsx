import { useEffect, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Navigate, useNavigate, useSearchParams } from 'react-router-dom';
import { ApiError } from '../api/client.js';
import { useSession, useSessionActions } from '../api/session.js';
import { homeOf } from '../app/paths.js';
import { AppShell } from '../components/app-shell.js';
import { describedBy, Field } from '../components/form.js';
import { Page } from '../components/page.js';
import { ProblemAlert } from '../components/problem-alert.js';

/** Only same-site paths may follow sign-in (no open redirect). */
function safeNext(next: string | null): string | null {
  return next && next.startsWith('/') && !next.startsWith('//') ? next : null;
}

/**
 * Sign-in with e-mail and password, for customers and staff alike; when the account has
 * two-factor sign-in, the server asks for the authenticator code and the form shows that field.
 */
export function SignInPage() {
  const { t } = useTranslation();
  const { session } = useSession();
  const { signIn } = useSessionActions();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [code, setCode] = useState('');
  const [needCode, setNeedCode] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const codeInput = useRef<HTMLInputElement>(null);
  const next = safeNext(params.get('next'));
  useEffect(() => {
    if (needCode) codeInput.current?.focus();
  }, [needCode]);
  if (session && !busy) return <Navigate to={next ?? homeOf(session.user.role)} replace />;

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setBusy(true);
    setError(null);
    try {
      const s = await signIn(email, password, needCode ? code : undefined);
      navigate(next ?? homeOf(s.user.role), { replace: true });
    } catch (err) {
      if (err instanceof ApiError && err.code === 'totp_required') setNeedCode(true);
      else setError(err);
      setBusy(false);
    }
  };

  return (
    <AppShell home="/">
      <Page title={t('web:signIn.title')} width="narrow" focusHeading={false} subtitle={t('web:signIn.intro')}>
        <form className="card form" onSubmit={(e) => void submit(e)} noValidate>
          <ProblemAlert error={error} />
          <Field id="email" label={t('web:signIn.email')} required>
            <input id="email" className="input" type="email" autoComplete="username" required autoFocus value={email} onChange={(e) => setEmail(e.target.value)} />
          </Field>
          <Field id="password" label={t('web:signIn.password')} required>
            <input id="password" className="input" type="password" autoComplete="current-password" required value={password} onChange={(e) => setPassword(e.target.value)} />
          </Field>
          {needCode ? (
            <Field id="totp" label={t('web:signIn.code')} hint={t('web:signIn.codeHint')} required>
              <input
                id="totp"
                ref={codeInput}
                className="input input--code"
                inputMode="numeric"
                autoComplete="one-time-code"
                pattern="[0-9 ]*"
                maxLength={12}
                required
                value={code}
                onChange={(e) => setCode(e.target.value)}
                {...describedBy('totp', { hint: true })}
              />
            </Field>
          ) : null}
          <button type="submit" className="button button--primary button--block" disabled={busy}>
            {busy ? t('web:signIn.busy') : t('web:signIn.submit')}
          </button>
        </form>
      </Page>
    </AppShell>
  );
}
