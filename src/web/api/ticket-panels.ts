import { useQuery } from '@tanstack/react-query';
import type { z } from 'zod';
import type { TicketEntitlementDto } from '../../contracts/entitlements.js';
import type { ArticleLink, TicketSuggestions } from '../../contracts/kb.js';
import { api } from './client.js';
import { ticketKeys } from './tickets.js';

/** What the ticket is entitled to and why, with the requester's fair-use standing (under the ticket's key: refreshed with it). */
export function useEntitlement(ref: string) {
  return useQuery({
    queryKey: [...ticketKeys.one(ref), 'entitlement'],
    queryFn: ({ signal }) => api<z.infer<typeof TicketEntitlementDto>>('GET', `/tickets/${encodeURIComponent(ref)}/entitlement`, { signal }),
  });
}

/** Knowledge-base articles that match the ticket, and those the customer saw before filing. */
export function useSuggestedArticles(ref: string) {
  return useQuery({
    queryKey: [...ticketKeys.one(ref), 'suggested-articles'],
    queryFn: ({ signal }) => api<z.infer<typeof TicketSuggestions>>('GET', `/tickets/${encodeURIComponent(ref)}/suggested-articles`, { query: { limit: 5 }, signal }),
    staleTime: 60_000,
  });
}

/** The title and public address of an article in a language, as text to put in a reply. */
export function fetchArticleLink(articleId: string, lang: string): Promise<z.infer<typeof ArticleLink>> {
  return api<z.infer<typeof ArticleLink>>('GET', `/kb/articles/${encodeURIComponent(articleId)}/link`, { query: { lang } });
}
