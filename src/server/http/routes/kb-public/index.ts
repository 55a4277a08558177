import { readFileSync } from 'node:fs';
import type { FastifyReply } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { isLang, pickLanguage, type Lang } from '../../../../i18n/languages.js';
import { AppError } from '../../../errors/app-error.js';
import type { ServiceDeps } from '../../../services/deps.js';
import { readArticleFile } from '../../../services/kb/article-files.js';
import { articlePath, articleUrl, categoryPath, categoryUrl, kbHomeUrl } from '../../../services/kb/kb-urls.js';
import { publicArticle, publicCategory, publicHome } from '../../../services/kb/public-kb.js';
import { recordArticleOpened, suggestArticles } from '../../../services/kb/suggest-articles.js';
import { isInlineSafe } from '../../../services/attachments/uploaded-file.js';
import { LANGUAGES } from '../../../../i18n/languages.js';
import { articleMain, categoryMain, displayTitle, homeMain, notFoundMain, page, searchMain, type PageFrame } from './render.js';

const CSS = readFileSync(new URL('./kb.css', import.meta.url), 'utf8');
const LangParams = z.object({ lang: z.string().max(10) });
const SlugParams = LangParams.extend({ slug: z.string().min(1).max(200) });

function sendPage(reply: FastifyReply, status: number, html: string): FastifyReply {
  return reply.status(status).type('text/html; charset=utf-8').header('cache-control', 'no-cache').send(html);
}

/**
 * The public knowledge base, rendered on the server: /kb/<lang> (home), /kb/<lang>/categories/<slug>,
 * /kb/<lang>/articles/<slug>, /kb/<lang>/search?q=, article files, and the style sheet. Pages work
 * without JavaScript, carry <html lang>, canonical URLs and hreflang links between translations.
 */
