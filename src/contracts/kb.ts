import { z } from 'zod';
import { Language } from './enums.js';

/** Article or FAQ entry. */
export const ArticleKind = z.enum(['article', 'faq']);
/** An article kind. */
export type ArticleKind = z.infer<typeof ArticleKind>;

/** Draft (agents only) or published (public pages, search). */
export const ArticleState = z.enum(['draft', 'published']);
/** An article state. */
export type ArticleState = z.infer<typeof ArticleState>;

const Slug = z
  .string()
  .trim()
  .min(1)
  .max(80)
  .regex(/^[\p{Ll}\p{Lo}\p{N}]+(?:-[\p{Ll}\p{Lo}\p{N}]+)*$/u, 'lower-case letters and digits separated by single hyphens');

/** A language version of an article, as listed beside it. */
export const TranslationRef = z.object({ id: z.string(), lang: Language, title: z.string(), state: ArticleState, url: z.string() });

/** An image or attachment of an article. */
export const ArticleFileDto = z.object({
  id: z.string(),
  filename: z.string(),
  contentType: z.string(),
  size: z.number().int(),
  url: z.string().describe('Public once the article is published'),
  markdown: z.string().describe('What to paste in the Markdown body to show or link the file'),
});

/** An article as agents see it. */
export const ArticleDto = z.object({
  id: z.string(),
  externalId: z.string().nullable(),
  translationGroupId: z.string(),
  lang: Language,
  kind: ArticleKind,
  categoryId: z.string().nullable(),
  title: z.string(),
  slug: z.string(),
  bodyMd: z.string(),
  bodyHtml: z.string().describe('Sanitized HTML rendered from the Markdown body'),
  state: ArticleState,
  position: z.number().int(),
  publishedAt: z.string().nullable(),
  url: z.string().describe('Public page (answers 404 while a draft)'),
  translations: z.array(TranslationRef).describe('The other languages of this article'),
  files: z.array(ArticleFileDto),
  createdAt: z.string(),
  updatedAt: z.string(),
});
/** An article. */
export type ArticleDto = z.infer<typeof ArticleDto>;

/** Input to write an article (or a new language of one, with translationOf). */
export const CreateArticleBody = z.object({
  lang: Language,
  title: z.string().trim().min(1).max(250),
  body: z.string().max(200_000).describe('Markdown'),
  kind: ArticleKind.default('article'),
  categoryId: z.string().max(64).nullable().optional(),
  slug: Slug.optional().describe('Made from the title when absent'),
  externalId: z.string().trim().min(1).max(200).optional(),
  position: z.number().int().min(0).max(100_000).optional(),
  translationOf: z.string().max(64).optional().describe('An article of the translation group this one joins'),
  publish: z.boolean().default(false),
});
/** Input to write an article. */
export type CreateArticleBody = z.infer<typeof CreateArticleBody>;

/** Input to change an article. */
export const UpdateArticleBody = z
  .object({
    title: z.string().trim().min(1).max(250).optional(),
    body: z.string().max(200_000).optional(),
    kind: ArticleKind.optional(),
    categoryId: z.string().max(64).nullable().optional(),
    slug: Slug.optional(),
    externalId: z.string().trim().min(1).max(200).nullable().optional(),
    position: z.number().int().min(0).max(100_000).optional(),
  })
  .refine((v) => Object.values(v).some((x) => x !== undefined), { message: 'Nothing to change' });
/** Input to change an article. */
export type UpdateArticleBody = z.infer<typeof UpdateArticleBody>;

/** Article list filters. */
export const ListArticlesQuery = z.object({
  lang: Language.optional(),
  state: ArticleState.optional(),
  kind: ArticleKind.optional(),
  category: z.string().max(64).optional(),
  title: z.string().max(200).optional().describe('Part of the title'),
  cursor: z.string().max(500).optional(),
  limit: z.coerce.number().int().min(1).max(100).default(25),
});

/** A page of articles (without bodies' HTML translations and files). */
export const ArticlePage = z.object({ items: z.array(ArticleDto), nextCursor: z.string().nullable() });

/** Article id in a path. */
export const ArticleParams = z.object({ id: z.string().min(1).max(64) });

/** A category name in one language. */
export const CategoryName = z.object({ name: z.string().trim().min(1).max(200), description: z.string().trim().max(1000).nullable().optional() });

