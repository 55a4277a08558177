import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { ProductDto } from '../../contracts/entitlements.js';
import type { ReopenContextDto, RequestFormDto, StandardRequestObject, TicketDto } from '../../contracts/tickets.js';
import { api, apiUpload } from './client.js';
import { refreshTicket, ticketKeys } from './tickets.js';

/** Query keys of intake: products and their forms; a ticket's reopen context lives under the ticket. */
export const intakeKeys = {
  products: ['products'] as const,
  form: (productId: string) => ['products', productId, 'request-form'] as const,
  reopenContext: (ref: string) => ['ticket', ref, 'reopen-context'] as const,
};

/** Every product with its versions (for the request form). */
export function useProducts() {
  return useQuery({
    queryKey: intakeKeys.products,
    queryFn: ({ signal }) => api<{ items: ProductDto[] }>('GET', '/products', { signal }).then((r) => r.items),
  });
}

/** A product's request form (fields, types, required flags); disabled without a product. */
export function useRequestForm(productId: string | null) {
  return useQuery({
    queryKey: intakeKeys.form(productId ?? ''),
    enabled: Boolean(productId),
    queryFn: ({ signal }) => api<RequestFormDto>('GET', `/products/${encodeURIComponent(productId!)}/request-form`, { signal }),
  });
}

/** A new standard request with its files. */
export interface NewStandardRequest {
  subject: string;
  body: string;
  language?: string;
  request?: StandardRequestObject;
  files: File[];
  onProgress?: (share: number) => void;
}

/** Files a request with its structured part (multipart: the request as JSON text); lists are refreshed. */
export function useCreateStandardRequest() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ files, onProgress, request, subject, body, language }: NewStandardRequest) => {
      const form = new FormData();
      form.append('subject', subject);
      form.append('body', body);
      if (language) form.append('language', language);
      if (request) form.append('request', JSON.stringify(request));
      for (const f of files) form.append('files', f, f.name);
      return apiUpload<TicketDto>('POST', '/tickets', form, onProgress);
    },
    onSuccess: (ticket) => {
      qc.setQueryData(ticketKeys.one(ticket.number), ticket);
      void qc.invalidateQueries({ queryKey: ticketKeys.lists });
    },
  });
}

/** "Not satisfied": reopens the solved ticket `ref` with a comment. */
export function useReopenNotSatisfied(ref: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (comment: string) => api<TicketDto>('POST', `/tickets/${encodeURIComponent(ref)}/reopen`, { json: { comment } }),
    onSuccess: (ticket) => refreshTicket(qc, ref, ticket),
  });
}

/** Completes or corrects the structured request of the ticket `ref`. */
export function useCompleteRequest(ref: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (patch: StandardRequestObject) => api<TicketDto>('PATCH', `/tickets/${encodeURIComponent(ref)}/request`, { json: patch }),
    onSuccess: (ticket) => refreshTicket(qc, ref, ticket),
  });
}

/** The question, last answer and comment of the latest "not satisfied" reopen (404 when none). */
export function useReopenContext(ref: string, enabled = true) {
  return useQuery({
    queryKey: intakeKeys.reopenContext(ref),
    enabled,
    retry: false,
    queryFn: ({ signal }) => api<ReopenContextDto>('GET', `/tickets/${encodeURIComponent(ref)}/reopen-context`, { signal }),
  });
}
