import MarkdownIt from 'markdown-it';
import sanitizeHtml from 'sanitize-html';

/** An article body rendered for the pages and the index. */
export interface RenderedArticle {
  /** Sanitized HTML. */
  html: string;
  /** Plain text, one block per line (snippets, search). */
  text: string;
}

// Raw HTML in Markdown is not rendered at all: articles are written by agents, but a pasted
// <script> must never reach a public page. Links become clickable.
const md = new MarkdownIt({ html: false, linkify: true, typographer: false });

const ALLOWED: sanitizeHtml.IOptions = {
  allowedTags: [
    'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'p', 'br', 'hr', 'blockquote', 'pre', 'code', 'ul', 'ol', 'li', 'em', 'strong', 's', 'del',
    'a', 'img', 'table', 'thead', 'tbody', 'tr', 'th', 'td', 'sub', 'sup',
  ],
  allowedAttributes: { a: ['href', 'title'], img: ['src', 'alt', 'title', 'width', 'height'], th: ['style'], td: ['style'], ol: ['start'] },
  allowedStyles: { th: { 'text-align': [/^(left|right|center)$/] }, td: { 'text-align': [/^(left|right|center)$/] } },
  allowedSchemes: ['http', 'https', 'mailto'],
  allowedSchemesByTag: { img: ['https'] },
  allowProtocolRelative: false,
  transformTags: {
    a: (tagName, attribs) => {
      const external = /^https?:\/\//i.test(attribs.href ?? '');
      return { tagName, attribs: external ? { ...attribs, rel: 'noopener noreferrer nofollow' } : attribs };
    },
    img: (tagName, attribs) => ({ tagName, attribs: { ...attribs, loading: 'lazy' } }),
  },
  allowedAttributesExtra: undefined,
} as sanitizeHtml.IOptions;
(ALLOWED.allowedAttributes as Record<string, string[]>).a!.push('rel');
(ALLOWED.allowedAttributes as Record<string, string[]>).img!.push('loading');

function plainText(source: string): string {
  const lines: string[] = [];
  let current = '';
  for (const token of md.parse(source, {})) {
    if (token.type === 'inline') {
      for (const child of token.children ?? []) {
        if (child.type === 'text' || child.type === 'code_inline') current += child.content;
        else if (child.type === 'softbreak' || child.type === 'hardbreak') current += ' ';
        else if (child.type === 'image') current += child.content;
      }
    } else if (token.type === 'code_block' || token.type === 'fence') {
      current += token.content;
    }
    if (token.block && token.nesting <= 0 && current.trim()) {
      lines.push(current.replace(/\s+/g, ' ').trim());
      current = '';
    }
  }
  if (current.trim()) lines.push(current.replace(/\s+/g, ' ').trim());
  return lines.join('\n');
}

/** Markdown → sanitized HTML and plain text. */
export function renderArticle(markdown: string): RenderedArticle {
  const source = markdown.replace(/\r\n?/g, '\n');
  return { html: sanitizeHtml(md.render(source), ALLOWED), text: plainText(source) };
}