/** A category. */
export const CategoryDto = z.object({
  id: z.string(),
  slug: z.string(),
  position: z.number().int(),
  names: z.partialRecord(Language, CategoryName),
  articleCount: z.number().int().describe('Published articles, all languages'),
});
/** A category. */
export type CategoryDto = z.infer<typeof CategoryDto>;

/** Input to create a category. */
export const CreateCategoryBody = z.object({
  slug: z.string().trim().min(1).max(80).regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'lower-case ASCII letters and digits separated by hyphens'),
  position: z.number().int().min(0).max(100_000).default(0),
  names: z.partialRecord(Language, CategoryName).refine((n) => Object.keys(n).length > 0, { message: 'at least one language' }),
});

/** Input to change a category. */
export const UpdateCategoryBody = CreateCategoryBody.partial();

/** Suggestions while typing: the question, its language, how many. */
export const SuggestQuery = z.object({
  q: z.string().max(10_000).default('').describe('The question as typed so far'),
  lang: z.string().max(35).optional().describe('fr, es, en or ru; detected from the text when absent or unknown'),
  limit: z.coerce.number().int().min(1).max(20).default(5),
  session: z.string().max(64).optional().describe('The sessionId of the previous answer, to keep one session per question'),
});

/** One suggested article. */
export const SuggestResult = z.object({
  id: z.string(),
  externalId: z.string().nullable(),
  title: z.string(),
  snippet: z.string().describe('HTML: escaped text with the matching words in <mark>'),
  url: z.string(),
  score: z.number(),
});
/** A suggestion. */
export type SuggestResult = z.infer<typeof SuggestResult>;

/** Suggestions answer. */
export const SuggestResponse = z.object({
  results: z.array(SuggestResult),
  lang: Language.describe('The language searched'),
  sessionId: z.string().nullable().describe('Pass it back while the same question is typed, and with the request if one is filed'),
});

/** The customer opened a suggested article. */
export const SessionOpenedBody = z.object({ articleId: z.string().min(1).max(64) });

/** Deflection report period. */
export const DeflectionReportQuery = z.object({
  from: z.iso.date().optional().describe('First day (UTC); default 12 weeks ago'),
  to: z.iso.date().optional().describe('Last day (UTC); default today'),
  lang: Language.optional(),
  top: z.coerce.number().int().min(1).max(100).default(20),
});

/** One week and language of the deflection report. */
export const DeflectionWeek = z.object({
  week: z.string().describe('Monday of the week (UTC)'),
  lang: Language,
  sessions: z.number().int().describe('Questions typed'),
  withResults: z.number().int().describe('Questions that showed at least one article'),
  opened: z.number().int().describe('Sessions where an article was opened'),
  ticketsFiled: z.number().int().describe('Sessions followed by a request'),
  deflected: z.number().int().describe('Sessions that showed articles and were not followed by a request'),
  deflectionRate: z.number().nullable().describe('deflected / withResults'),
});

/** Deflection report. */
export const DeflectionReport = z.object({
  from: z.string(),
  to: z.string(),
  weeks: z.array(DeflectionWeek),
  unanswered: z.array(z.object({ question: z.string(), lang: Language, count: z.number().int(), lastAskedAt: z.string() })).describe('Most frequent questions that found nothing'),
});

/** Resolve a ticket with an article. */
export const AnswerWithArticleBody = z.object({
  articleId: z.string().min(1).max(64),
  message: z.string().trim().max(20_000).optional().describe('Text before the link; a translated default when absent'),
});

/** An article link for the reply composer. */
export const ArticleLink = z.object({
  id: z.string(),
  lang: Language,
  title: z.string(),
  url: z.string(),
  markdown: z.string(),
  text: z.string().describe('Plain text to paste in a reply'),
});

/** Composer link query: the language of the reply (its translation is chosen when published). */
export const ArticleLinkQuery = z.object({ lang: Language.optional() });

/** Suggested articles for a ticket. */
export const TicketSuggestions = z.object({
  results: z.array(SuggestResult),
  shownBeforeFiling: z.array(z.object({ id: z.string(), title: z.string(), url: z.string(), opened: z.boolean() })),
  question: z.string().nullable().describe('What the customer typed in the suggestion box before filing'),
  answeredByArticleId: z.string().nullable(),
});
