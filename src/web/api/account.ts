import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import type { TwoFactorStart } from '../../contracts/users.js';
import { api } from './client.js';
import { SESSION_KEY } from './session.js';

/** Starts two-factor enrolment: a secret for the authenticator app (nothing changes until confirmed). */
export function useStartTwoFactor() {
  return useMutation({ mutationFn: () => api<z.infer<typeof TwoFactorStart>>('POST', '/me/two-factor') });
}

/** Confirms enrolment with a code; sign-in asks for codes from then on. */
export function useConfirmTwoFactor() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (code: string) => api<void>('POST', '/me/two-factor/confirm', { json: { code } }),
    onSuccess: () => void qc.invalidateQueries({ queryKey: SESSION_KEY }),
  });
}

/** Turns two-factor sign-in off with a current code. */
export function useDisableTwoFactor() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (code: string) => api<void>('POST', '/me/two-factor/disable', { json: { code } }),
    onSuccess: () => void qc.invalidateQueries({ queryKey: SESSION_KEY }),
  });
}