export function kbPublicRoutes(deps: ServiceDeps): FastifyPluginAsyncZod {
  return async (app) => {
    const frame = (lang: Lang, rest: Omit<PageFrame, 'lang' | 't' | 'base'>): PageFrame => ({ lang, t: deps.i18n.getFixedT(lang, 'kb'), base: deps.config.publicUrl, ...rest });
    const everyLanguage = (path: (l: Lang) => string) => LANGUAGES.map((l) => ({ lang: l as string, url: path(l) }));
    const notFoundPage = (reply: FastifyReply, lang: Lang) => {
      const f = frame(lang, { title: deps.i18n.getFixedT(lang, 'kb')('article.not_found_title'), description: '', canonical: kbHomeUrl(deps.config, lang), alternates: [] });
      return sendPage(reply, 404, page(f, notFoundMain(f.t, lang)));
    };
    const langOf = (raw: string, reply: FastifyReply): Lang | null => {
      if (isLang(raw)) return raw;
      void notFoundPage(reply, 'en');
      return null;
    };

    app.get('/kb/assets/kb.css', { schema: { hide: true } }, async (_request, reply) =>
      reply.type('text/css; charset=utf-8').header('cache-control', 'public, max-age=3600').send(CSS),
    );

    app.get('/kb', { schema: { hide: true } }, async (request, reply) => reply.redirect(`/kb/${pickLanguage(request.headers['accept-language'])}`));

    app.get('/kb/:lang', { schema: { hide: true, params: LangParams } }, async (request, reply) => {
      const lang = langOf(request.params.lang, reply);
      if (!lang) return reply;
      const t = deps.i18n.getFixedT(lang, 'kb');
      const home = await publicHome(deps, lang);
      const f = frame(lang, { title: t('site.title'), description: t('site.tagline'), canonical: kbHomeUrl(deps.config, lang), alternates: everyLanguage((l) => kbHomeUrl(deps.config, l)) });
      const categories = home.categories.map((c) => ({ ...c, url: categoryPath(lang, c.slug) }));
      const recent = home.recent.map((a) => ({ title: displayTitle(a, t), url: articlePath(lang, a.slug) }));
      return sendPage(reply, 200, page(f, homeMain(t, categories, recent)));
    });

    app.get('/kb/:lang/search', { schema: { hide: true, params: LangParams, querystring: z.object({ q: z.string().max(10_000).default(''), kbs: z.string().max(64).optional() }) } }, async (request, reply) => {
      const lang = langOf(request.params.lang, reply);
      if (!lang) return reply;
      const t = deps.i18n.getFixedT(lang, 'kb');
      const { q } = request.query;
      const found = q.trim() ? await suggestArticles(deps, { actor: request.actor, q, lang, fallbackLang: lang, limit: 10, sessionId: request.query.kbs }) : { results: [] };
      const canonical = `${deps.config.publicUrl}/kb/${lang}/search`;
      const f = frame(lang, { title: q.trim() ? t('search.title', { q: q.slice(0, 80) }) : t('search.button'), description: t('site.tagline'), canonical, alternates: [], q: q.slice(0, 500) });
      const local = found.results.map((r) => ({ ...r, url: r.url.startsWith(deps.config.publicUrl) ? r.url.slice(deps.config.publicUrl.length) : r.url }));
      return sendPage(reply, 200, page(f, searchMain(t, q.slice(0, 500), local)));
    });

    app.get('/kb/:lang/categories/:slug', { schema: { hide: true, params: SlugParams } }, async (request, reply) => {
      const lang = langOf(request.params.lang, reply);
      if (!lang) return reply;
      const t = deps.i18n.getFixedT(lang, 'kb');
      const found = await publicCategory(deps, lang, request.params.slug);
      if (!found) return notFoundPage(reply, lang);
      const { category } = found;
      const alternates = everyLanguage((l) => categoryUrl(deps.config, l, category.slug));
      const f = frame(lang, { title: category.name, description: category.description ?? category.name, canonical: categoryUrl(deps.config, lang, category.slug), alternates });
      const articles = found.articles.map((a) => ({ title: displayTitle(a, t), url: articlePath(lang, a.slug), kind: a.kind }));
      return sendPage(reply, 200, page(f, categoryMain(t, lang, category, articles)));
    });

    app.get('/kb/:lang/articles/:slug', { schema: { hide: true, params: SlugParams, querystring: z.object({ kbs: z.string().max(64).optional() }) } }, async (request, reply) => {
      const lang = langOf(request.params.lang, reply);
      if (!lang) return reply;
      const t = deps.i18n.getFixedT(lang, 'kb');
      const found = await publicArticle(deps, lang, request.params.slug);
      if (!found) return notFoundPage(reply, lang);
      const { article } = found;
      if (request.query.kbs) await recordArticleOpened(deps, { sessionId: request.query.kbs, articleId: article.id });
      const alternates = found.translations.map((x) => ({ lang: x.lang, url: articleUrl(deps.config, x.lang, x.slug) }));
      const f = frame(lang, { title: displayTitle(article, t), description: article.bodyText.slice(0, 200), canonical: articleUrl(deps.config, lang, article.slug), alternates });
      const category = found.category ? { name: found.category.name, url: categoryPath(lang, found.category.slug) } : null;
      const others = found.translations.filter((x) => x.lang !== lang).map((x) => ({ lang: x.lang, url: articlePath(x.lang, x.slug) }));
      return sendPage(reply, 200, page(f, articleMain(t, lang, article, category, others, found.files)));
    });

    app.get('/kb/files/:id/:name', { schema: { hide: true, params: z.object({ id: z.string().min(1).max(64), name: z.string().max(300) }) } }, async (request, reply) => {
      try {
        const { row, data } = await readArticleFile(deps, request.actor, request.params.id);
        const inline = isInlineSafe(row.contentType);
        return reply
          .header('content-type', row.contentType)
          .header('content-disposition', `${inline ? 'inline' : 'attachment'}; filename*=UTF-8''${encodeURIComponent(row.filename)}`)
          .header('x-content-type-options', 'nosniff')
          .header('content-security-policy', "default-src 'none'; sandbox")
          .header('cache-control', 'public, max-age=300')
          .send(data);
      } catch (e) {
        if (e instanceof AppError && e.code === 'not_found') return notFoundPage(reply, 'en');
        throw e;
      }
    });
  };
}
