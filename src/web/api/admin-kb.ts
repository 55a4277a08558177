import { useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { ArticleDto, CategoryDto, CreateArticleBody, UpdateArticleBody } from '../../contracts/kb.js';
import { api } from './client.js';

/** Query keys of the knowledge-base editor. */
export const kbAdminKeys = {
  all: ['kb-admin'] as const,
  list: (filters: KbFilters) => ['kb-admin', 'list', filters] as const,
  one: (id: string) => ['kb-admin', 'one', id] as const,
  categories: ['kb-admin', 'categories'] as const,
};

/** Filters of the article list. */
export interface KbFilters {
  lang?: string | undefined;
  state?: string | undefined;
  title?: string | undefined;
}

/** Articles, drafts included, newest pages on demand. */
export function useKbArticles(filters: KbFilters) {
  return useInfiniteQuery({
    queryKey: kbAdminKeys.list(filters),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last: { nextCursor: string | null }) => last.nextCursor ?? undefined,
    queryFn: ({ pageParam, signal }) =>
      api<{ items: ArticleDto[]; nextCursor: string | null }>('GET', '/kb/articles', { query: { ...filters, cursor: pageParam, limit: 50 }, signal }),
  });
}

/** One article (disabled for a new one). */
export function useKbArticle(id: string | null) {
  return useQuery({
    queryKey: kbAdminKeys.one(id ?? 'new'),
    enabled: id !== null,
    queryFn: ({ signal }) => api<ArticleDto>('GET', `/kb/articles/${encodeURIComponent(id!)}`, { signal }),
  });
}

/** Categories with their names per language. */
export function useKbCategories() {
  return useQuery({
    queryKey: kbAdminKeys.categories,
    staleTime: 60_000,
    queryFn: ({ signal }) => api<{ items: CategoryDto[] }>('GET', '/kb/categories', { signal }).then((r) => r.items),
  });
}

/** Writes of the editor: create, change, publish or unpublish; each refreshes the lists and the article. */
export function useKbWrites() {
  const qc = useQueryClient();
  const done = (a: ArticleDto) => {
    qc.setQueryData(kbAdminKeys.one(a.id), a);
    void qc.invalidateQueries({ queryKey: kbAdminKeys.all });
  };
  return {
    create: useMutation({ mutationFn: (body: CreateArticleBody) => api<ArticleDto>('POST', '/kb/articles', { json: body }), onSuccess: done }),
    update: useMutation({ mutationFn: (v: { id: string; body: UpdateArticleBody }) => api<ArticleDto>('PATCH', `/kb/articles/${encodeURIComponent(v.id)}`, { json: v.body }), onSuccess: done }),
    setState: useMutation({
      mutationFn: (v: { id: string; publish: boolean }) => api<ArticleDto>('POST', `/kb/articles/${encodeURIComponent(v.id)}/${v.publish ? 'publish' : 'unpublish'}`),
      onSuccess: done,
    }),
  };
}
