import { useInfiniteQuery, useMutation, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import type { QueueNextResponse, QueuePage, QueueQuery } from '../../contracts/queue.js';
import { api } from './client.js';
import { ticketKeys } from './tickets.js';

/** A queue filter (GET /queue query without the cursor). */
export type QueueFilter = Partial<Omit<z.output<typeof QueueQuery>, 'cursor'>>;
/** One queue entry: position, ticket, reasons. */
export type QueueItem = z.infer<typeof QueuePage>['items'][number];

/** Queue pages live under the ticket lists' key, so live events and ticket changes refresh them. */
export const queueKeys = { list: (filter: QueueFilter) => [...ticketKeys.lists, 'queue', filter] as const };

/** The ranked queue for a filter, page by page. */
export function useQueue(filter: QueueFilter) {
  return useInfiniteQuery({
    queryKey: queueKeys.list(filter),
    queryFn: ({ pageParam, signal }) => api<z.infer<typeof QueuePage>>('GET', '/queue', { query: { ...filter, cursor: pageParam ?? undefined }, signal }),
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.nextCursor,
  });
}

/** Takes the top unassigned ticket of my groups (the server gives each ticket to one agent only). */
export function useTakeNext() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: () => api<z.infer<typeof QueueNextResponse>>('POST', '/queue/next'),
    onSuccess: (res) => {
      if (res.item) qc.setQueryData(ticketKeys.one(res.item.ticket.number), res.item.ticket);
      void qc.invalidateQueries({ queryKey: ticketKeys.lists });
    },
  });
}
