import { describe, expect, it } from 'vitest';
import { pickLanguage } from './languages.js';

describe('pickLanguage', () => {
  it.each([
    [undefined, 'en'],
    ['', 'en'],
    ['fr-FR,fr;q=0.9,en;q=0.8', 'fr'],
    ['de-DE,de;q=0.9,ru;q=0.5', 'ru'],
    ['es;q=0.2,ru;q=0.8', 'ru'],
    ['de, it', 'en'],
    ['*', 'en'],
    ['ru;q=0', 'en'],
  ])('%j → %s', (header, expected) => {
    expect(pickLanguage(header)).toBe(expected);
  });
});
