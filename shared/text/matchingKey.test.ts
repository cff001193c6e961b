import { describe, expect, it } from 'vitest';
import { buildMatchingKey, findHits, foldCharacter, looseMatchAt, queryKey } from './matchingKey';

function hitsText(text: string, query: string, wholeWords = false): string[] {
  return findHits(text, buildMatchingKey(text), query, { wholeWords }).map((hit) => text.slice(hit.start, hit.end));
}

describe('foldCharacter', () => {
  it('folds Arabic yeh and kaf to Persian, and digits to ASCII', () => {
    expect(foldCharacter('ي')).toBe('ی');
    expect(foldCharacter('ك')).toBe('ک');
    expect(foldCharacter('۴')).toBe('4');
    expect(foldCharacter('٤')).toBe('4');
  });

  it('drops tatweel, harakat and bidi marks; unifies ZWNJ, NBSP and spaces', () => {
    expect(foldCharacter('\u0640')).toBe('');
    expect(foldCharacter('\u064e')).toBe('');
    expect(foldCharacter('\u200f')).toBe('');
    expect(foldCharacter('\u200c')).toBe('');
    expect(foldCharacter('\u00a0')).toBe(' ');
  });
});

describe('findHits', () => {
  it('finds Arabic-yeh and Arabic-kaf spellings with a Persian query, mapped back to the document', () => {
    const text = 'وزير خارجه در پكن گفت؛ وزیر در پکن ماند.';
    expect(hitsText(text, 'وزیر')).toEqual(['وزير', 'وزیر']);
    expect(hitsText(text, 'پکن')).toEqual(['پكن', 'پکن']);
  });

  it('matches across tatweel and harakat, returning the original spelling', () => {
    const text = 'مـحـمّد و محمد';
    expect(hitsText(text, 'محمد')).toEqual(['مـحـمّد', 'محمد']);
  });

  it('treats ZWNJ, space, NBSP and runs of them as one separator', () => {
    const text = 'می‌رود، می رود، می\u00a0رود و می  رود';
    expect(hitsText(text, 'می‌رود')).toEqual(['می‌رود', 'می رود', 'می\u00a0رود', 'می  رود']);
  });

  it('matches Persian, Arabic-Indic and ASCII digits alike', () => {
    const text = 'سال ۱۴۰۳ و سال ١٤٠٣ و سال 1403';
    expect(hitsText(text, '1403')).toEqual(['۱۴۰۳', '١٤٠٣', '1403']);
  });

  it('maps offsets correctly after characters beyond U+FFFF', () => {
    const text = '😀😀 تهران 🇮🇷 تهران';
    const hits = findHits(text, buildMatchingKey(text), 'تهران');
    expect(hits.map((hit) => text.slice(hit.start, hit.end))).toEqual(['تهران', 'تهران']);
    expect(hits[0].start).toBe(5);
  });

  it('takes harakat after the last letter into a whole-word hit', () => {
    expect(hitsText('وزیرِ کشور', 'وزیر', true)).toEqual(['وزیرِ']);
  });

  it('keeps whole words only when asked', () => {
    const text = 'ایران و ایرانی';
    expect(hitsText(text, 'ایران')).toHaveLength(2);
    expect(hitsText(text, 'ایران', true)).toEqual(['ایران']);
  });

  it('is case-insensitive for Latin and ignores empty queries', () => {
    expect(hitsText('NASA و nasa', 'Nasa')).toEqual(['NASA', 'nasa']);
    expect(hitsText('متن', '  ')).toEqual([]);
    expect(queryKey(' ‌ايران ')).toBe('ایران');
  });

  it('builds the key of a 1 MB text quickly enough for typing', () => {
    const text = 'خبرگزاری ایرنا گزارش داد که وزیر امور خارجه به پکن سفر کرد. '.repeat(17_000);
    const started = performance.now();
    const key = buildMatchingKey(text);
    const hits = findHits(text, key, 'پكن');
    expect(hits).toHaveLength(17_000);
    expect(performance.now() - started).toBeGreaterThan(0);
  });
});

describe('findHits on scraped Persian (ZWNJ lost, doubled or replaced)', () => {
  const ZWNJ = '\u200c';

  it('finds a word whether its ZWNJ is present, lost or replaced by a space or NBSP, from any spelling of the query', () => {
    const text = `نشان می${ZWNJ}دهد، نشان میدهد، نشان می دهد، نشان می\u00a0دهد و نشان می${ZWNJ}${ZWNJ}دهد.`;
    const expected = [`می${ZWNJ}دهد`, 'میدهد', 'می دهد', 'می\u00a0دهد', `می${ZWNJ}${ZWNJ}دهد`];
    expect(hitsText(text, `می${ZWNJ}دهد`)).toEqual(expected);
    expect(hitsText(text, 'میدهد')).toEqual(expected);
    expect(hitsText(text, 'می دهد')).toEqual(expected);
    expect(hitsText(text, `نشان می${ZWNJ}دهد`, true)).toEqual(expected.map((word) => `نشان ${word}`));
  });

  it('finds «گروه‌های تروریستی» in scraped «گروههای تروریستی», with exact offsets', () => {
    const text = 'حمله گروههای تروریستی و گروه های تروریستی';
    const hits = findHits(text, buildMatchingKey(text), `گروه${ZWNJ}های تروریستی`, { wholeWords: true });
    expect(hits.map((hit) => text.slice(hit.start, hit.end))).toEqual(['گروههای تروریستی', 'گروه های تروریستی']);
    expect(hits[0]).toEqual({ start: 5, end: 21 });
  });

  it('never takes a ZWNJ at either end into a hit', () => {
    const text = `کتاب${ZWNJ}ها`;
    expect(hitsText(text, 'کتاب')).toEqual(['کتاب']);
  });

  it('skips a space only between Arabic-script letters, and only for whole words', () => {
    expect(hitsText('بای رانندگی', 'ایران')).toEqual([]);
    expect(hitsText('new s and news', 'news')).toEqual(['news']);
    expect(hitsText('نمی دهد', 'میدهد')).toEqual([]);
    expect(hitsText('نمیدهد', 'میدهد')).toEqual(['میدهد']);
    expect(hitsText('نمیدهد', 'میدهد', true)).toEqual([]);
  });

  it('maps offsets after surrogate pairs and NBSP runs', () => {
    const text = `😀 گروه${ZWNJ}\u00a0های 😀 گروههای`;
    const hits = findHits(text, buildMatchingKey(text), 'گروههای');
    expect(hits.map((hit) => text.slice(hit.start, hit.end))).toEqual([`گروه${ZWNJ}\u00a0های`, 'گروههای']);
    expect(hits[0].start).toBe(3);
  });

  it('gives the same key to every ZWNJ spelling', () => {
    expect(queryKey(`می${ZWNJ}دهد`)).toBe(queryKey('میدهد'));
    expect(looseMatchAt(buildMatchingKey('می دهد'), 0, queryKey('میدهد'))).toEqual({ end: 6, exact: false });
  });
});
