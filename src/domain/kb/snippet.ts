import { isStopword, termOf, type KbLang } from './analyze.js';

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };
const escape = (s: string): string => s.replace(/[&<>"']/g, (c) => ESCAPES[c]!);
const WORD = /[\p{L}\p{M}\p{N}]+/gu;

/** Options of a snippet. */
export interface SnippetOptions {
  /** Words in the snippet (default 28). */
  words?: number;
}

/**
 * An extract of a text around the question's words, as safe HTML: the text is escaped and the
 * matching words are wrapped in <mark>. The window with the most distinct matching words wins;
 * "…" marks a cut.
 */
export function snippet(text: string, queryTerms: ReadonlySet<string>, lang: KbLang, options: SnippetOptions = {}): string {
  const size = options.words ?? 28;
  const tokens: Array<{ start: number; end: number; term: string | null }> = [];
  for (const m of text.matchAll(WORD)) {
    const w = m[0];
    const term = isStopword(w, lang) ? null : termOf(w, lang);
    tokens.push({ start: m.index, end: m.index + w.length, term: term && queryTerms.has(term) ? term : null });
    if (tokens.length > 5000) break;
  }
  if (tokens.length === 0) return escape(text.slice(0, 200));
  let best = 0;
  let bestScore = -1;
  for (let i = 0; i < tokens.length; i++) {
    if (i > 0 && tokens[i]!.term === null) continue;
    const seen = new Set<string>();
    let hits = 0;
    for (let j = i; j < Math.min(tokens.length, i + size); j++) {
      const t = tokens[j]!.term;
      if (t) {
        hits += 1;
        seen.add(t);
      }
    }
    const score = seen.size * 10 + hits;
    if (score > bestScore) {
      bestScore = score;
      best = i;
    }
    if (i > 0 && tokens.length - i <= size) break;
  }
  // Start a few words before the first match, so the reader gets the beginning of the sentence.
  const first = Math.max(0, bestScore > 0 ? best - 3 : 0);
  const last = Math.min(tokens.length, first + size) - 1;
  let html = first > 0 ? '…' : '';
  let cursor = tokens[first]!.start;
  for (let k = first; k <= last; k++) {
    const tok = tokens[k]!;
    html += escape(text.slice(cursor, tok.start));
    const word = escape(text.slice(tok.start, tok.end));
    html += tok.term ? `<mark>${word}</mark>` : word;
    cursor = tok.end;
  }
  const end = last + 1 < tokens.length ? tokens[last]!.end : text.length;
  html += escape(text.slice(cursor, end));
  if (last + 1 < tokens.length) html += '…';
  return html.replace(/\s+/g, ' ').trim();
}
