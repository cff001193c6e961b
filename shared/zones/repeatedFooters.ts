import { queryKey } from '../text/matchingKey';
import { BOILERPLATE_ZONE, type Zone } from '../documentLabels/judgmentFormat';

/**
 * (#21) Footers that repeat across a corpus, proposed as boilerplate: a trailing block of lines
 * that recurs identically (by matching key: letter forms, diacritics, ZWNJ and spacing folded)
 * at the end of at least `minArticles` articles, or that starts with a news agency's end-of-news
 * marker («انتهای پیام/», which closes the article text on most Persian news sites even alone).
 * Pure: the main-process scan reads the articles and writes the decisions.
 */

/** Trailing blocks longer than this are not looked at: a site's footer is a handful of menu lines. */
export const MAX_FOOTER_LINES = 15;
export const DEFAULT_MIN_ARTICLES = 3;
/** The end-of-news marker, as a matching key (so «انتهاي پيام» with Arabic yeh is the same). */
const END_OF_NEWS = queryKey('انتهای پیام');

interface Line {
  start: number;
  key: string;
}

/** The article's non-blank lines with their start in code points. */
function linesOf(text: string): Line[] {
  const lines: Line[] = [];
  let offset = 0;
  for (const line of text.split('\n')) {
    const key = queryKey(line);
    if (key.length > 0) lines.push({ start: offset, key });
    offset += Array.from(line).length + 1;
  }
  return lines;
}

/** The group a footer block belongs to: its lines' keys, the end-of-news line reduced to its marker (it often carries an article code). */
function blockKey(lines: readonly Line[]): string {
  return lines.map((line) => (line.key.startsWith(END_OF_NEWS) ? END_OF_NEWS : line.key)).join('\n');
}

export interface ArticleText {
  id: string;
  text: string;
  zones?: readonly Zone[];
  /** Footer keys the analyst rejected for this article. */
  rejected?: readonly string[];
}

export interface FooterProposal {
  /** The footer's group: the same in every article it recurs in. */
  key: string;
  articleId: string;
  /** The zone proposed, in code points: from the block's first line to the end of the text. */
  start: number;
  end: number;
  /** In how many of the scanned articles this block (or its recurring tail) ends the text. */
  articles: number;
}

/** Every trailing block of up to MAX_FOOTER_LINES lines, shortest first. */
function trailingBlocks(lines: readonly Line[]): { start: number; key: string; size: number }[] {
  const blocks = [];
  for (let size = 1; size <= Math.min(MAX_FOOTER_LINES, lines.length - 1); size++) {
    const block = lines.slice(lines.length - size);
    blocks.push({ start: block[0].start, key: blockKey(block), size });
  }
  return blocks;
}

/** Whether [start, end) is already inside the article's boilerplate zones. */
function alreadyBoilerplate(zones: readonly Zone[] | undefined, start: number, end: number): boolean {
  return (zones ?? []).some((zone) => zone.type === BOILERPLATE_ZONE && zone.start <= start && zone.end >= end);
}

/**
 * The footer proposal of each article, if any: its longest trailing block that recurs in at
 * least `minArticles` articles, widened to an end-of-news marker line just before or inside it.
 * An article's last line is never its whole text: a block stops short of the first line.
 */
export function proposeFooters(articles: readonly ArticleText[], minArticles = DEFAULT_MIN_ARTICLES): FooterProposal[] {
  const blocksOf = articles.map((article) => ({ article, length: Array.from(article.text).length, lines: linesOf(article.text) }));
  const counts = new Map<string, number>();
  for (const { lines } of blocksOf) for (const block of new Set(trailingBlocks(lines).map((entry) => entry.key))) counts.set(block, (counts.get(block) ?? 0) + 1);
  const proposals: FooterProposal[] = [];
  for (const { article, length, lines } of blocksOf) {
    const blocks = trailingBlocks(lines);
    const recurring = blocks.filter((block) => (counts.get(block.key) ?? 0) >= Math.max(2, minArticles)).at(-1);
    const markerIndex = lines.findLastIndex((line, index) => index > 0 && index >= lines.length - MAX_FOOTER_LINES && line.key.startsWith(END_OF_NEWS));
    const markerSize = markerIndex >= 0 ? lines.length - markerIndex : 0;
    const size = Math.max(recurring?.size ?? 0, markerSize);
    if (size === 0) continue;
    const chosen = blocks[size - 1];
    if (alreadyBoilerplate(article.zones, chosen.start, length) || article.rejected?.includes(chosen.key)) continue;
    proposals.push({ key: chosen.key, articleId: article.id, start: chosen.start, end: length, articles: counts.get(chosen.key) ?? 1 });
  }
  return proposals;
}

/** Where the footer of group `key` starts in this text (code points), if the text ends with it: for writing a decision. */
export function footerStartOf(text: string, key: string): number | null {
  const block = trailingBlocks(linesOf(text)).find((candidate) => candidate.key === key);
  return block ? block.start : null;
}
