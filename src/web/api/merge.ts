import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { TicketDto } from '../../contracts/tickets.js';
import { api } from './client.js';
import { ticketKeys } from './tickets.js';

/** Merges the ticket `ref` into another one; answers the target. Every ticket query is refreshed. */
export function useMergeTicket(ref: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (intoTicketId: string) => api<TicketDto>('POST', `/tickets/${encodeURIComponent(ref)}/merge`, { json: { intoTicketId } }),
    onSuccess: (target) => {
      qc.setQueryData(ticketKeys.one(target.number), target);
      void qc.invalidateQueries({ queryKey: ['ticket'] });
      void qc.invalidateQueries({ queryKey: ticketKeys.lists });
    },
  });
}
