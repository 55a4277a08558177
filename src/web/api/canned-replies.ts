import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import type { CannedReplyDto, CreateCannedReplyBody } from '../../contracts/canned-replies.js';
import { api } from './client.js';

/** Query keys of canned replies. */
export const cannedKeys = { all: ['canned-replies'] as const, list: (language?: string) => ['canned-replies', language ?? 'all'] as const };

/** Canned replies, of one language or all. */
export function useCannedReplies(language?: string) {
  return useQuery({
    queryKey: cannedKeys.list(language),
    queryFn: ({ signal }) => api<{ items: CannedReplyDto[] }>('GET', '/canned-replies', { query: { language }, signal }).then((r) => r.items),
  });
}

/** Writes, changes or deletes a canned reply; lists are refreshed. */
export function useSaveCannedReply() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ id, ...body }: z.infer<typeof CreateCannedReplyBody> & { id?: string }) =>
      id ? api<CannedReplyDto>('PATCH', `/canned-replies/${encodeURIComponent(id)}`, { json: body }) : api<CannedReplyDto>('POST', '/canned-replies', { json: body }),
    onSuccess: () => void qc.invalidateQueries({ queryKey: cannedKeys.all }),
  });
}

/** Deletes a canned reply. */
export function useDeleteCannedReply() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => api<null>('DELETE', `/canned-replies/${encodeURIComponent(id)}`),
    onSuccess: () => void qc.invalidateQueries({ queryKey: cannedKeys.all }),
  });
}
