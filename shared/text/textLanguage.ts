/** The language and writing direction of an article, for its `lang` and `dir` (screen readers, fonts, line breaking). */
export interface TextLanguage {
  /** A BCP 47 tag: `fa`, `ar`, `he`, `en`, or `und` when the text has no letters. */
  lang: string;
  dir: 'rtl' | 'ltr';
}

/** Letters only Persian (not Arabic) writes: پ چ ژ گ, and Persian kaf and yeh. */
const PERSIAN_LETTERS = /[\u067e\u0686\u0698\u06af\u06a9\u06cc]/gu;
const ARABIC_SCRIPT = /\p{Script=Arabic}/gu;
const HEBREW_SCRIPT = /\p{Script=Hebrew}/gu;
const LATIN_SCRIPT = /\p{Script=Latin}/gu;
/** The opening of the text decides: enough for any article, cheap for a huge one. */
const SAMPLE_CHARACTERS = 8000;

function count(pattern: RegExp, text: string): number {
  return text.match(pattern)?.length ?? 0;
}

/**
 * The script most of the text's letters are in decides: Arabic script is Persian when it uses a
 * letter only Persian has (a scraped Persian text may spell yeh and kaf the Arabic way, but never
 * all of them), else Arabic; Latin script is taken as English, the app's other language.
 */
export function languageOfText(text: string): TextLanguage {
  const sample = text.slice(0, SAMPLE_CHARACTERS);
  const arabic = count(ARABIC_SCRIPT, sample);
  const hebrew = count(HEBREW_SCRIPT, sample);
  const latin = count(LATIN_SCRIPT, sample);
  if (arabic === 0 && hebrew === 0 && latin === 0) return { lang: 'und', dir: 'rtl' };
  if (arabic >= hebrew && arabic >= latin) return { lang: count(PERSIAN_LETTERS, sample) > 0 ? 'fa' : 'ar', dir: 'rtl' };
  if (hebrew >= latin) return { lang: 'he', dir: 'rtl' };
  return { lang: 'en', dir: 'ltr' };
}
