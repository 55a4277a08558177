import { describe, expect, it } from 'vitest';
import { analyzeDoc, analyzeQuery, PREFIX_MARK, rankCandidates, type CorpusStats, type RankCandidate } from './rank.js';
import { normalizeQuestion, slugify, weekOf, fallbackTitle } from './slug.js';
import { TermDictionary } from './term-dictionary.js';
import { snippet } from './snippet.js';

function corpus(docs: Array<{ id: string; title: string; body: string }>): { candidates: RankCandidate[]; stats: CorpusStats; dictionary: TermDictionary } {
  const analysed = docs.map((d) => ({ id: d.id, ...analyzeDoc(d.title, d.body, 'en') }));
  const dictionary = new TermDictionary();
  const candidates = analysed.map((c) => ({
    id: c.id,
    titleTerms: dictionary.encode(c.titleTerms.join(' ')),
    bodyTerms: dictionary.encode(c.bodyTerms.join(' ')),
    titlePrefixes: dictionary.encode(c.titlePrefixes.join(' '), PREFIX_MARK),
    bodyPrefixes: dictionary.encode(c.bodyPrefixes.join(' '), PREFIX_MARK),
  }));
  const df = new Map<string, number>();
  for (const c of analysed) {
    for (const t of new Set([...c.titleTerms, ...c.bodyTerms])) df.set(t, (df.get(t) ?? 0) + 1);
    for (const p of new Set([...c.titlePrefixes, ...c.bodyPrefixes])) df.set(PREFIX_MARK + p, (df.get(PREFIX_MARK + p) ?? 0) + 1);
  }
  const n = candidates.length;
  return {
    dictionary,
    candidates,
    stats: { docs: n, avgTitleLen: analysed.reduce((s, c) => s + c.titleTerms.length, 0) / n, avgBodyLen: analysed.reduce((s, c) => s + c.bodyTerms.length, 0) / n, df },
  };
}

const DOCS = [
  { id: 'a', title: 'Export invoices to PDF', body: 'Choose File then Export. The footer of long invoices may be cut.' },
  { id: 'b', title: 'Back up a project', body: 'Projects are saved every thirty minutes in the backups folder.' },
  { id: 'c', title: 'Two-factor authentication', body: 'Scan the QR code with an authenticator app and enter the code.' },
  { id: 'd', title: 'Bank statements', body: 'Import statements from your bank; invoices are matched later.' },
];

describe('ranking', () => {
  const { candidates, stats, dictionary } = corpus(DOCS);
  const rank = (q: string, fuzzy = new Map<string, string[]>()) => rankCandidates(analyzeQuery(q, 'en'), candidates, stats, dictionary, fuzzy).map((r) => r.id);

  it.each([
    ['Why is the footer of my PDF invoice cut?', 'a'],
    ['how often are my projects backed up', 'b'],
    ['I lost the QR code of the authenticator', 'c'],
    ['import bank statement', 'd'],
  ])('a whole question finds its answer without every word matching: %s', (q, expected) => {
    expect(rank(q)[0]).toBe(expected);
  });

  it('weighs a title match above the same word in a body', () => {
    expect(rank('invoices')).toEqual(['a', 'd']);
  });

  it('uses typo expansions given by the caller', () => {
    expect(rank('statments')).toEqual([]);
    expect(rank('statments', new Map([['statment', ['statement']]]))[0]).toBe('d');
  });

  it('returns nothing for a question without content words', () => {
    expect(rank('how is it?')).toEqual([]);
  });

  it('breaks ties by id so both databases agree', () => {
    const twins = corpus([
      { id: 'y', title: 'Same', body: 'identical text' },
      { id: 'x', title: 'Same', body: 'identical text' },
    ]);
    expect(rankCandidates(analyzeQuery('identical', 'en'), twins.candidates, twins.stats, twins.dictionary).map((r) => r.id)).toEqual(['x', 'y']);
  });
});

describe('snippets', () => {
  it('escapes the text and marks the matching words', () => {
    const html = snippet('Use <b> & the "export" menu: Export to PDF.', new Set(analyzeQuery('export', 'en').terms), 'en');
    expect(html).toBe('Use &lt;b&gt; &amp; the &quot;<mark>export</mark>&quot; menu: <mark>Export</mark> to PDF.');
  });
  it('cuts a long text around the best window', () => {
    const text = `${'filler '.repeat(100)}the invoice footer is cut ${'more '.repeat(100)}`;
    const html = snippet(text, new Set(analyzeQuery('invoice footer', 'en').terms), 'en', { words: 10 });
    expect(html.startsWith('…')).toBe(true);
    expect(html.endsWith('…')).toBe(true);
    expect(html).toContain('<mark>invoice</mark> <mark>footer</mark>');
  });
});

describe('slugs and report buckets', () => {
  it.each([
    ["L'export PDF coupe le pied de page", 'l-export-pdf-coupe-le-pied-de-page'],
    ['Atelier Studio закрывается', 'atelier-studio-закрывается'],
    ['¿Cómo?', 'como'],
    ['!!!', ''],
  ])('%s → %s', (title, slug) => {
    expect(slugify(title)).toBe(slug);
  });
  it.each([
    ['2027-03-01T09:00:00Z', '2027-03-01'],
    ['2027-03-07T23:59:59Z', '2027-03-01'],
    ['2027-03-08T00:00:00Z', '2027-03-08'],
    ['2027-01-01T12:00:00Z', '2026-12-28'],
  ])('week of %s starts on %s', (iso, monday) => {
    expect(weekOf(iso)).toBe(monday);
  });
  it('groups identical questions whatever their case, accents and punctuation', () => {
    expect(normalizeQuestion('  Réinstaller   la LICENCE ?')).toBe(normalizeQuestion('reinstaller la licence'));
  });
  it('falls back to the first words of the text for an untitled article', () => {
    expect(fallbackTitle('', 'one two three')).toBe('one two three');
    expect(fallbackTitle('  Title ', 'x')).toBe('Title');
  });
});
