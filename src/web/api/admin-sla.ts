import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { PlanDto } from '../../contracts/entitlements.js';
import type { SlaPolicyBody, SlaPolicyDto } from '../../contracts/sla.js';
import { api } from './client.js';

/** Query keys of SLA policies (admin). */
export const slaPolicyKeys = {
  all: ['sla-policies'] as const,
  one: (id: string) => ['sla-policies', id] as const,
};

/** Every policy, in evaluation order. */
export function useSlaPolicies() {
  return useQuery({
    queryKey: slaPolicyKeys.all,
    queryFn: ({ signal }) => api<{ items: SlaPolicyDto[] }>('GET', '/sla-policies', { signal }).then((r) => r.items),
  });
}

/** One policy (disabled for a new one). */
export function useSlaPolicy(id: string | null) {
  return useQuery({
    queryKey: slaPolicyKeys.one(id ?? 'new'),
    enabled: id !== null,
    queryFn: ({ signal }) => api<SlaPolicyDto>('GET', `/sla-policies/${encodeURIComponent(id!)}`, { signal }),
  });
}

/** Creates (no id) or replaces a policy. */
export function useSaveSlaPolicy(id: string | null) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: SlaPolicyBody) => (id ? api<SlaPolicyDto>('PUT', `/sla-policies/${encodeURIComponent(id)}`, { json: body }) : api<SlaPolicyDto>('POST', '/sla-policies', { json: body })),
    onSuccess: () => void qc.invalidateQueries({ queryKey: slaPolicyKeys.all }),
  });
}

/** Deletes a policy. */
export function useDeleteSlaPolicy() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => api<void>('DELETE', `/sla-policies/${encodeURIComponent(id)}`),
    onSuccess: () => void qc.invalidateQueries({ queryKey: slaPolicyKeys.all }),
  });
}

/** Every plan (for the plan conditions of policies). */
export function usePlans() {
  return useQuery({
    queryKey: ['plans'],
    queryFn: ({ signal }) => api<{ items: PlanDto[] }>('GET', '/plans', { signal }).then((r) => r.items),
  });
}
