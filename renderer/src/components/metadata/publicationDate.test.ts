import { describe, expect, it } from 'vitest';
import { formatPublicationDate } from './publicationDate';

describe('publication dates', () => {
  it('shows Nowruz 1403 in Persian and the same day in English', () => {
    expect(formatPublicationDate('2024-03-20', 'fa')).toBe('۱ فروردین ۱۴۰۳');
    expect(formatPublicationDate('2024-03-20', 'en')).toBe('20 March 2024');
  });

  it('keeps the day whatever the time zone, and shows a malformed date as written', () => {
    expect(formatPublicationDate('2023-12-31', 'fa')).toBe('۱۰ دی ۱۴۰۲');
    expect(formatPublicationDate('2024-02-30', 'en')).toBe('2024-02-30');
  });
});
