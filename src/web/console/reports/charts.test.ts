import { describe, expect, it } from 'vitest';
import { niceTicks, wrapLabel } from './charts.js';

describe('chart scales and labels', () => {
  it.each([
    [0, [0, 1]],
    [1, [0, 0.5, 1]],
    [7, [0, 2, 4, 6, 8]],
    [100, [0, 50, 100]],
    [130, [0, 50, 100, 150]],
    [213, [0, 100, 200, 300]],
  ])('niceTicks(%d) = %j', (max, ticks) => expect(niceTicks(max)).toEqual(ticks));

  // At 12 px a character takes about 6.6 px: a 60 px band holds 9 characters, the ellipsis included.
  it.each([
    ['1–2 h', 60, ['1–2 h']],
    ['moins de 15 min', 60, ['moins de', '15 min']],
    ['moins de 15 min', 49, ['moins', 'de 15', 'min']],
    ['Formule premium', 50, ['Formule', 'premium']],
    ['Приоритет: нормальный', 70, ['Приоритет:', 'нормальный']],
    ['2 jours ou plus encore longtemps', 50, ['2 jours', 'ou plus', 'encore…']],
    ['Supercalifragilistic', 40, ['Super…']],
    ['Supercalifragilistic est', 40, ['Super…']],
  ])('wrapLabel(%s, %d)', (label, width, lines) => expect(wrapLabel(label, width)).toEqual(lines));
});
