import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  AnswerWithArticleBody,
  ArticleDto,
  ArticleLink,
  ArticleLinkQuery,
  ArticlePage,
  ArticleParams,
  CategoryDto,
  CreateArticleBody,
  CreateCategoryBody,
  DeflectionReport,
  DeflectionReportQuery,
  ListArticlesQuery,
  SessionOpenedBody,
  SuggestQuery,
  SuggestResponse,
  TicketSuggestions,
  UpdateArticleBody,
  UpdateCategoryBody,
} from '../../../../contracts/kb.js';
import { TicketDto, TicketRefParams } from '../../../../contracts/tickets.js';
import { notFound } from '../../../errors/app-error.js';
import type { ServiceDeps } from '../../../services/deps.js';
import { answerWithArticle } from '../../../services/kb/answer-with-article.js';
import { addArticleFiles, deleteArticle, deleteArticleFile } from '../../../services/kb/article-files.js';
import { articleLink } from '../../../services/kb/article-link.js';
import { createCategory, deleteCategory, listCategories, updateCategory } from '../../../services/kb/categories.js';
import { deflectionReport } from '../../../services/kb/deflection-report.js';
import { listArticles } from '../../../services/kb/list-articles.js';
import { presentArticle } from '../../../services/kb/present-article.js';
import { createArticle, setArticleState, updateArticle } from '../../../services/kb/save-article.js';
import { requireStaff } from '../../../services/kb/staff.js';
import { recordArticleOpened, suggestArticles } from '../../../services/kb/suggest-articles.js';
import { ticketSuggestions } from '../../../services/kb/ticket-suggestions.js';
import { findArticle } from '../../../repositories/kb.repository.js';
import { presentTicket } from '../../../services/tickets/present-ticket.js';
import { readMultipartUploads } from '../../plugins/multipart-uploads.js';
import { defaultChannel, requestLanguage, requireActor } from '../../plugins/request-context.js';
import { problems } from '../problems.js';

