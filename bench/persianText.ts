/**
 * A deterministic generator of realistic Persian news text for the benchmark: words with
 * ZWNJ (U+200C) inside, Persian digits, some Latin words, Persian punctuation, NBSP and a
 * rare emoji (beyond U+FFFF, so code-point and UTF-16 offsets differ as in real files).
 */

export { seededRandom } from '../shared/seededRandom';

const ZWNJ = '\u200C';

const NOUNS = [
  'دولت', 'مجلس', 'وزیر', 'رئیس', 'کشور', 'شهر', 'تهران', 'اصفهان', 'شیراز', 'مشهد', 'تبریز', 'خبرگزاری', 'گزارش',
  'اقتصاد', 'بازار', 'بانک', 'مرکزی', 'نفت', 'گاز', 'صادرات', 'واردات', 'تورم', 'قیمت', 'ریال', 'دلار', 'سازمان',
  'ملل', 'متحد', 'شورا', 'امنیت', 'دانشگاه', 'دانشجو', 'مدرسه', 'بیمارستان', 'پزشک', 'بیمار', 'ورزش', 'فوتبال',
  'تیم', 'ملی', 'بازیکن', 'مربی', 'جام', 'جهانی', 'فرودگاه', 'مترو', 'خیابان', 'پروژه', 'طرح', 'قانون', 'بودجه',
  'سال', 'ماه', 'هفته', 'روز', 'امروز', 'دیروز', 'فردا', 'مردم', 'جوانان', 'کارگران', 'کشاورزان', 'محیط', 'زیست',
  'آب', 'برق', 'هوا', 'آلودگی', 'باران', 'زلزله', 'سیل', 'پلیس', 'دادگاه', 'قاضی', 'سفیر', 'هیئت', 'نشست', 'اجلاس',
  'سخنگو', 'استاندار', 'شهردار', 'فرماندار', 'نماینده', 'انتخابات', 'رأی', 'نامزد', 'حزب', 'رسانه', 'روزنامه',
  'فناوری', 'اینترنت', 'شرکت', 'کارخانه', 'خودرو', 'تولید', 'سرمایه', 'گذاری', 'توسعه', 'پژوهش', 'علم', 'فرهنگ',
];
const ZWNJ_WORDS = [
  `می${ZWNJ}گوید`, `می${ZWNJ}شود`, `می${ZWNJ}کند`, `می${ZWNJ}دهد`, `نمی${ZWNJ}شود`, `کتاب${ZWNJ}ها`, `خانه${ZWNJ}ها`,
  `سرمایه${ZWNJ}گذاری`, `بین${ZWNJ}المللی`, `هم${ZWNJ}اکنون`, `پیش${ZWNJ}بینی`, `دانش${ZWNJ}آموزان`, `شرکت${ZWNJ}های`,
  `سه${ZWNJ}جانبه`, `می${ZWNJ}خواهند`, `کرده${ZWNJ}است`, `شده${ZWNJ}اند`, `راه${ZWNJ}اندازی`, `برنامه${ZWNJ}ریزی`,
  `نشان${ZWNJ}دهنده`, `گفت${ZWNJ}وگو`, `هم${ZWNJ}چنین`, `بی${ZWNJ}سابقه`, `تصمیم${ZWNJ}گیری`,
];
const FUNCTION_WORDS = ['و', 'در', 'به', 'از', 'که', 'این', 'آن', 'با', 'برای', 'را', 'تا', 'بر', 'هم', 'نیز', 'اما', 'یا', 'پس', 'چون'];
const VERBS = ['گفت', 'کرد', 'است', 'بود', 'شد', 'داد', 'دارد', 'خواهد', 'رسید', 'افزود', 'اعلام', 'کرد', 'تأکید', 'کرد'];
const LATIN = ['OPEC', 'UN', 'iPhone', 'COVID-19', 'IMF', 'FIFA', 'Tehran Times', 'API', 'GDP', 'Reuters', 'AI', 'NASA'];
const PERSIAN_DIGITS = '۰۱۲۳۴۵۶۷۸۹';
const EMOJI = ['📈', '⚽', '🌧️', '🚇', '📰'];

function pick<T>(random: () => number, items: readonly T[]): T {
  return items[Math.floor(random() * items.length)];
}

function persianNumber(random: () => number): string {
  const digits = random() < 0.3 ? '۱۴۰' + PERSIAN_DIGITS[Math.floor(random() * 5)] : String(Math.floor(random() * 100000));
  const persian = digits.replace(/[0-9]/g, (digit) => PERSIAN_DIGITS[Number(digit)]);
  return random() < 0.15 ? `${persian}٫${PERSIAN_DIGITS[Math.floor(random() * 10)]}` : persian;
}

function word(random: () => number): string {
  const roll = random();
  if (roll < 0.32) return pick(random, FUNCTION_WORDS);
  if (roll < 0.7) return pick(random, NOUNS);
  if (roll < 0.84) return pick(random, ZWNJ_WORDS);
  if (roll < 0.93) return pick(random, VERBS);
  if (roll < 0.97) return persianNumber(random);
  if (roll < 0.998) return pick(random, LATIN);
  return pick(random, EMOJI);
}

/** One sentence of 6 to 24 words ending with Persian punctuation. */
export function persianSentence(random: () => number): string {
  const count = 6 + Math.floor(random() * 19);
  let sentence = '';
  for (let index = 0; index < count; index++) {
    if (index > 0) sentence += random() < 0.03 ? '\u00A0' : random() < 0.06 ? '، ' : ' ';
    sentence += word(random);
  }
  return sentence + (random() < 0.9 ? '.' : random() < 0.5 ? '؟' : '؛');
}

/** A paragraph of 1 to 6 sentences (about 300 bytes on average). */
export function persianParagraph(random: () => number): string {
  const sentences = 1 + Math.floor(random() * 3);
  const parts: string[] = [];
  for (let index = 0; index < sentences; index++) parts.push(persianSentence(random));
  return parts.join(' ');
}

/** An article of about `targetBytes` UTF-8 bytes: paragraphs separated by one LF, ending with LF. */
export function persianArticle(random: () => number, targetBytes: number): string {
  const paragraphs: string[] = [];
  let bytes = 0;
  const encoder = new TextEncoder();
  while (bytes < targetBytes) {
    const paragraph = persianParagraph(random);
    paragraphs.push(paragraph);
    bytes += encoder.encode(paragraph).length + 1;
  }
  return `${paragraphs.join('\n')}\n`;
}
