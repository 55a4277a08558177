import sanitizeHtml from 'sanitize-html';

/** Text and safe HTML of a message body. */
export interface RenderedBody {
  text: string;
  html: string;
}

const ALLOWED: sanitizeHtml.IOptions = {
  allowedTags: [
    'p', 'br', 'div', 'span', 'b', 'strong', 'i', 'em', 'u', 's', 'blockquote', 'code', 'pre', 'ul', 'ol', 'li',
    'a', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'table', 'thead', 'tbody', 'tr', 'th', 'td', 'hr', 'img', 'sub', 'sup',
  ],
  allowedAttributes: { a: ['href', 'title'], img: ['src', 'alt', 'title', 'width', 'height'], td: ['colspan', 'rowspan'], th: ['colspan', 'rowspan'] },
  allowedSchemes: ['http', 'https', 'mailto', 'tel'],
  allowedSchemesByTag: { img: ['https', 'cid', 'data'] },
  transformTags: { a: sanitizeHtml.simpleTransform('a', { rel: 'noopener noreferrer nofollow', target: '_blank' }) },
  allowedAttributesExtra: undefined,
} as sanitizeHtml.IOptions;

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** Escapes text for HTML. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ESCAPES[c]!);
}

const URL_RE = /\bhttps?:\/\/[^\s<>"')\]]+/g;

/** Plain text as typed → paragraphs and line breaks, with links made clickable. */
export function renderPlainText(text: string): RenderedBody {
  const normalized = text.replace(/\r\n?/g, '\n').trim();
  const html = normalized
    .split(/\n{2,}/)
    .map((para) => {
      const escaped = escapeHtml(para).replace(URL_RE, (url) => `<a href="${url}" rel="noopener noreferrer nofollow" target="_blank">${url}</a>`);
      return `<p>${escaped.replace(/\n/g, '<br>')}</p>`;
    })
    .join('\n');
  return { text: normalized, html };
}

/** Untrusted HTML (e-mail, rich editor) → HTML safe to show in the console and portal. */
export function sanitizeMessageHtml(html: string): string {
  return sanitizeHtml(html, ALLOWED);
}
