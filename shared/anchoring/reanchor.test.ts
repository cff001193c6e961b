import { describe, expect, it } from 'vitest';
import { quoteAround } from './quote';
import { reanchor, type AnchorInput } from './reanchor';

/** An anchor input for the `occurrence`-th (0-based) «needle» in `text`, as the app stores it. */
function anchorFor(text: string, needle: string, occurrence = 0): AnchorInput {
  const codePoints = Array.from(text);
  const needlePoints = Array.from(needle);
  let seen = 0;
  for (let start = 0; start + needlePoints.length <= codePoints.length; start++) {
    if (codePoints.slice(start, start + needlePoints.length).join('') === needle) {
      if (seen === occurrence) {
        const end = start + needlePoints.length;
        return { start, end, text: needle, ...quoteAround(codePoints, start, end) };
      }
      seen++;
    }
  }
  throw new Error(`«${needle}» #${occurrence} not in the text`);
}

function slice(text: string, start: number, end: number): string {
  return Array.from(text).slice(start, end).join('');
}

const ARTICLE = 'به گزارش باشگاه خبرنگاران جوان، سرلشکر باقری رئیس ستاد کل نیروهای مسلح امروز در دمشق با همتایان سوری و عراقی دیدار کرد. '
  + 'او گفت که همکاری ایران و سوریه ادامه می‌دهد. باقری افزود که داعش شکست خورده است.';

