import { useInfiniteQuery, useMutation, useQuery, useQueryClient, type QueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import type { HistoryDto, ListTicketsQuery, MessageDto, TicketDto, TicketPage, UpdateTicketBody } from '../../contracts/tickets.js';
import { api, apiUpload } from './client.js';

/** Query keys of tickets. Lists live under ['tickets', ...]; one ticket and its parts under ['ticket', ref, ...]. */
export const ticketKeys = {
  lists: ['tickets'] as const,
  list: (filter: TicketFilter) => ['tickets', filter] as const,
  one: (ref: string) => ['ticket', ref] as const,
  messages: (ref: string) => ['ticket', ref, 'messages'] as const,
  history: (ref: string) => ['ticket', ref, 'history'] as const,
};

/** List filters (GET /tickets query without the cursor). */
export type TicketFilter = Partial<Omit<z.output<typeof ListTicketsQuery>, 'cursor'>>;

/** Pages of tickets for a filter; `fetchNextPage` follows the cursor. */
export function useTicketList(filter: TicketFilter) {
  return useInfiniteQuery({
    queryKey: ticketKeys.list(filter),
    queryFn: ({ pageParam, signal }) => api<z.infer<typeof TicketPage>>('GET', '/tickets', { query: { ...filter, cursor: pageParam }, signal }),
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.nextCursor,
  });
}

/** One ticket, by id or number. */
export function useTicket(ref: string) {
  return useQuery({ queryKey: ticketKeys.one(ref), queryFn: ({ signal }) => api<TicketDto>('GET', `/tickets/${encodeURIComponent(ref)}`, { signal }) });
}

/** A ticket's thread (internal notes included for staff). */
export function useMessages(ref: string) {
  return useQuery({
    queryKey: ticketKeys.messages(ref),
    queryFn: ({ signal }) => api<{ items: MessageDto[] }>('GET', `/tickets/${encodeURIComponent(ref)}/messages`, { signal }).then((r) => r.items),
  });
}

/** A ticket's history. */
export function useHistory(ref: string, enabled = true) {
  return useQuery({
    queryKey: ticketKeys.history(ref),
    enabled,
    queryFn: ({ signal }) => api<{ items: HistoryDto[] }>('GET', `/tickets/${encodeURIComponent(ref)}/history`, { signal }).then((r) => r.items),
  });
}

/** Builds a multipart body: text fields, then files under "files". */
function formOf(fields: Record<string, string | undefined>, files: File[]): FormData {
  const form = new FormData();
  for (const [k, v] of Object.entries(fields)) if (v !== undefined) form.append(k, v);
  for (const f of files) form.append('files', f, f.name);
  return form;
}

/** A new request (customers) with its files. */
export interface NewTicket {
  subject: string;
  body: string;
  language?: string;
  files: File[];
  onProgress?: (share: number) => void;
}

/** Files a request; lists are refreshed. */
export function useCreateTicket() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ files, onProgress, ...fields }: NewTicket) => apiUpload<TicketDto>('POST', '/tickets', formOf(fields, files), onProgress),
    onSuccess: (ticket) => {
      qc.setQueryData(ticketKeys.one(ticket.number), ticket);
      void qc.invalidateQueries({ queryKey: ticketKeys.lists });
    },
  });
}

/** A message to add to a thread. */
export interface NewMessage {
  body: string;
  /** Staff only: an internal note. */
  internal?: boolean;
  files: File[];
  onProgress?: (share: number) => void;
}

/** Adds a reply, a customer message or an internal note to the ticket `ref`. */
export function useAddMessage(ref: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ files, onProgress, body, internal }: NewMessage) =>
      apiUpload<{ id: string; ticket: TicketDto }>('POST', `/tickets/${encodeURIComponent(ref)}/messages`, formOf({ body, internal: internal ? 'true' : undefined }, files), onProgress),
    onSuccess: (res) => refreshTicket(qc, ref, res.ticket),
  });
}

/** Changes state (with a pending reason), priority or assignee of the ticket `ref`. */
export function useUpdateTicket(ref: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (patch: UpdateTicketBody) => api<TicketDto>('PATCH', `/tickets/${encodeURIComponent(ref)}`, { json: patch }),
    onSuccess: (ticket) => refreshTicket(qc, ref, ticket),
  });
}

/** Puts a fresh ticket in the cache and refetches its thread, its history and every list. */
export function refreshTicket(qc: QueryClient, ref: string, ticket: TicketDto): void {
  qc.setQueryData(ticketKeys.one(ref), ticket);
  void qc.invalidateQueries({ queryKey: ticketKeys.one(ref), predicate: (q) => q.queryKey.length > 2 });
  void qc.invalidateQueries({ queryKey: ticketKeys.lists });
}

/** Refetches whatever is cached about the ticket with this id (used by live events). */
export function invalidateTicketById(qc: QueryClient, ticketId: string): void {
  void qc.invalidateQueries({ queryKey: ticketKeys.lists });
  for (const q of qc.getQueryCache().findAll({ queryKey: ['ticket'] })) {
    const data = q.state.data as TicketDto | undefined;
    if (q.queryKey.length === 2 && data?.id === ticketId) void qc.invalidateQueries({ queryKey: q.queryKey });
  }
}
