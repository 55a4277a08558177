import { useEffect, useRef, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Navigate, useLocation } from 'react-router-dom';
import type { Role } from '../../contracts/enums.js';
import { useSession } from '../api/session.js';
import { ProblemAlert } from '../components/problem-alert.js';
import { Loading } from '../components/status.js';
import { changeLanguage } from '../i18n/i18n.js';
import { homeOf } from './paths.js';

/** Puts the interface in the signed-in person's language when a session starts. */
export function useSessionLanguage(): void {
  const { session } = useSession();
  const { i18n } = useTranslation();
  const seen = useRef<string | null>(null);
  useEffect(() => {
    const user = session?.user;
    if (!user || seen.current === user.id) return;
    seen.current = user.id;
    if (user.language !== i18n.language) void changeLanguage(user.language);
  }, [session, i18n]);
}

/** Renders children for a signed-in person with one of the roles; others go to sign-in or their own home. */
export function RequireRole({ roles, children }: { roles: Role[]; children: ReactNode }) {
  const { session, loading, error } = useSession();
  const location = useLocation();
  if (loading) return <Loading />;
  if (error) return <ProblemAlert error={error} />;
  if (!session) return <Navigate to={`/sign-in?next=${encodeURIComponent(location.pathname + location.search)}`} replace />;
  if (!roles.includes(session.user.role)) return <Navigate to={homeOf(session.user.role)} replace />;
  return <>{children}</>;
}

/** "/": the person's home, or sign-in. */
export function HomeRedirect() {
  const { session, loading } = useSession();
  if (loading) return <Loading />;
  return <Navigate to={session ? homeOf(session.user.role) : '/sign-in'} replace />;
}
