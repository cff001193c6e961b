import { describe, expect, it } from 'vitest';
import { sentenceStarts } from './sentences';
import { tokenizeUtf16 } from './tokenizer';

/** The text's sentences as the token exporters cut them, each as its tokens joined by spaces. */
function sentencesOf(text: string): string[] {
  const boundaries = tokenizeUtf16(text);
  const starts = sentenceStarts(text, boundaries, { splitOnPunctuation: true });
  const sentences: string[] = [];
  for (let index = 0; index + 1 < starts.length; index++) {
    sentences.push(text.slice(boundaries[starts[index] * 2], boundaries[starts[index + 1] * 2 - 1]));
  }
  return sentences;
}

describe('sentence ends (#22)', () => {
  it('ends a sentence after . ! ? with closing quotes, and at line ends', () => {
    expect(sentencesOf('It rained. "Did it?" Yes!\nNext line')).toEqual(['It rained.', '"Did it?"', 'Yes!', 'Next line']);
  });

  it('English: no end after known abbreviations', () => {
    expect(sentencesOf('Smith et al. Reported it, e.g. In Fig. 3 and cf. Table 2. Then Dr. Who came. Done.')).toEqual([
      'Smith et al. Reported it, e.g. In Fig. 3 and cf. Table 2.',
      'Then Dr. Who came.',
      'Done.',
    ]);
    expect(sentencesOf('That is, i.e. Mostly. See No. 5 here.')).toEqual(['That is, i.e. Mostly.', 'See No. 5 here.']);
  });

  it('English: initials before a name, and a stop before a lower-case word, do not end a sentence', () => {
    expect(sentencesOf('As S. Smith wrote about M. tuberculosis growth. It grew.')).toEqual(['As S. Smith wrote about M. tuberculosis growth.', 'It grew.']);
    expect(sentencesOf('It is approx. three days. Then more.')).toEqual(['It is approx. three days.', 'Then more.']);
  });

  it('English: a dotted abbreviation keeps its stop, decimals never split, a stop inside brackets does not end', () => {
    expect(sentencesOf('The U.S. Army grew 3.5 times (see Fig. 2. Left). Good.')).toEqual(['The U.S. Army grew 3.5 times (see Fig. 2. Left).', 'Good.']);
  });

  it('English: an unclosed bracket does not swallow the sentence ends after it', () => {
    expect(sentencesOf('1 ) One. Two ( three. Four.')).toEqual(['1 ) One.', 'Two ( three.', 'Four.']);
  });

  it('Persian: . ! ؟ end a sentence, «؛» does not', () => {
    expect(sentencesOf('او آمد. آیا رفت؟ نه! شاید؛ فردا می‌آید.')).toEqual(['او آمد.', 'آیا رفت؟', 'نه!', 'شاید؛ فردا می‌آید.']);
  });

  it('Persian: dotted abbreviations «ق.م.» «ه.ش.» and Persian decimals do not end a sentence', () => {
    expect(sentencesOf('در سال ۵۵۰ ق.م. کوروش آمد. در ۱۳۵۷ ه.ش. انقلاب شد. رشد ۳٫۵ درصد و ۳.۵ بود.')).toEqual([
      'در سال ۵۵۰ ق.م. کوروش آمد.',
      'در ۱۳۵۷ ه.ش. انقلاب شد.',
      'رشد ۳٫۵ درصد و ۳.۵ بود.',
    ]);
  });

  it('Persian: a one-letter abbreviation («ج.» volume, «ص.» page) does not end a sentence', () => {
    expect(sentencesOf('نگاه کنید به ج. ۲، ص. ۴۵ از کتاب. پایان.')).toEqual(['نگاه کنید به ج. ۲، ص. ۴۵ از کتاب.', 'پایان.']);
  });

  it('Arabic: «د.» before a name, «أ.د.», Arabic decimals and «؛» do not end a sentence; «؟» does', () => {
    expect(sentencesOf('قال د. محمد إن النمو بلغ ٣٫٥ في المئة؛ وقال أ.د. علي ذلك. هل صحيح؟ نعم.')).toEqual([
      'قال د. محمد إن النمو بلغ ٣٫٥ في المئة؛ وقال أ.د. علي ذلك.',
      'هل صحيح؟',
      'نعم.',
    ]);
  });

  it('with source tokens only line ends split', () => {
    const text = 'A. B.\nC';
    const boundaries = tokenizeUtf16(text);
    expect(sentenceStarts(text, boundaries, { splitOnPunctuation: false })).toEqual([0, 4, 5]);
  });
});

describe('sentence ends: a stop glued to the next word (#22)', () => {
  it('does not end a sentence inside a name such as «PU.1» or a web address, in any script', () => {
    expect(sentencesOf('Spi-1/PU.1 binds here. See hashiye.example.org now. Done.')).toEqual(['Spi-1/PU.1 binds here.', 'See hashiye.example.org now.', 'Done.']);
    expect(sentencesOf('نسخهٔ الف.۲ آمد. پایان.')).toEqual(['نسخهٔ الف.۲ آمد.', 'پایان.']);
  });
});
