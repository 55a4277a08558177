import { useQuery, useQueryClient, type QueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import type { LoginResponse, MeResponse, UpdateProfileBody, UserDto } from '../../contracts/users.js';
import { api, ApiError, setCsrfToken } from './client.js';

/** The signed-in person, with the CSRF token of their session. */
export type Session = z.infer<typeof MeResponse>;

/** Query key of the session. */
export const SESSION_KEY = ['session'] as const;

/** GET /me; null when nobody is signed in. */
export async function fetchSession(): Promise<Session | null> {
  try {
    const me = await api<Session>('GET', '/me');
    setCsrfToken(me.csrfToken);
    return me;
  } catch (e) {
    if (e instanceof ApiError && e.status === 401) {
      setCsrfToken(null);
      return null;
    }
    throw e;
  }
}

/** The session (loaded once, then kept; sign-in, sign-out and 401 answers update it). */
export function useSession(): { session: Session | null; loading: boolean; error: unknown } {
  const q = useQuery({ queryKey: SESSION_KEY, queryFn: fetchSession, staleTime: Infinity, retry: false });
  return { session: q.data ?? null, loading: q.isPending, error: q.error };
}

/** The signed-in user; only for screens behind the sign-in guard. */
export function useUser(): UserDto {
  const { session } = useSession();
  if (!session) throw new Error('useUser() outside a signed-in screen');
  return session.user;
}

/** Signs in with e-mail, password and, when two-factor sign-in is on, the authenticator code. */
export async function signIn(queryClient: QueryClient, email: string, password: string, totpCode?: string): Promise<Session> {
  const res = await api<z.infer<typeof LoginResponse>>('POST', '/auth/login', { json: { email, password, ...(totpCode ? { totpCode } : {}) } });
  setCsrfToken(res.csrfToken);
  const session: Session = { user: res.user, csrfToken: res.csrfToken };
  queryClient.setQueryData(SESSION_KEY, session);
  return session;
}

/** Signs out and forgets every cached answer of the previous user. */
export async function signOut(queryClient: QueryClient): Promise<void> {
  try {
    await api('POST', '/auth/logout');
  } finally {
    setCsrfToken(null);
    queryClient.clear();
    queryClient.setQueryData(SESSION_KEY, null);
  }
}

/** Changes the signed-in user's language or time zone and updates the cached session. */
export async function updateProfile(queryClient: QueryClient, patch: UpdateProfileBody): Promise<UserDto> {
  const user = await api<UserDto>('PATCH', '/me', { json: patch });
  queryClient.setQueryData<Session | null>(SESSION_KEY, (old) => (old ? { ...old, user } : old));
  return user;
}

/** Hook form of the session's query client, for components that sign in or out. */
export function useSessionActions() {
  const qc = useQueryClient();
  return {
    signIn: (email: string, password: string, totpCode?: string) => signIn(qc, email, password, totpCode),
    signOut: () => signOut(qc),
    updateProfile: (patch: UpdateProfileBody) => updateProfile(qc, patch),
  };
}