/** Knowledge base: suggestions, sessions, articles, categories, reports, and the ticket side. */
export function kbRoutes(deps: ServiceDeps): FastifyPluginAsyncZod {
  return async (app) => {
    const uploads = readMultipartUploads(deps.config.attachmentMaxBytes);

    app.get('/kb/suggest', {
      config: { rateLimit: { max: 600, timeWindow: '1 minute' } },
      schema: {
        tags: ['kb'],
        summary: 'Articles answering a question, as it is typed (no sign-in needed)',
        description: 'Fast enough to call on each pause in typing. Any text gets an answer, maybe empty. Pass sessionId back while the same question is typed.',
        security: [],
        querystring: SuggestQuery,
        response: { 200: SuggestResponse, ...problems(400, 429) },
      },
      handler: async (request) =>
        suggestArticles(deps, { actor: request.actor, q: request.query.q, lang: request.query.lang, fallbackLang: requestLanguage(request), limit: request.query.limit, sessionId: request.query.session }),
    });

    app.post('/kb/sessions/:id/opened', {
      config: { rateLimit: { max: 600, timeWindow: '1 minute' } },
      schema: { tags: ['kb'], summary: 'The reader opened a suggested article', security: [], params: ArticleParams, body: SessionOpenedBody, response: { 204: z.null(), ...problems(400, 404) } },
      handler: async (request, reply) => {
        if (!(await recordArticleOpened(deps, { sessionId: request.params.id, articleId: request.body.articleId }))) throw notFound('resource');
        return reply.status(204).send(null);
      },
    });

    app.get('/kb/reports/deflection', {
      schema: { tags: ['kb'], summary: 'Deflection rate by week and language; questions that found nothing', querystring: DeflectionReportQuery, response: { 200: DeflectionReport, ...problems(400, 401, 403) } },
      handler: async (request) => deflectionReport(deps, { ...request.query, actor: requireActor(request) }),
    });

    app.get('/kb/articles', {
      schema: { tags: ['kb'], summary: 'Articles, drafts included (agents)', querystring: ListArticlesQuery, response: { 200: ArticlePage, ...problems(400, 401, 403) } },
      handler: async (request) => {
        const page = await listArticles(deps, { ...request.query, actor: requireActor(request) });
        return { items: await Promise.all(page.items.map((a) => presentArticle(deps, a))), nextCursor: page.nextCursor };
      },
    });

    app.post('/kb/articles', {
      schema: { tags: ['kb'], summary: 'Write an article or FAQ entry, or a new language of one (translationOf)', body: CreateArticleBody, response: { 201: ArticleDto, ...problems(400, 401, 403, 409, 422) } },
      handler: async (request, reply) => reply.status(201).send(await presentArticle(deps, await createArticle(deps, { ...request.body, actor: requireActor(request) }))),
    });

    app.get('/kb/articles/:id', {
      schema: { tags: ['kb'], summary: 'One article (agents)', params: ArticleParams, response: { 200: ArticleDto, ...problems(401, 403, 404) } },
      handler: async (request) => {
        requireStaff(requireActor(request));
        const article = await findArticle(deps.db, request.params.id);
        if (!article) throw notFound('resource');
        return presentArticle(deps, article);
      },
    });

    app.patch('/kb/articles/:id', {
      schema: { tags: ['kb'], summary: 'Change an article', params: ArticleParams, body: UpdateArticleBody, response: { 200: ArticleDto, ...problems(400, 401, 403, 404, 409, 422) } },
      handler: async (request) => presentArticle(deps, await updateArticle(deps, { ...request.body, actor: requireActor(request), articleId: request.params.id })),
    });

    app.delete('/kb/articles/:id', {
      schema: { tags: ['kb'], summary: 'Delete an article and its files', params: ArticleParams, response: { 204: z.null(), ...problems(401, 403, 404) } },
      handler: async (request, reply) => {
        await deleteArticle(deps, { actor: requireActor(request), articleId: request.params.id });
        return reply.status(204).send(null);
      },
    });

    for (const [action, state] of [['publish', 'published'], ['unpublish', 'draft']] as const) {
      app.post(`/kb/articles/:id/${action}`, {
        schema: { tags: ['kb'], summary: action === 'publish' ? 'Publish: public page and search' : 'Back to draft', params: ArticleParams, response: { 200: ArticleDto, ...problems(401, 403, 404) } },
        handler: async (request) => presentArticle(deps, await setArticleState(deps, { actor: requireActor(request), articleId: request.params.id, state })),
      });
    }

    app.post('/kb/articles/:id/files', {
      preValidation: uploads,
      schema: {
        tags: ['kb'],
        summary: 'Add images or attachments (multipart/form-data, field "files")',
        consumes: ['multipart/form-data'],
        params: ArticleParams,
        response: { 201: ArticleDto, ...problems(400, 401, 403, 404, 413, 415) },
      },
      handler: async (request, reply) => {
        await addArticleFiles(deps, { actor: requireActor(request), articleId: request.params.id, files: request.uploads });
        const article = await findArticle(deps.db, request.params.id);
        return reply.status(201).send(await presentArticle(deps, article!));
      },
    });

    app.delete('/kb/articles/:id/files/:fileId', {
      schema: { tags: ['kb'], summary: 'Remove a file of an article', params: ArticleParams.extend({ fileId: z.string().min(1).max(64) }), response: { 204: z.null(), ...problems(401, 403, 404) } },
      handler: async (request, reply) => {
        await deleteArticleFile(deps, { actor: requireActor(request), articleId: request.params.id, fileId: request.params.fileId });
        return reply.status(204).send(null);
      },
    });

    app.get('/kb/articles/:id/link', {
      schema: { tags: ['kb'], summary: 'Title and public URL to insert in a reply (in the reply language when translated)', params: ArticleParams, querystring: ArticleLinkQuery, response: { 200: ArticleLink, ...problems(401, 403, 404) } },
      handler: async (request) => articleLink(deps, { actor: requireActor(request), articleId: request.params.id, lang: request.query.lang }),
    });

    app.get('/kb/categories', {
      schema: { tags: ['kb'], summary: 'Categories with their names per language', security: [], response: { 200: z.object({ items: z.array(CategoryDto) }) } },
      handler: async () => ({ items: await listCategories(deps) }),
    });

    app.post('/kb/categories', {
      schema: { tags: ['kb'], summary: 'Create a category', body: CreateCategoryBody, response: { 201: CategoryDto, ...problems(400, 401, 403, 409) } },
      handler: async (request, reply) => reply.status(201).send(await createCategory(deps, { ...request.body, actor: requireActor(request) })),
    });

    app.patch('/kb/categories/:id', {
      schema: { tags: ['kb'], summary: 'Change a category (names given replace all names)', params: ArticleParams, body: UpdateCategoryBody, response: { 200: CategoryDto, ...problems(400, 401, 403, 404, 409) } },
      handler: async (request) => updateCategory(deps, { ...request.body, actor: requireActor(request), categoryId: request.params.id }),
    });

    app.delete('/kb/categories/:id', {
      schema: { tags: ['kb'], summary: 'Delete a category (its articles stay, without category)', params: ArticleParams, response: { 204: z.null(), ...problems(401, 403, 404) } },
      handler: async (request, reply) => {
        await deleteCategory(deps, { actor: requireActor(request), categoryId: request.params.id });
        return reply.status(204).send(null);
      },
    });

    app.post('/tickets/:id/answer-with-article', {
      schema: {
        tags: ['tickets', 'kb'],
        summary: 'Answered by the documentation: reply with an article link and solve the ticket',
        params: TicketRefParams,
        body: AnswerWithArticleBody,
        response: { 200: TicketDto, ...problems(400, 401, 403, 404, 409) },
      },
      handler: async (request) =>
        presentTicket(await answerWithArticle(deps, { ...request.body, actor: requireActor(request), ticketId: request.params.id, defaultChannel: defaultChannel(request) })),
    });

    app.get('/tickets/:id/suggested-articles', {
      schema: {
        tags: ['tickets', 'kb'],
        summary: 'Best matching articles for a ticket, and those the customer saw before filing (agents)',
        params: TicketRefParams,
        querystring: z.object({ limit: z.coerce.number().int().min(1).max(20).default(5) }),
        response: { 200: TicketSuggestions, ...problems(401, 403, 404) },
      },
      handler: async (request) => ticketSuggestions(deps, { actor: requireActor(request), ticketId: request.params.id, limit: request.query.limit }),
    });
  };
}