describe('reanchor', () => {
  it('leaves annotations of an unchanged text where they are', () => {
    const inputs = [anchorFor(ARTICLE, 'باقری'), anchorFor(ARTICLE, 'دمشق'), anchorFor(ARTICLE, 'باقری', 1)];
    expect(reanchor(inputs, ARTICLE).map((result) => result.status)).toEqual(['unchanged', 'unchanged', 'unchanged']);
  });

  it('moves an annotation with its word when text is inserted before it', () => {
    const inputs = [anchorFor(ARTICLE, 'سرلشکر باقری'), anchorFor(ARTICLE, 'داعش'), anchorFor(ARTICLE, 'باشگاه خبرنگاران جوان')];
    const inserted = 'خبر فوری: ';
    const changed = inserted + ARTICLE;
    const results = reanchor(inputs, changed);
    results.forEach((result, index) => {
      expect(result.status).toBe('moved');
      expect(result.newStart).toBe(inputs[index].start + Array.from(inserted).length);
      expect(slice(changed, result.newStart ?? 0, result.newEnd ?? 0)).toBe(inputs[index].text);
    });
  });

  it('turns a deleted tagged word into an orphan, even when the same name appears elsewhere', () => {
    const first = anchorFor(ARTICLE, 'باقری');
    const unique = anchorFor(ARTICLE, 'دمشق');
    const changed = ARTICLE.replace('سرلشکر باقری ', 'سرلشکر ').replace('در دمشق ', 'در ');
    const results = reanchor([first, unique], changed);
    expect(results.map((result) => result.status)).toEqual(['orphan', 'orphan']);
    expect(results[0]).toMatchObject({ oldStart: first.start, oldEnd: first.end, newStart: null, newEnd: null });
  });

  it('follows an edit inside the tagged word as a fuzzy match', () => {
    const text = 'The minister Mohammad Javad Zarif arrived in Vienna on Monday for talks.';
    const input = anchorFor(text, 'Mohammad Javad Zarif');
    const changed = 'Yesterday the minister Mohammed Javad Zarif arrived in Vienna on Monday for talks.';
    const [result] = reanchor([input], changed);
    expect(result.status).toBe('fuzzy');
    expect(result.newText).toBe('Mohammed Javad Zarif');
    expect(slice(changed, result.newStart ?? 0, result.newEnd ?? 0)).toBe('Mohammed Javad Zarif');
  });

  it('does not accept a fuzzy match for a short name: it must match exactly', () => {
    const text = 'Ali met Reza in Tehran and they talked.';
    const [result] = reanchor([anchorFor(text, 'Ali')], 'Alo met Reza in Tehran and they talked.');
    expect(result.status).toBe('orphan');
  });

  it('tells duplicate names apart by their context', () => {
    const text = 'علی به تهران رفت. سپس رضا گفت که علی به اصفهان رفت.';
    const second = anchorFor(text, 'علی', 1);
    const first = anchorFor(text, 'علی', 0);
    // The first sentence is removed: the second «علی» is now near the first one's old offset.
    const changed = 'سپس رضا گفت که علی به اصفهان رفت.';
    const results = reanchor([first, second], changed);
    expect(results[1].status).toBe('moved');
    expect(results[1].newStart).toBe(Array.from('سپس رضا گفت که ').length);
    expect(results[0].status).toBe('orphan');
  });

  it('keeps duplicates with identical context in order, by the shift of their neighbours', () => {
    const block = 'اطلاعیه: ایران اعلام کرد. ';
    const text = block.repeat(3);
    const inputs = [0, 1, 2].map((occurrence) => anchorFor(text, 'ایران', occurrence));
    const changed = `مقدمه‌ای طولانی‌تر از یک بلوک کامل برای جابه‌جایی. ${text}`;
    const shift = Array.from('مقدمه‌ای طولانی‌تر از یک بلوک کامل برای جابه‌جایی. ').length;
    const results = reanchor(inputs, changed);
    expect(results.map((result) => result.newStart)).toEqual(inputs.map((input) => input.start + shift));
  });

  it('counts code points around emoji and ZWNJ, before, inside and after spans', () => {
    const text = '😀 می‌دهد 👍🏽 «کتاب‌ها» 🇮🇷 پایان';
    const inputs = [anchorFor(text, 'می‌دهد'), anchorFor(text, '👍🏽 «کتاب‌ها»'), anchorFor(text, 'پایان')];
    const changed = `🎉🎉 ${text.replace('🇮🇷', '🇮🇷🇮🇷')}`;
    const results = reanchor(inputs, changed);
    expect(results.map((result) => result.status)).toEqual(['moved', 'moved', 'moved']);
    results.forEach((result, index) => {
      expect(slice(changed, result.newStart ?? 0, result.newEnd ?? 0)).toBe(inputs[index].text);
    });
    expect(results[0].newStart).toBe(inputs[0].start + 3);
    expect(results[2].newStart).toBe(inputs[2].start + 5);
  });

  it('keeps a ZWNJ edit inside a long word as fuzzy, never splitting a surrogate pair', () => {
    const text = 'گروه‌های تروریستی 😀😀 در شرق فرات و غوطه شرقی حضور داشتند';
    const input = anchorFor(text, 'گروه‌های تروریستی 😀😀');
    const changed = `خبر: ${text.replace('گروه‌های', 'گروههای')}`;
    const [result] = reanchor([input], changed);
    expect(result.status).toBe('fuzzy');
    expect(result.newText).toBe('گروههای تروریستی 😀😀');
  });

  it('reanchors a long passage whose middle was edited', () => {
    const passage = 'The joint statement issued after the trilateral summit in Tehran called for an end to the conflict and for humanitarian access.';
    const text = `Intro paragraph.\n${passage}\nClosing line.`;
    const input = anchorFor(text, passage);
    const edited = passage.replace('called for', 'urged');
    const changed = `A new intro paragraph that is longer.\n${edited}\nClosing line.`;
    const [result] = reanchor([input], changed);
    expect(result.status).toBe('fuzzy');
    expect(result.newText).toBe(edited);
  });

  it('handles empty inputs and an empty new text', () => {
    expect(reanchor([], ARTICLE)).toEqual([]);
    const [result] = reanchor([anchorFor(ARTICLE, 'دمشق')], '');
    expect(result.status).toBe('orphan');
  });

  it('places a zero-length annotation by its context', () => {
    const input: AnchorInput = { start: 3, end: 3, text: '', prefix: 'abc', suffix: 'def' };
    const [result] = reanchor([input], 'xxabcdef');
    expect(result).toMatchObject({ status: 'moved', newStart: 5, newEnd: 5 });
  });

  it('re-anchors 2,000 mentions of one name, with near-identical contexts, when text is inserted at the top', () => {
    const sentence = 'سرلشکر باقری در دمشق با همتایان سوری و عراقی دیدار کرد و گفت ایران می‌ماند. ';
    const text = Array.from({ length: 2000 }, (_, index) => `${index} ${sentence}`).join('');
    const inputs: AnchorInput[] = [];
    const codePoints = Array.from(text);
    // The text has no astral characters, so UTF-16 offsets are code-point offsets.
    for (let start = text.indexOf('باقری'); start !== -1; start = text.indexOf('باقری', start + 1)) {
      inputs.push({ start, end: start + 5, text: 'باقری', ...quoteAround(codePoints, start, start + 5) });
    }
    expect(inputs).toHaveLength(2000);
    const changed = `تیتر تازه\n${text}`;
    const results = reanchor(inputs, changed);
    expect(results.every((result, index) => result.status === 'moved' && result.newStart === inputs[index].start + 10)).toBe(true);
  });
});
