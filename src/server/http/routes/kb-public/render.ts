import type { TFunction } from 'i18next';
import { fallbackTitle } from '../../../../domain/kb/slug.js';
import type { SuggestResult } from '../../../../contracts/kb.js';
import type { KbArticleRow, KbFileRow } from '../../../repositories/kb.repository.js';
import type { PublicCategory } from '../../../services/kb/public-kb.js';

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };
/** Escapes text for HTML text and attribute values. */
export const esc = (s: string): string => s.replace(/[&<>"']/g, (c) => ESCAPES[c]!);

/** Languages by their own name: a reader finds theirs whatever the page's language. */
export const AUTONYMS: Record<string, string> = { fr: 'Français', es: 'Español', en: 'English', ru: 'Русский' };

/** Where a page lives and its other languages. */
export interface PageFrame {
  lang: string;
  t: TFunction;
  title: string;
  description: string;
  canonical: string;
  /** Same page in other languages (hreflang links and the language menu). */
  alternates: Array<{ lang: string; url: string }>;
  /** Public base URL (for the x-default alternate and the home link). */
  base: string;
  /** Question to show in the search box. */
  q?: string;
}

/** The displayed title of an article: its own, else the beginning of its text (imported paragraphs may have none). */
export function displayTitle(a: Pick<KbArticleRow, 'title' | 'bodyText'>, t: TFunction): string {
  return fallbackTitle(a.title, a.bodyText) || t('article.untitled');
}

function head(f: PageFrame): string {
  const links = f.alternates.map((a) => `<link rel="alternate" hreflang="${a.lang}" href="${esc(a.url)}">`);
  const xDefault = f.alternates.find((a) => a.lang === 'en') ?? f.alternates[0];
  if (xDefault) links.push(`<link rel="alternate" hreflang="x-default" href="${esc(xDefault.url)}">`);
  return `<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${esc(f.title === f.t('site.title') ? f.title : `${f.title} · ${f.t('site.title')}`)}</title>
<meta name="description" content="${esc(f.description.slice(0, 300))}">
<link rel="canonical" href="${esc(f.canonical)}">
${links.join('\n')}
<link rel="stylesheet" href="/kb/assets/kb.css">
</head>`;
}

function header(f: PageFrame): string {
  const others = f.alternates.filter((a) => a.lang !== f.lang);
  const local = (url: string): string => (url.startsWith(f.base) ? url.slice(f.base.length) || '/' : url);
  const menu = others.length
    ? `<nav class="langs" aria-label="${esc(f.t('site.languages'))}"><ul>${others.map((a) => `<li><a href="${esc(local(a.url))}" hreflang="${a.lang}" lang="${a.lang}">${esc(AUTONYMS[a.lang] ?? a.lang)}</a></li>`).join('')}</ul></nav>`
    : '';
  return `<header class="site">
<div class="bar"><a class="brand" href="/kb/${f.lang}">${esc(f.t('site.title'))}</a>${menu}</div>
<form class="search" role="search" method="get" action="/kb/${f.lang}/search">
<label for="q">${esc(f.t('search.label'))}</label>
<div class="row"><input id="q" name="q" type="search" value="${esc(f.q ?? '')}" placeholder="${esc(f.t('search.placeholder'))}" maxlength="500"><button type="submit">${esc(f.t('search.button'))}</button></div>
</form>
</header>`;
}

/** A whole page around its main content. */
export function page(f: PageFrame, main: string): string {
  return `<!DOCTYPE html>
<html lang="${f.lang}">
${head(f)}
<body>
<a class="skip" href="#main">${esc(f.t('site.skip'))}</a>
${header(f)}
<main id="main">
${main}
</main>
<footer class="site"><p>${esc(f.t('site.footer'))} <a href="/">${esc(f.t('site.contact'))}</a></p></footer>
</body>
</html>
`;
}

/** A list of article links. */
export function articleList(items: Array<{ title: string; url: string; snippet?: string; faq?: boolean }>, t: TFunction): string {
  return `<ul class="articles">${items
    .map((i) => `<li><a href="${esc(i.url)}">${esc(i.title)}</a>${i.faq ? ` <span class="tag">${esc(t('article.faq'))}</span>` : ''}${i.snippet ? `<p class="snippet">${i.snippet}</p>` : ''}</li>`)
    .join('')}</ul>`;
}

/** The home page content. */
export function homeMain(t: TFunction, categories: Array<PublicCategory & { url: string }>, recent: Array<{ title: string; url: string }>): string {
  const cats = categories
    .filter((c) => c.count > 0)
    .map((c) => `<li><a href="${esc(c.url)}">${esc(c.name)}</a> <span class="count">${esc(t('home.articles', { count: c.count }))}</span>${c.description ? `<p>${esc(c.description)}</p>` : ''}</li>`)
    .join('');
  return `<h1>${esc(t('site.title'))}</h1>
<p class="lead">${esc(t('site.tagline'))}</p>
${cats ? `<section><h2>${esc(t('home.categories'))}</h2><ul class="categories">${cats}</ul></section>` : ''}
${recent.length ? `<section><h2>${esc(t('home.recent'))}</h2>${articleList(recent, t)}</section>` : ''}`;
}

/** A category page's content: FAQ entries, then articles. */
export function categoryMain(t: TFunction, lang: string, category: PublicCategory, articles: Array<{ title: string; url: string; kind: string }>): string {
  const faq = articles.filter((a) => a.kind === 'faq');
  const rest = articles.filter((a) => a.kind !== 'faq');
  return `<nav class="crumbs"><a href="/kb/${lang}">${esc(t('site.home'))}</a></nav>
<h1>${esc(category.name)}</h1>
${category.description ? `<p class="lead">${esc(category.description)}</p>` : ''}
${faq.length ? `<section><h2>${esc(t('category.faq'))}</h2>${articleList(faq, t)}</section>` : ''}
${rest.length ? `<section><h2>${esc(t('category.articles'))}</h2>${articleList(rest, t)}</section>` : ''}
${articles.length === 0 ? `<p>${esc(t('category.empty'))}</p>` : ''}`;
}

/** An article page's content. */
export function articleMain(
  t: TFunction,
  lang: string,
  article: KbArticleRow,
  category: { name: string; url: string } | null,
  translations: Array<{ lang: string; url: string }>,
  files: KbFileRow[],
): string {
  const date = new Intl.DateTimeFormat(lang, { dateStyle: 'long', timeZone: 'UTC' }).format(new Date(article.publishedAt ?? article.updatedAt));
  const crumbs = [`<a href="/kb/${lang}">${esc(t('site.home'))}</a>`, ...(category ? [`<a href="${esc(category.url)}">${esc(category.name)}</a>`] : [])].join(' › ');
  const others = translations.length
    ? `<p class="translations">${esc(t('article.translations'))} ${translations.map((x) => `<a href="${esc(x.url)}" hreflang="${x.lang}" lang="${x.lang}">${esc(AUTONYMS[x.lang] ?? x.lang)}</a>`).join(', ')}</p>`
    : '';
  const attachments = files.filter((f) => !f.contentType.startsWith('image/'));
  return `<nav class="crumbs">${crumbs}</nav>
<article>
<h1>${esc(displayTitle(article, t))}</h1>
<p class="meta">${article.kind === 'faq' ? `<span class="tag">${esc(t('article.faq'))}</span> ` : ''}${esc(t('article.updated', { date }))}</p>
${others}
<div class="body">${article.bodyHtml}</div>
${attachments.length ? `<section><h2>${esc(t('article.attachments'))}</h2><ul>${attachments.map((f) => `<li><a href="/kb/files/${f.id}/${encodeURIComponent(f.filename)}">${esc(f.filename)}</a></li>`).join('')}</ul></section>` : ''}
</article>`;
}

/** The search page's content. */
export function searchMain(t: TFunction, q: string, results: SuggestResult[]): string {
  if (!q.trim()) return `<h1>${esc(t('search.button'))}</h1><p>${esc(t('search.empty'))}</p>`;
  const summary = results.length ? t('search.results', { count: results.length, q }) : t('search.none', { q });
  return `<h1>${esc(t('search.title', { q }))}</h1>
<p>${esc(summary)}</p>
${articleList(results.map((r) => ({ title: r.title, url: r.url, snippet: r.snippet })), t)}`;
}

/** The not-found page's content. */
export function notFoundMain(t: TFunction, lang: string): string {
  return `<h1>${esc(t('article.not_found_title'))}</h1><p>${esc(t('article.not_found'))}</p><p><a href="/kb/${lang}">${esc(t('site.home'))}</a></p>`;
}
