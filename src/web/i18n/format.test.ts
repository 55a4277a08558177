import { describe, expect, it } from 'vitest';
import { makeFormats } from './format.js';

describe('makeFormats: dates and numbers in the person language and time zone', () => {
  it.each([
    ['fr', 'Europe/Paris', '2027-03-01T13:05:00Z', /1 mars 2027.*14:05/],
    ['fr', 'Europe/Moscow', '2027-03-01T13:05:00Z', /1 mars 2027.*16:05/],
    ['ru', 'Europe/Moscow', '2027-03-01T13:05:00Z', /1 мар\. 2027.*16:05/],
    ['es', 'America/Mexico_City', '2027-03-01T13:05:00Z', /1 mar 2027.*7:05/],
    ['en-GB', 'Europe/London', '2027-07-01T13:05:00Z', /1 Jul 2027.*14:05/],
  ])('%s in %s shows %s as %s', (locale, tz, iso, expected) => {
    expect(makeFormats(locale, tz).dateTime(iso)).toMatch(expected);
  });

  it('keeps the calendar day of the time zone, not of UTC', () => {
    expect(makeFormats('fr', 'Asia/Tokyo').date('2027-03-01T20:00:00Z')).toBe('2 mars 2027');
    expect(makeFormats('fr', 'America/New_York').date('2027-03-01T02:00:00Z')).toBe('28 février 2027');
  });

  it.each([
    ['fr', -3 * 3600_000, 'il y a 3 heures'],
    ['ru', -3 * 3600_000, '3 часа назад'],
    ['es', -2 * 86_400_000, 'anteayer'],
    ['en', 30_000, 'this minute'],
  ])('relative time in %s', (locale, offset, expected) => {
    const now = Date.parse('2027-03-10T12:00:00Z');
    expect(makeFormats(locale, 'UTC').relative(new Date(now + offset).toISOString(), now)).toBe(expected);
  });

  it.each([
    ['fr', 9 * 1024 * 1024, /^9\s?Mo$/],
    ['ru', 9 * 1024 * 1024, /^9\s?МБ$/],
    ['en', 1536, /^1\.5\s?kB$/],
    ['fr', 300, /^300\s?o$/],
  ])('file sizes in %s: %d bytes', (locale, n, expected) => {
    expect(makeFormats(locale, 'UTC').bytes(n)).toMatch(expected);
  });
});
