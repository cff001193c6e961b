/**
 * The encodings an article can be reopened in (the article header's chooser and article.load's
 * `encoding`), with their names in Persian and English. Names are iconv-lite's (and what the
 * annotation file records in `source.encoding`). `auto` goes back to detection.
 */
export const ARTICLE_ENCODINGS = ['utf-8', 'utf-16le', 'utf-16be', 'windows-1256', 'iso-8859-6', 'cp720', 'cp864', 'windows-1252'] as const;
export type ArticleEncoding = (typeof ARTICLE_ENCODINGS)[number];
export const AUTO_ENCODING = 'auto';

export const ARTICLE_ENCODING_LABELS: Record<ArticleEncoding | typeof AUTO_ENCODING, { fa: string; en: string }> = {
  auto: { fa: 'تشخیص خودکار', en: 'Detect automatically' },
  'utf-8': { fa: 'UTF-8 (یونیکد)', en: 'UTF-8 (Unicode)' },
  'utf-16le': { fa: 'UTF-16 LE (یونیکد)', en: 'UTF-16 LE (Unicode)' },
  'utf-16be': { fa: 'UTF-16 BE (یونیکد)', en: 'UTF-16 BE (Unicode)' },
  'windows-1256': { fa: 'Windows-1256 (عربی/فارسی ویندوز)', en: 'Windows-1256 (Arabic/Persian, Windows)' },
  'iso-8859-6': { fa: 'ISO-8859-6 (عربی)', en: 'ISO-8859-6 (Arabic)' },
  cp720: { fa: 'CP720 (عربی داس)', en: 'CP720 (Arabic, DOS)' },
  cp864: { fa: 'CP864 (عربی IBM)', en: 'CP864 (Arabic, IBM)' },
  'windows-1252': { fa: 'Windows-1252 (لاتین غربی)', en: 'Windows-1252 (Western Latin)' },
};

/** Encodings recorded by detection that the chooser names differently (a BOM is read with its encoding). */
export function chooserEncodingOf(encoding: string): ArticleEncoding | null {
  const name = encoding === 'utf-8-bom' ? 'utf-8' : encoding;
  return (ARTICLE_ENCODINGS as readonly string[]).includes(name) ? (name as ArticleEncoding) : null;
}

/** A value of the chooser as article.load's `encoding` (shared/ipc.ts's ArticleEncodingChoiceSchema, checked without zod for the window, #25); throws on any other. */
export function articleEncodingChoiceOf(value: string): ArticleEncoding | typeof AUTO_ENCODING {
  if (value === AUTO_ENCODING) return AUTO_ENCODING;
  const encoding = (ARTICLE_ENCODINGS as readonly string[]).includes(value) ? (value as ArticleEncoding) : null;
  if (encoding === null) throw new Error(`Not an article encoding: ${value}`);
  return encoding;
}
