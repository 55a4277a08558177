import { describe, expect, it } from 'vitest';
import { analyze, isStopword, termOf } from './analyze.js';
import { foldWord } from './stopwords.js';
import { detectLanguage } from './detect-language.js';
import { editVariants } from './typos.js';
import { ticketQueryGroups, ticketIndexTerms } from './ticket-terms.js';

describe('analysis', () => {
  it.each([
    ['Écossaise', 'ecossaise'],
    ['ÉLÈVE', 'eleve'],
    ['cœur', 'coeur'],
    ['Ёлка', 'елка'],
    ['йогурт', 'йогурт'],
    ['señal', 'senal'],
  ])('folds %s to %s', (word, folded) => {
    expect(foldWord(word)).toBe(folded);
  });

  it.each([
    ['fr', 'Comment réinstaller les licences ?', ['reinstall', 'licenc']],
    ['es', '¿Cuántos puntos dejaron los Panthers?', ['punt', 'dej', 'panthers']],
    ['en', 'How do I restore the backups?', ['restor', 'backup']],
    ['ru', 'Сколько очков уступила защита?', ['очк', 'уступ', 'защит']],
  ] as const)('%s: drops function words, stems and folds "%s"', (lang, text, terms) => {
    expect(analyze(text, lang)).toEqual(terms);
  });

  it.each([
    ['fr', 'quelle', true],
    ['fr', 'facture', false],
    ['en', 'which', true],
    ['ru', 'сколько', true],
    ['es', 'cuántos', true],
    ['en', 'x', true],
    ['en', '7', false],
  ] as const)('%s: "%s" is a stopword: %s', (lang, word, expected) => {
    expect(isStopword(word, lang)).toBe(expected);
  });

  it('treats query syntax as nothing', () => {
    expect(analyze('"NEAR(a b)" * : OR AND -x', 'en')).toEqual(['near']);
    expect(analyze('NEAR(licence) OR "export"*', 'fr')).toEqual(['near', 'licenc', 'export']);
    expect(analyze('?!…“”«»', 'fr')).toEqual([]);
  });

  it('stems the same in the index and the query', () => {
    expect(termOf('Licences', 'fr')).toBe(termOf('licence', 'fr'));
  });
});

describe('language detection', () => {
  it.each([
    ["Je n'arrive pas à exporter mes factures en PDF depuis la mise à jour", 'fr'],
    ['No puedo exportar mis facturas a PDF desde la actualización', 'es'],
    ['I cannot export my invoices to PDF since the update', 'en'],
    ['Не могу экспортировать счета в PDF после обновления', 'ru'],
    ['PDF', null],
    ['', null],
    ['12345 !!!', null],
  ])('%s → %s', (text, lang) => {
    expect(detectLanguage(text)).toBe(lang);
  });
});

describe('typo variants', () => {
  it('includes deletions, insertions, substitutions and transpositions', () => {
    const v = new Set(editVariants('joural', 'fr'));
    expect(v.has('journal')).toBe(true);
    expect(v.has('jourl')).toBe(true);
    expect(v.has('jouarl')).toBe(true);
    expect(v.has('joural')).toBe(false);
  });
  it('uses the Cyrillic alphabet for Russian and skips short terms', () => {
    expect(editVariants('защта', 'ru')).toContain('защита');
    expect(editVariants('abc', 'en')).toEqual([]);
  });
});

describe('ticket search terms', () => {
  it('indexes words as written and stemmed', () => {
    const terms = ticketIndexTerms('GU-2027-000123 Licences refusées', 'fr');
    expect(terms).toEqual(expect.arrayContaining(['gu', '2027', '000123', 'licences', 'licenc', 'refusees']));
  });
  it('requires every content word, as a prefix or a stem in any language', () => {
    const groups = ticketQueryGroups('the crashes');
    expect(groups).toHaveLength(1);
    expect(groups[0]).toEqual(expect.arrayContaining(['crashes*', 'crash']));
  });
  it('keeps function words when nothing else is left, and nothing from punctuation', () => {
    expect(ticketQueryGroups('the')).toEqual([['the*']]);
    expect(ticketQueryGroups('"*: NEAR')).toHaveLength(1);
    expect(ticketQueryGroups('?!"*:')).toEqual([]);
  });
});
