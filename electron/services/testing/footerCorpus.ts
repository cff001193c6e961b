import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

/**
 * (#21) A corpus of news articles sharing a site's footer, as scraped: each ends with the
 * end-of-news marker (with the article's own code), then the same menu lines; one article has
 * no footer, one has a different, single-article ending. For the repeated-footer tests.
 */
export const FOOTER_LINES = ['اخبار پیشنهادی', 'تبادل نظر', 'آدرس ایمیل خود را با فرمت مناسب وارد نمایید.', 'آخرین اخبار'];

export const FOOTER_BODIES = [
  'وزیر خارجه امروز به دمشق رفت.\nاو با همتای خود دیدار کرد.',
  'بانک مرکزی نرخ سود را ثابت نگه داشت.\nبازار سرمایه واکنش نشان داد.',
  'تیم ملی فوتبال در تهران تمرین کرد.\nسرمربی از آمادگی بازیکنان گفت.',
  'باران در شمال کشور ادامه دارد.\nهواشناسی هشدار داد.',
];

export function footerArticle(body: string, code: number): string {
  return `${body}\n \nانتهای پیام/ ${code}\n${FOOTER_LINES.join('\n')}\n`;
}

export async function makeFooterCorpus(): Promise<string> {
  const root = await fs.mkdtemp(path.join(os.tmpdir(), 'hashiye-footers-'));
  for (const [index, body] of FOOTER_BODIES.entries()) await fs.writeFile(path.join(root, `news${index + 1}.txt`), footerArticle(body, 1000 + index));
  await fs.writeFile(path.join(root, 'plain.txt'), 'یک خبر بی پانویس.\nسطر دوم خبر.\n');
  return root;
}
