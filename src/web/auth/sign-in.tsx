import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Navigate, useNavigate, useSearchParams } from 'react-router-dom';
import { useSession, useSessionActions } from '../api/session.js';
import { homeOf } from '../app/guards.js';
import { AppShell } from '../components/app-shell.js';
import { Field } from '../components/form.js';
import { Page } from '../components/page.js';
import { ProblemAlert } from '../components/problem-alert.js';

/** Only same-site paths may follow sign-in (no open redirect). */
function safeNext(next: string | null): string | null {
  return next && next.startsWith('/') && !next.startsWith('//') ? next : null;
}

/** Sign-in with e-mail and password, for customers and staff alike. */
export function SignInPage() {
  const { t } = useTranslation();
  const { session } = useSession();
  const { signIn } = useSessionActions();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const next = safeNext(params.get('next'));
  if (session && !busy) return <Navigate to={next ?? homeOf(session.user.role)} replace />;

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setBusy(true);
    setError(null);
    try {
      const s = await signIn(email, password);
      navigate(next ?? homeOf(s.user.role), { replace: true });
    } catch (err) {
      setError(err);
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
          <button type="submit" className="button button--primary button--block" disabled={busy}>
            {busy ? t('web:signIn.busy') : t('web:signIn.submit')}
          </button>
        </form>
      </Page>
    </AppShell>
  );
}
